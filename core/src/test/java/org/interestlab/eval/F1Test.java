package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** F1@K against values worked out by hand as 2PR / (P + R); the arithmetic is in the comments. */
class F1Test {
  private static final double TOL = 1e-15;

  private static BitSet set(int... items) {
    BitSet b = new BitSet();
    for (int i : items) b.set(i);
    return b;
  }

  private static double f1(int k, int[] ranked, BitSet relevant) {
    return new F1(k).value(ranked, relevant, relevant.cardinality());
  }

  @Test
  void harmonicMeanOfPrecisionAndRecall() {
    // ranked 3 7 1 9 5, R = {7, 9, 4}, K = 5: hits 7 and 9. P = 2/5, R = 2/3,
    // F1 = 2 (2/5)(2/3) / (2/5 + 2/3) = (8/15) / (16/15) = 1/2
    assertThat(f1(5, new int[] {3, 7, 1, 9, 5, 2}, set(7, 9, 4))).isCloseTo(0.5, within(TOL));
    // ranked 10 11 12, R = {10, 12, 20, 21, 22}, K = 3: hits 10 and 12. P = 2/3, R = 2/5,
    // F1 = 2 (2/3)(2/5) / (2/3 + 2/5) = (8/15) / (16/15) = 1/2
    assertThat(f1(3, new int[] {10, 11, 12, 13}, set(10, 12, 20, 21, 22))).isCloseTo(0.5, within(TOL));
    // ranked 1 2 3 4 5, R = {1, 3, 5, 7}, K = 5: hits 1, 3, 5. P = 3/5, R = 3/4,
    // F1 = 2 (9/20) / (27/20) = 18/27 = 2/3
    assertThat(f1(5, new int[] {1, 2, 3, 4, 5}, set(1, 3, 5, 7))).isCloseTo(2.0 / 3, within(TOL));
  }

  @Test
  void aRankingShorterThanKStillDividesPrecisionByK() {
    // ranked 4 8, R = {8}, K = 10: P = 1/10, R = 1, F1 = 2 (1/10) / (11/10) = 2/11
    assertThat(f1(10, new int[] {4, 8}, set(8))).isCloseTo(2.0 / 11, within(TOL));
  }

  @Test
  void zeroWhenPrecisionAndRecallAreBothZero() {
    assertThat(f1(3, new int[] {1, 2, 3}, set(9))).isEqualTo(0.0);
    // the only hit is at rank 4 > K
    assertThat(f1(3, new int[] {1, 2, 3, 4}, set(4))).isEqualTo(0.0);
    assertThat(f1(3, new int[0], set(4))).isEqualTo(0.0);
  }

  @Test
  void oneOnlyWhenTheTopKIsExactlyTheTestItems() {
    // R = {5, 6}, K = 2, top 2 = {5, 6}: P = R = 1
    assertThat(f1(2, new int[] {5, 6, 1}, set(5, 6))).isEqualTo(1.0);
    // same list at K = 3: P = 2/3, R = 1, F1 = (4/3) / (5/3) = 4/5
    assertThat(f1(3, new int[] {5, 6, 1}, set(5, 6))).isCloseTo(0.8, within(TOL));
  }

  @Test
  void systemF1IsTheMeanOfPerUserF1() {
    // Three users at K = 10 (a config's "f1" in a run with K = 10):
    //   ranked 3 7 1 9 5, R = {7, 9, 4}: P = 2/10, R = 2/3, F1 = 2 (2/10)(2/3) / (2/10 + 2/3) = (8/30) / (26/30) = 4/13
    //   ranked 4 8, R = {8}: P = 1/10, R = 1, F1 = 2/11;   ranked 1 2, R = {20}: no hit, F1 = 0
    // Mean = (4/13 + 2/11 + 0) / 3 = (44/143 + 26/143) / 3 = 70/429.
    // (The F1 of mean precision and mean recall would be a different number.)
    EvaluationContext ctx = EvaluationContext.of(30, 10, new int[30], 1);
    MetricSpec spec = MetricSpec.parse("f1");
    assertThat(spec.isPerUser()).isTrue();
    MeanAggregate mean = spec.newPerUserMean(10, ctx);
    assertThat(mean.name()).isEqualTo("f1@10");
    assertThat(mean.addUser(new int[] {3, 7, 1, 9, 5}, set(7, 9, 4), 3)).isCloseTo(4.0 / 13, within(TOL));
    assertThat(mean.addUser(new int[] {4, 8}, set(8), 1)).isCloseTo(2.0 / 11, within(TOL));
    assertThat(mean.addUser(new int[] {1, 2}, set(20), 1)).isEqualTo(0.0);
    assertThat(mean.evaluate()).isCloseTo(70.0 / 429, within(TOL));
  }

  @Test
  void nameAndArguments() {
    assertThat(new F1(7).name()).isEqualTo("f1@7");
    assertThat(MetricSpec.parse("F1@5").rankingMetric(10, EvaluationContext.of(3, 10, new int[3], 1))).isEqualTo(new F1(5));
    assertThatThrownBy(() -> new F1(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new F1(3).value(new int[] {1}, set(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("f1@3");
  }
}
