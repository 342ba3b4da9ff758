package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What every {@link RankingMetric} promises, checked for all of them on random rankings. */
class RankingMetricContractTest {
  private static final List<RankingMetric> METRICS = List.of(
      RankingMetric.precision(7), RankingMetric.recall(7), RankingMetric.ndcg(7),
      RankingMetric.averagePrecision(7), RankingMetric.reciprocalRank(7), RankingMetric.hitRate(7));

  @Test
  void valuesLieInZeroOneAndInputsAreNotMutated() {
    Random rnd = new Random(3);
    for (int trial = 0; trial < 300; trial++) {
      int[] ranked = rnd.ints(0, 40).distinct().limit(rnd.nextInt(15)).toArray();
      BitSet rel = new BitSet();
      while (rel.isEmpty()) for (int t = 0; t < 1 + rnd.nextInt(8); t++) rel.set(rnd.nextInt(40));
      int[] rankedCopy = ranked.clone();
      BitSet relCopy = (BitSet) rel.clone();
      for (RankingMetric m : METRICS) {
        double v = m.value(ranked, rel, rel.cardinality());
        assertThat(v).as(m.name()).isBetween(0.0, 1.0);
        assertThat(m.value(ranked, rel, rel.cardinality())).as("same input, same value").isEqualTo(v);
      }
      assertThat(ranked).containsExactly(rankedCopy);
      assertThat(rel).isEqualTo(relCopy);
    }
  }

  @Test
  void anEmptyRankingScoresZero() {
    BitSet rel = new BitSet();
    rel.set(1);
    for (RankingMetric m : METRICS) assertThat(m.value(new int[0], rel, 1)).as(m.name()).isEqualTo(0.0);
  }

  @Test
  void nullInputsAreRejected() {
    BitSet rel = new BitSet();
    rel.set(1);
    for (RankingMetric m : METRICS) {
      assertThatThrownBy(() -> m.value(null, rel, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(m.name());
      assertThatThrownBy(() -> m.value(new int[] {1}, null, 1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void moreHitsNeverLowerTheValue() {
    // Turning a miss in the top K into a hit (same |R|) must not decrease any metric.
    int[] ranked = {0, 1, 2, 3, 4, 5, 6, 7};
    BitSet base = new BitSet();
    base.set(2);
    base.set(30);
    BitSet better = new BitSet();
    better.set(2);
    better.set(5);
    for (RankingMetric m : METRICS) {
      assertThat(m.value(ranked, better, 2)).as(m.name()).isGreaterThanOrEqualTo(m.value(ranked, base, 2));
    }
  }
}
