package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;

/**
 * Diversity, novelty, average popularity and Gini on cases worked out by hand, built through the
 * registry as a run builds them, and split across two accumulators to check that combining is exact.
 *
 * <pre>
 * 5 items, 8 training users, popularity (8, 4, 2, 0, 1)
 * vectors  v0 = (1, 0)   v1 = (0, 1)   v2 = (1, 1)   v3 = (0, 0)   v4 = (−1, 0)
 * top-2 lists:  A = [0, 1, 2]   B = [3]   C = []   D = [0, 4]
 * </pre>
 */
class BeyondAccuracyMetricsTest {
  private static final double EPS = 1e-12;
  private static final int[][] LISTS = {{0, 1, 2}, {3}, {}, {0, 4}};
  private static final EvaluationContext CTX = EvaluationContext.of(5, 2, new int[] {8, 4, 2, 0, 1}, 8)
      .withItemVectors(Embeddings.of(new float[][] {{1, 0}, {0, 1}, {1, 1}, {0, 0}, {-1, 0}}));

  /** The value over all lists, one accumulator; checks that two halves combined give the same bits. */
  private static double value(String name) {
    SystemMetric all = MetricSpec.parse(name).newSystemMetric(2, CTX);
    SystemMetric first = all.newEmpty();
    SystemMetric second = all.newEmpty();
    for (int u = 0; u < LISTS.length; u++) {
      all.add(LISTS[u], null, 0);
      (u % 2 == 0 ? first : second).add(LISTS[u], null, 0);
    }
    second.combine(first);
    assertThat(Double.doubleToLongBits(second.evaluate())).as(name + " combined").isEqualTo(Double.doubleToLongBits(all.evaluate()));
    return all.evaluate();
  }

  @Test
  void noveltyIsTheMeanSelfInformationOfTheTopK() {
    // −log2(pop / 8): i0 0, i1 1, i2 2, i3 (never had: counts as 1 user) 3, i4 3.
    // A's top 2 (i0, i1): 0.5; B: 3; C empty, not counted; D (i0, i4): 1.5. Mean (0.5 + 3 + 1.5) / 3 = 5/3.
    assertThat(value("novelty@2")).isCloseTo(5 / 3.0, within(EPS));
  }

  @Test
  void averagePopularityIsTheMeanTrainingPopularityOfTheTopK() {
    // A: (8 + 4) / 2 = 6; B: 0; D: (8 + 1) / 2 = 4.5. Mean 10.5 / 3 = 3.5.
    assertThat(value("avgpop@2")).isEqualTo(3.5);
  }

  @Test
  void giniOfExposureCountsEveryCatalogueItem() {
    // Exposure: i0 2 (A, D), i1 1, i2 0, i3 1, i4 1 → sorted (0, 1, 1, 1, 2), n = 5, total 5.
    // Σ (2j − 6) c_(j) = −4·0 − 2·1 + 0·1 + 2·1 + 4·2 = 8; G = 8 / (5 · 5) = 0.32.
    assertThat(value("gini@2")).isCloseTo(0.32, within(EPS));
    GiniIndex equal = GiniIndex.of(1, 3);
    for (int i = 0; i < 3; i++) equal.add(new int[] {i}, null, 0);
    assertThat(equal.evaluate()).isZero();
    GiniIndex one = GiniIndex.of(1, 4);
    one.add(new int[] {2}, null, 0);
    one.add(new int[] {2}, null, 0);
    assertThat(one.evaluate()).as("all exposure on one of 4 items: (n − 1) / n").isCloseTo(0.75, within(EPS));
    assertThat(GiniIndex.of(1, 4).evaluate()).isNaN();
  }

  @Test
  void intraListDiversityIsTheMeanPairwiseCosineDistance() {
    // A's top 2 (v0, v1): 1 − 0 = 1. B has one item: no pair. D (v0, v4): 1 − (−1) = 2. Mean 1.5.
    assertThat(value("diversity@2")).isCloseTo(1.5, within(EPS));
    // At K = 3, A's pairs: (v0, v1) 1, (v0, v2) 1 − 1/√2, (v1, v2) 1 − 1/√2 → (3 − √2) / 3; a zero vector is at distance 1.
    IntraListDiversity ild = IntraListDiversity.of(3, CTX.itemVectors());
    ild.add(new int[] {0, 1, 2}, null, 0);
    assertThat(ild.evaluate()).isCloseTo((3 - Math.sqrt(2)) / 3, within(EPS));
    ild.add(new int[] {0, 3}, null, 0);
    assertThat(ild.evaluate()).isCloseTo(((3 - Math.sqrt(2)) / 3 + 1) / 2, within(EPS));
    assertThat(ild.users()).isEqualTo(2);
  }

  @Test
  void diversityReadsItemVectorsAndItemsOutsideTheCatalogueAreRejected() {
    assertThat(MetricSpec.parse("diversity@10").needsItemVectors()).isTrue();
    assertThat(MetricSpec.parse("novelty@10").needsItemVectors()).isFalse();
    SystemMetric novelty = MetricSpec.parse("novelty@2").newSystemMetric(2, CTX);
    assertThatThrownBy(() -> novelty.add(new int[] {5}, null, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("novelty@2");
    assertThatThrownBy(() -> novelty.combine(MetricSpec.parse("avgpop@2").newSystemMetric(2, CTX))).isInstanceOf(IllegalArgumentException.class);
  }
}
