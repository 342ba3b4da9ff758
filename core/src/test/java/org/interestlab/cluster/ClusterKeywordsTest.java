package org.interestlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.interestlab.UserException;
import org.junit.jupiter.api.Test;

class ClusterKeywordsTest {
  /**
   * Worked by hand. Cluster 0: "apple apple banana" + "apple cherry" → apple 3, banana 1, cherry 1
   * (5 terms). Cluster 1: "banana banana" + "cherry the and" (stop words dropped) → banana 2,
   * cherry 1 (3 terms). The noise point is ignored. A = (5 + 3) / 2 = 4; f(apple) = 3, f(banana) =
   * 3, f(cherry) = 2. W(apple, 0) = 3/5 · ln(1 + 4/3) = 0.508378716232322, W(cherry, 0) = 1/5 · ln 3
   * = 0.219722457733622, W(banana, 0) = 1/5 · ln(7/3) = 0.169459572077441, W(banana, 1) = 2/3 ·
   * ln(7/3) = 0.564865240258136, W(cherry, 1) = 1/3 · ln 3 = 0.366204096222703.
   */
  @Test
  void cTfIdfMatchesTheHandComputedWeights() {
    List<String> texts = List.of("apple apple banana", "Apple, cherry!", "banana banana", "cherry the and", "apple");
    int[] labels = {0, 0, 1, 1, -1};
    ClusterKeywords.Result r = new ClusterKeywords(3).fit(texts, labels);
    assertThat(r.of(0)).containsExactly("apple", "cherry", "banana");
    assertThat(r.weights().get(0)[0]).isCloseTo(0.508378716232322, within(1e-12));
    assertThat(r.weights().get(0)[1]).isCloseTo(0.219722457733622, within(1e-12));
    assertThat(r.weights().get(0)[2]).isCloseTo(0.169459572077441, within(1e-12));
    assertThat(r.of(1)).containsExactly("banana", "cherry");
    assertThat(r.weights().get(1)[0]).isCloseTo(0.564865240258136, within(1e-12));
    assertThat(r.weights().get(1)[1]).isCloseTo(0.366204096222703, within(1e-12));
  }

  @Test
  void topNCutsAndTiesGoAlphabetically() {
    // Both clusters hold each of their terms once: equal weights, alphabetical order.
    ClusterKeywords.Result r = new ClusterKeywords(2).fit(List.of("zebra yak xenops", "lion"), new int[] {0, 1});
    assertThat(r.of(0)).containsExactly("xenops", "yak");
    assertThat(r.of(1)).containsExactly("lion");
  }

  @Test
  void emptyClustersHaveNoKeywords() {
    ClusterKeywords.Result r = new ClusterKeywords(2).fit(List.of("guitar", ""), new int[] {2, 0});
    assertThat(r.top()).hasSize(3);
    assertThat(r.of(0)).isEmpty();
    assertThat(r.of(1)).isEmpty();
    assertThat(r.of(2)).containsExactly("guitar");
  }

  @Test
  void chineseKeepsCharacterBigramsWithoutFunctionCharacters() {
    // 海滩的护照 → characters and bigrams 海滩 滩的 的护 护照; singles and bigrams holding 的 are stop terms.
    assertThat(ClusterKeywords.terms("海滩的护照")).containsExactly("海滩", "护照");
    assertThat(ClusterKeywords.terms("The 2023 beach and the passport")).containsExactly("beach", "passport");
  }

  /**
   * 纪念 and 念品 are always followed / preceded by the rest of 纪念品, so both read as 纪念品, listed
   * once. 地图 stands alone (its neighbours are a function character or the end of the text).
   * 唱片 is followed by 公 in 2 of its 3 occurrences (67% &lt; 80%): it stays 唱片.
   */
  @Test
  void chineseBigramsAreShownAsTheWordsTheyArePartsOf() {
    List<String> texts = List.of("纪念品和地图", "纪念品。地图", "唱片公司", "唱片公司", "唱片");
    ClusterKeywords.Result r = new ClusterKeywords(3).fit(texts, new int[] {0, 0, 1, 1, 1});
    assertThat(r.of(0)).containsExactlyInAnyOrder("纪念品", "地图");
    assertThat(r.of(1)).contains("唱片", "唱片公司");
    assertThat(r.of(1)).doesNotHaveDuplicates();
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> new ClusterKeywords(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("top_n");
    assertThatThrownBy(() -> new ClusterKeywords(3).fit(List.of("a"), new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 texts for 2 labels");
    assertThatThrownBy(() -> new ClusterKeywords(3).fit(List.of("a"), new int[] {-2}))
        .isInstanceOf(UserException.class).hasMessageContaining("label -2");
  }
}
