package org.interestlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.interestlab.params.ParameterException;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;

class InterestHierarchyTest {
  /** Two far groups (x ≈ ±10), each made of two sub-groups (y ≈ ±1), 10 points each, with matching words. */
  private static Embeddings points() {
    float[][] rows = new float[40][];
    for (int i = 0; i < 40; i++) {
      float x = i < 20 ? 10 : -10;
      float y = (i / 10) % 2 == 0 ? 1 : -1;
      rows[i] = new float[] {x + 0.01f * (i % 10), y + 0.01f * (i % 7)};
    }
    return Embeddings.of(rows);
  }

  private static List<String> texts() {
    List<String> t = new ArrayList<>();
    String[] words = {"guitar chord", "piano melody", "football league", "tennis racket"};
    for (int i = 0; i < 40; i++) t.add(words[i / 10] + " review");
    return t;
  }

  @Test
  void coarseThenFineWithKeywordsAtEveryLevel() {
    InterestHierarchy.Tree tree = new InterestHierarchy(2, 2, 4, 5, 2, 2, 50, 3L, "cpu").fit(points(), texts());
    assertThat(tree.coarse()).hasSize(2);
    for (InterestHierarchy.Node n : tree.coarse()) {
      assertThat(n.size()).isEqualTo(20);
      assertThat(n.children()).hasSize(2);
      boolean music = n.members()[0] < 20;
      assertThat(n.keywords()).doesNotContain("review").hasSize(2);
      for (InterestHierarchy.Node f : n.children()) {
        assertThat(f.size()).isEqualTo(10);
        int group = f.members()[0] / 10;
        assertThat(java.util.Arrays.stream(f.members()).allMatch(m -> m / 10 == group)).isTrue();
        assertThat(f.keywords()).containsExactlyInAnyOrder(texts().get(group * 10).split(" ")[0], texts().get(group * 10).split(" ")[1]);
        assertThat(f.id()).startsWith(n.id() + ".");
      }
      assertThat(music ? n.centroid()[0] : -n.centroid()[0]).isGreaterThan(9f);
    }
    assertThat(tree.render()).contains("interests (40 points)").contains("├─ ").contains("└─ ");
  }

  @Test
  void fineCountIsChosenBySilhouetteWhenKFineIsZero() {
    InterestHierarchy.Tree tree = new InterestHierarchy(2, 0, 5, 3, 2, 2, 50, 3L, "cpu").fit(points(), texts());
    for (InterestHierarchy.Node n : tree.coarse()) assertThat(n.children()).hasSize(2);
  }

  @Test
  void smallCoarseClustersStayLeaves() {
    InterestHierarchy.Tree tree = new InterestHierarchy(2, 2, 4, 11, 2, 1, 50, 3L, "cpu").fit(points(), texts());
    for (InterestHierarchy.Node n : tree.coarse()) assertThat(n.children()).isEmpty();
    assertThat(tree.fineLabels()).containsOnly(-1);
  }

  @Test
  void sameSeedSameTreeAndInputIsNotMutated() {
    Embeddings p = points();
    Embeddings copy = new Embeddings(p.rows(), p.dim(), p.data().clone());
    InterestHierarchy h = new InterestHierarchy(3, 0, 4, 3, 3, 2, 50, 9L, "cpu");
    InterestHierarchy.Tree a = h.fit(p, texts());
    InterestHierarchy.Tree b = h.fit(p, texts());
    assertThat(a.coarseLabels()).isEqualTo(b.coarseLabels());
    assertThat(a.fineLabels()).isEqualTo(b.fineLabels());
    assertThat(a.render()).isEqualTo(b.render());
    assertThat(p).isEqualTo(copy);
  }

  @Test
  void badInput() {
    assertThatThrownBy(() -> new InterestHierarchy(2, 1, 4, 5, 2, 1, 10, 0, "cpu")).isInstanceOf(ParameterException.class)
        .hasMessage("k_fine: 1 is not allowed — allowed: 0 (chosen per coarse cluster) or an integer ≥ 2");
    assertThatThrownBy(() -> new InterestHierarchy(2, 2, 1, 5, 2, 1, 10, 0, "cpu")).isInstanceOf(ParameterException.class)
        .hasMessage("max_fine: 1 is out of range — allowed: an integer ≥ 2 and ≤ 1000");
    // The Java shorthand takes the config's defaults (README: max_fine 5, min_fine_size 10, keywords 5, n_init 3, max_iter 100).
    assertThat(InterestHierarchy.of(12, 0)).isEqualTo(new InterestHierarchy(12, 0, 5, 10, 5, 3, 100, 0L, "cpu"));
    InterestHierarchy h = InterestHierarchy.of(3, 2);
    assertThatThrownBy(() -> h.fit(Embeddings.of(new float[][] {{1, 0}, {0, 1}}), List.of("a", "b")))
        .isInstanceOf(UserException.class).hasMessageContaining("k_coarse=3 is larger than the number of points (2)");
    assertThatThrownBy(() -> h.fit(Embeddings.zeros(0, 2), List.of())).isInstanceOf(UserException.class).hasMessageContaining("empty input");
    assertThatThrownBy(() -> h.fit(points(), List.of("a"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 texts for 40 points");
  }
}
