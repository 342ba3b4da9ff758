package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SystemMetricsTest {

  private static BitSet set(int... items) {
    BitSet b = new BitSet();
    for (int i : items) b.set(i);
    return b;
  }

  @Test
  void meanOfPerUserValues() {
    // HitRate@2 for three users: hit, miss, hit -> (1 + 0 + 1) / 3
    MeanAggregate hr = MeanAggregate.of(RankingMetric.hitRate(2));
    assertThat(hr.addUser(new int[] {1, 2}, set(2), 1)).isEqualTo(1.0);
    assertThat(hr.addUser(new int[] {1, 2}, set(7), 1)).isEqualTo(0.0);
    hr.add(new int[] {4, 5, 6}, set(4, 9), 2);
    assertThat(hr.count()).isEqualTo(3);
    assertThat(hr.evaluate()).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(hr.name()).isEqualTo("hitrate@2");
  }

  @Test
  void emptyMeanIsNaN() {
    assertThat(MeanAggregate.of(RankingMetric.ndcg(10)).evaluate()).isNaN();
  }

  @Test
  void sequentialAndSplitEvaluationGiveTheSameBits() {
    // Values of very different magnitude make a plain double sum order-dependent.
    Random rnd = new Random(5);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 2000; i++) values.add(rnd.nextDouble() * Math.pow(10, rnd.nextInt(12) - 6));
    MeanAggregate sequential = MeanAggregate.of(RankingMetric.ndcg(10));
    for (double v : values) sequential.addValue(v);

    for (int trial = 0; trial < 5; trial++) {
      List<Double> shuffled = new ArrayList<>(values);
      Collections.shuffle(shuffled, new Random(trial));
      MeanAggregate total = sequential.newEmpty();
      int parts = 2 + trial;
      for (int p = 0; p < parts; p++) {
        MeanAggregate part = total.newEmpty();
        for (int i = p; i < shuffled.size(); i += parts) part.addValue(shuffled.get(i));
        total.combine(part);
      }
      assertThat(total.count()).isEqualTo(2000);
      assertThat(Double.doubleToLongBits(total.evaluate())).isEqualTo(Double.doubleToLongBits(sequential.evaluate()));
    }
    double naive = 0;
    for (double v : values) naive += v;
    // the naive sum is itself rounded, hence the loose tolerance
    assertThat(sequential.evaluate()).isCloseTo(naive / values.size(), within(1e-9));
  }

  @Test
  void parallelStreamCollectMatchesSequential() {
    Random rnd = new Random(11);
    int users = 500;
    int items = 200;
    int[][] ranked = new int[users][];
    BitSet[] test = new BitSet[users];
    for (int u = 0; u < users; u++) {
      ranked[u] = rnd.ints(0, items).distinct().limit(20).toArray();
      test[u] = new BitSet();
      for (int t = 0; t < 1 + rnd.nextInt(5); t++) test[u].set(rnd.nextInt(items));
    }
    for (SystemMetric proto : List.of(MeanAggregate.of(RankingMetric.ndcg(10)), CatalogCoverage.of(10, items))) {
      SystemMetric seq = proto.newEmpty();
      for (int u = 0; u < users; u++) seq.add(ranked[u], test[u], test[u].cardinality());
      SystemMetric par = java.util.stream.IntStream.range(0, users).parallel().collect(
          proto::newEmpty, (acc, u) -> acc.add(ranked[u], test[u], test[u].cardinality()), SystemMetric::combine);
      assertThat(par.evaluate()).as(proto.name()).isEqualTo(seq.evaluate());
    }
  }

  @Test
  void catalogCoverageCountsDistinctTopKItems() {
    // 10 items, K = 2: user A top-2 {0, 1}, user B {1, 3}, user C {9} -> {0, 1, 3, 9} = 4 / 10
    CatalogCoverage cov = CatalogCoverage.of(2, 10);
    cov.add(new int[] {0, 1, 2}, set(5), 1);
    CatalogCoverage other = cov.newEmpty();
    other.add(new int[] {1, 3, 7}, set(5), 1);
    other.add(new int[] {9}, set(5), 1);
    cov.combine(other);
    assertThat(cov.distinctItems()).isEqualTo(4);
    assertThat(cov.evaluate()).isCloseTo(0.4, within(1e-15));
    assertThat(cov.name()).isEqualTo("coverage@2");
  }

  @Test
  void combiningDifferentMetricsFails() {
    MeanAggregate ndcg = MeanAggregate.of(RankingMetric.ndcg(10));
    assertThatThrownBy(() -> ndcg.combine(MeanAggregate.of(RankingMetric.ndcg(5))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ndcg@10").hasMessageContaining("ndcg@5");
    assertThatThrownBy(() -> ndcg.combine(CatalogCoverage.of(10, 5))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CatalogCoverage.of(10, 5).combine(CatalogCoverage.of(10, 6))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void coverageRejectsItemsOutsideTheCatalogue() {
    assertThatThrownBy(() -> CatalogCoverage.of(3, 5).add(new int[] {1, 5}, null, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("item index 5 outside 0..4");
  }

  @Test
  void nonFiniteValuesAreRejected() {
    assertThatThrownBy(() -> MeanAggregate.of(RankingMetric.recall(3)).addValue(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
