package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** Ranking metrics against values worked out by hand; the arithmetic is in the comments. */
class RankingMetricsTest {
  private static final double TOL = 1e-12;

  /** 1 / log2(r + 1), written out independently of the code under test. */
  private static double gain(int rank) {
    return Math.log(2) / Math.log(rank + 1);
  }

  private static BitSet set(int... items) {
    BitSet b = new BitSet();
    for (int i : items) b.set(i);
    return b;
  }

  private static double v(RankingMetric m, int[] ranked, BitSet relevant) {
    return m.value(ranked, relevant, relevant.cardinality());
  }

  @Test
  void fewerRelevantThanK_hitsAtRanks2And4() {
    // ranked 3 7 1 9 5 | 2, relevant {7, 9, 4}, K = 5: hits at ranks 2 (item 7) and 4 (item 9).
    int[] ranked = {3, 7, 1, 9, 5, 2};
    BitSet rel = set(7, 9, 4);
    // precision = 2 hits / K 5 = 0.4
    assertThat(v(RankingMetric.precision(5), ranked, rel)).isCloseTo(0.4, within(TOL));
    // recall = 2 hits / 3 relevant
    assertThat(v(RankingMetric.recall(5), ranked, rel)).isCloseTo(2.0 / 3, within(TOL));
    // DCG = 1/log2(3) + 1/log2(5) = 0.6309298 + 0.4306766 = 1.0616063
    // IDCG over min(3, 5) = 3 positions = 1 + 1/log2(3) + 1/log2(4) = 1 + 0.6309298 + 0.5 = 2.1309298
    // NDCG = 1.0616063 / 2.1309298 = 0.4981893
    double ndcg = (gain(2) + gain(4)) / (1 + gain(2) + gain(3));
    assertThat(ndcg).isCloseTo(0.49818925746641285, within(1e-15));
    assertThat(v(RankingMetric.ndcg(5), ranked, rel)).isCloseTo(ndcg, within(TOL));
    // AP = (precision@2 + precision@4) / min(3, 5) = (1/2 + 2/4) / 3 = 1/3
    assertThat(v(RankingMetric.averagePrecision(5), ranked, rel)).isCloseTo(1.0 / 3, within(TOL));
    // first hit at rank 2: RR = 1/2
    assertThat(v(RankingMetric.reciprocalRank(5), ranked, rel)).isCloseTo(0.5, within(TOL));
    assertThat(v(RankingMetric.hitRate(5), ranked, rel)).isEqualTo(1.0);
  }

  @Test
  void moreRelevantThanK_hitAtRank1() {
    // ranked 10 11 12 | 13, relevant {10, 12, 20, 21, 22} (5 items), K = 3: hits at ranks 1 and 3.
    int[] ranked = {10, 11, 12, 13};
    BitSet rel = set(10, 12, 20, 21, 22);
    // precision = 2 / 3
    assertThat(v(RankingMetric.precision(3), ranked, rel)).isCloseTo(2.0 / 3, within(TOL));
    // recall = 2 / 5 (denominator is all 5 relevant items, not K)
    assertThat(v(RankingMetric.recall(3), ranked, rel)).isCloseTo(0.4, within(TOL));
    // DCG = 1/log2(2) + 1/log2(4) = 1 + 0.5 = 1.5; IDCG over min(5, 3) = 3 positions = 2.1309298
    // NDCG = 1.5 / 2.1309298 = 0.7039181
    assertThat(v(RankingMetric.ndcg(3), ranked, rel)).isCloseTo(0.7039180890341347, within(TOL));
    // AP = (precision@1 + precision@3) / min(5, 3) = (1 + 2/3) / 3 = 5/9
    assertThat(v(RankingMetric.averagePrecision(3), ranked, rel)).isCloseTo(5.0 / 9, within(TOL));
    // first hit at rank 1: RR = 1
    assertThat(v(RankingMetric.reciprocalRank(3), ranked, rel)).isEqualTo(1.0);
    assertThat(v(RankingMetric.hitRate(3), ranked, rel)).isEqualTo(1.0);
  }

  @Test
  void noHitsGiveZeroEverywhere() {
    int[] ranked = {1, 2, 3};
    BitSet rel = set(9);
    for (RankingMetric m : all(3)) assertThat(v(m, ranked, rel)).as(m.name()).isEqualTo(0.0);
  }

  @Test
  void hitsBeyondKDoNotCount() {
    // item 4 is relevant but at rank 4 > K = 3
    int[] ranked = {1, 2, 3, 4};
    BitSet rel = set(4);
    for (RankingMetric m : all(3)) assertThat(v(m, ranked, rel)).as(m.name()).isEqualTo(0.0);
  }

  @Test
  void rankingShorterThanK() {
    // ranked 4 8 (a catalogue with 2 unseen items), relevant {8}, K = 10: one hit at rank 2.
    int[] ranked = {4, 8};
    BitSet rel = set(8);
    // precision still divides by K: 1 / 10
    assertThat(v(RankingMetric.precision(10), ranked, rel)).isCloseTo(0.1, within(TOL));
    // recall = 1 / 1
    assertThat(v(RankingMetric.recall(10), ranked, rel)).isEqualTo(1.0);
    // DCG = 1/log2(3) = 0.6309298; IDCG over min(1, 10) = 1 position = 1
    assertThat(v(RankingMetric.ndcg(10), ranked, rel)).isCloseTo(0.6309297535714575, within(TOL));
    // AP = precision@2 / min(1, 10) = (1/2) / 1
    assertThat(v(RankingMetric.averagePrecision(10), ranked, rel)).isCloseTo(0.5, within(TOL));
    assertThat(v(RankingMetric.reciprocalRank(10), ranked, rel)).isCloseTo(0.5, within(TOL));
    assertThat(v(RankingMetric.hitRate(10), ranked, rel)).isEqualTo(1.0);
  }

  @Test
  void perfectRankingScoresOne() {
    int[] ranked = {5, 6, 1};
    BitSet rel = set(5, 6);
    for (RankingMetric m : all(2)) assertThat(v(m, ranked, rel)).as(m.name()).isCloseTo(1.0, within(TOL));
  }

  @Test
  void mapAtKWithThreeHitsOutOfFour() {
    // ranked 1 2 3 4 5, relevant {1, 3, 5, 7}, K = 5: hits at 1, 3, 5.
    // AP = (1/1 + 2/3 + 3/5) / min(4, 5) = (1 + 0.6666667 + 0.6) / 4 = 2.2666667 / 4 = 0.5666667
    int[] ranked = {1, 2, 3, 4, 5};
    BitSet rel = set(1, 3, 5, 7);
    assertThat(v(RankingMetric.averagePrecision(5), ranked, rel)).isCloseTo((1 + 2.0 / 3 + 3.0 / 5) / 4, within(TOL));
    // NDCG = (1 + 1/log2(4) + 1/log2(6)) / (1 + 1/log2(3) + 1/log2(4) + 1/log2(5))
    //      = (1 + 0.5 + 0.3868528) / (1 + 0.6309298 + 0.5 + 0.4306766) = 1.8868528 / 2.5616063 = 0.7365892
    assertThat(v(RankingMetric.ndcg(5), ranked, rel))
        .isCloseTo((1 + gain(3) + gain(5)) / (1 + gain(2) + gain(3) + gain(4)), within(TOL));
  }

  @Test
  void namesFollowTheConfigSpelling() {
    assertThat(all(10)).extracting(RankingMetric::name)
        .containsExactly("precision@10", "recall@10", "ndcg@10", "map@10", "mrr@10", "hitrate@10");
  }

  @Test
  void usersWithoutRelevantItemsAreRejected() {
    for (RankingMetric m : all(5)) {
      assertThatThrownBy(() -> m.value(new int[] {1, 2}, new BitSet(), 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(m.name())
          .hasMessageContaining("excluded by the caller");
    }
  }

  @Test
  void kMustBePositive() {
    assertThatThrownBy(() -> RankingMetric.ndcg(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("K must be >= 1");
    assertThatThrownBy(() -> new Precision(-3)).isInstanceOf(IllegalArgumentException.class);
  }

  private static RankingMetric[] all(int k) {
    return new RankingMetric[] {
      RankingMetric.precision(k), RankingMetric.recall(k), RankingMetric.ndcg(k),
      RankingMetric.averagePrecision(k), RankingMetric.reciprocalRank(k), RankingMetric.hitRate(k)
    };
  }
}
