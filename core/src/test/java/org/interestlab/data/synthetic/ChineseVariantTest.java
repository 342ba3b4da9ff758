package org.interestlab.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.interestlab.data.Interaction;
import org.interestlab.data.Item;
import org.interestlab.data.synthetic.SyntheticInterests.Params;
import org.junit.jupiter.api.Test;

/** {@code language: zh} changes the texts and nothing else. */
class ChineseVariantTest {

  @Test
  void sameLatentStructureOnlyTextsDiffer() {
    SyntheticData en = SyntheticInterests.generate(Params.defaults());
    SyntheticData zh = SyntheticInterests.generate(Params.defaults().withLanguage("zh"));
    assertThat(zh.dataset().name()).isEqualTo("synthetic-interests");
    assertThat(zh.dataset().users()).isEqualTo(en.dataset().users());
    assertThat(zh.dataset().numItems()).isEqualTo(en.dataset().numItems());
    List<Interaction> a = en.dataset().interactions();
    List<Interaction> b = zh.dataset().interactions();
    assertThat(b).hasSameSizeAs(a);
    int differentTexts = 0;
    for (int i = 0; i < a.size(); i++) {
      Interaction x = a.get(i);
      Interaction y = b.get(i);
      assertThat(List.of(y.user(), y.item(), y.timestamp())).isEqualTo(List.of(x.user(), x.item(), x.timestamp()));
      assertThat(y.rating()).isEqualTo(x.rating());
      // An empty review stays empty in both languages.
      assertThat(y.hasText()).isEqualTo(x.hasText());
      if (x.hasText() && !x.text().equals(y.text())) differentTexts++;
      if (y.hasText()) assertThat(y.text()).matches(".*\\p{IsHan}.*");
    }
    assertThat(differentTexts).isPositive();
    for (int i = 0; i < en.dataset().numItems(); i++) {
      Item x = en.dataset().items().get(i);
      Item y = zh.dataset().items().get(i);
      assertThat(y.id()).isEqualTo(x.id());
      assertThat(y.title()).matches(".*\\p{IsHan}.*");
      assertThat(y.text()).matches(".*\\p{IsHan}.*").endsWith("。");
      assertThat(y.categories()).hasSameSizeAs(x.categories());
    }
    // Topics keep their indices; the names are Chinese.
    assertThat(zh.truth().topics().stream().map(GroundTruth.Topic::name).toList()).containsExactly(
        "旅游", "美食", "艺术", "音乐", "运动", "科技", "财经", "健康健身", "游戏", "影视", "科学", "时尚", "AI绘画");
    assertThat(zh.truth().primaryInterest(zh.dataset())).isEqualTo(en.truth().primaryInterest(en.dataset()));
    assertThat(zh.truth().itemTopics(zh.dataset())).isEqualTo(en.truth().itemTopics(en.dataset()));
    assertThat(zh.truth().driftEvents()).isEqualTo(en.truth().driftEvents());
    for (int u = 0; u < 3000; u += 11) {
      assertThat(zh.truth().users().get(u).weights()).isEqualTo(en.truth().users().get(u).weights());
      assertThat(zh.truth().users().get(u).interests()).isEqualTo(en.truth().users().get(u).interests());
    }
  }
}
