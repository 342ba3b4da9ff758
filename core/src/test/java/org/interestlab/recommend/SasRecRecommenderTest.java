package org.interestlab.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.interestlab.compute.Device;
import org.interestlab.compute.Embeddings;
import org.interestlab.compute.Engines;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.data.User;
import org.interestlab.params.ParameterException;
import org.junit.jupiter.api.Test;

class SasRecRecommenderTest {

  /** Small, dropout-free settings for the toy data: hidden 16, one head, at most 150 epochs. */
  static SasRecRecommender small(boolean itemText, long seed) {
    return new SasRecRecommender(10, 16, 2, 1, 0.0, 0.01, 32, 150, 20, itemText, 1, "cpu", seed);
  }

  @Test
  void theLossIsTheMaskedMeanOfTheBinaryCrossEntropiesWorkedByHand() {
    // Position 1: r_pos = 0, r_neg = 0 → −log σ(0) − log(1 − σ(0)) = 2 ln 2 = 1.3862944
    // Position 2: r_pos = 2, r_neg = −1 → ln(1 + e^−2) + ln(1 + e^−1) = 0.1269280 + 0.3132617 = 0.4401897
    // Position 3 is padding (keep 0): its logits must not count. Mean over 2 real positions: 0.9132420.
    try (NDManager m = Engines.newManager(Device.cpu())) {
      NDList predictions = new NDList(m.create(new float[] {0, 2, -5}, new Shape(1, 3)), m.create(new float[] {0, -1, 5}, new Shape(1, 3)));
      NDArray loss = new SasRecLoss().evaluate(new NDList(m.create(new float[] {1, 1, 0}, new Shape(1, 3))), predictions);
      assertThat((double) loss.getFloat()).isCloseTo(0.9132420, within(1e-6));
    }
  }

  @Test
  void attentionReadsOnlyEarlierRealPositionsWorkedByHand() {
    // One head, d = 1, scale 1/√1: q = (0, 1, 2), k = (1, 2, 3), v = (10, 20, 30).
    // t = 0 reads key 0 only: 10.
    // t = 1: scores q₁k = (1, 2) → softmax (0.2689414, 0.7310586) → 10·0.2689414 + 20·0.7310586 = 17.3105858
    // t = 2: scores (2, 4, 6) → e² = 7.3890561, e⁴ = 54.5981500, e⁶ = 403.4287935, sum 465.4159996
    //        weights (0.0158762, 0.1173104, 0.8668133) → 0.158762 + 2.346208 + 26.004399 = 28.509370
    // With position 0 padding (keep 0, 1, 1): t = 1 reads only key 1 → 20; t = 2 reads keys 1, 2:
    //        scores (4, 6) → weights (0.1192029, 0.8807971) → 2.384058 + 26.423912 = 28.807971
    try (NDManager m = Engines.newManager(Device.cpu())) {
      NDArray q = m.create(new float[] {0, 1, 2}, new Shape(1, 3, 1));
      NDArray k = m.create(new float[] {1, 2, 3}, new Shape(1, 3, 1));
      NDArray v = m.create(new float[] {10, 20, 30}, new Shape(1, 3, 1));
      float[] all = CausalAttentionLayer.attend(q, k, v, SasRecNetwork.attentionMask(m.create(new float[] {1, 1, 1}, new Shape(1, 3))), 1, null, false)
          .toFloatArray();
      assertThat(all[0]).isCloseTo(10f, within(1e-4f));
      assertThat(all[1]).isCloseTo(17.3105858f, within(1e-4f));
      assertThat(all[2]).isCloseTo(28.509370f, within(1e-4f));
      float[] padded = CausalAttentionLayer.attend(q, k, v, SasRecNetwork.attentionMask(m.create(new float[] {0, 1, 1}, new Shape(1, 3))), 1, null, false)
          .toFloatArray();
      assertThat(padded[1]).isCloseTo(20f, within(1e-4f));
      assertThat(padded[2]).isCloseTo(28.807971f, within(1e-4f));
    }
  }

  /**
   * Items 0–7 form a chain A → B → C → …; user {@code u} walked a stretch of it starting at item
   * {@code u % 6}, two to five items long, in time order; items 8 and 9 are never used. Users 100 and 101 have only A, B: the next item is C.
   */
  static Dataset chain() {
    Dataset.Builder b = Dataset.builder("chain");
    for (int i = 0; i < 10; i++) b.item(new Item("i" + i, "item " + i, "", List.of()));
    long t = 1_600_000_000L;
    for (int u = 0; u < 60; u++) {
      b.user(new User("u" + u, Map.of()));
      int start = u % 6;
      int len = 2 + (u / 6) % 4;
      for (int s = start; s < start + len && s < 8; s++) b.interaction("u" + u, "i" + s, 5, t += 60, null);
    }
    for (int u = 100; u < 102; u++) {
      b.interaction("u" + u, "i0", 5, t += 60, null);
      b.interaction("u" + u, "i1", 5, t += 60, null);
    }
    return b.build();
  }

  @Test
  void afterABTheNextItemOfTheChainRanksFirst() {
    Dataset d = chain();
    TrainingData data = TrainingData.of(d);
    try (FittedRecommender m = small(false, 3L).fit(data)) {
      TopKRecommendations top = new TopKRecommendations(m, data);
      int user = d.userIndex("u100");
      assertThat(top.forUser(user, 1)).containsExactly(d.itemIndex("i2"));
      // Order matters: a user who walked C, D (same items as others, later in the chain) is sent to E.
      assertThat(top.forUser(d.userIndex("u2"), 1)).containsExactly(d.itemIndex("i" + (2 + 2)));
    }
  }

  @Test
  void anItemNoSequenceMentionsIsScoredFromItsText() {
    // Items 8 and 9 never occur in training: 8 reads exactly like C (item 2), 9 like nothing any
    // training item reads like (a text direction of its own). Item embeddings start from the
    // projected text, so what training learned about C's text carries over to item 8, not to item 9:
    // after A, B the cold item that reads like C ranks above the other one.
    Dataset d = chain();
    float[][] text = new float[10][10];
    for (int i = 0; i < 8; i++) text[i][i] = 1;
    text[8][2] = 1;
    text[9][9] = 1;
    TrainingData data = new TrainingData(d, null, Embeddings.of(text), null);
    int user = d.userIndex("u100");
    try (FittedRecommender m = small(true, 3L).fit(data)) {
      double[] s = m.scores(user);
      assertThat(s[8]).isGreaterThan(s[9]);
      assertThat(new TopKRecommendations(m, data).forUser(user, 1)).containsExactly(2);
    }
    try (FittedRecommender m = small(false, 3L).fit(TrainingData.of(d))) {
      double[] s = m.scores(user);
      assertThat(s[8]).isNotEqualTo(s[9]);  // only random, untrained ID embeddings tell them apart
    }
  }

  @Test
  void theSameSeedGivesTheSameScoresAndAnotherSeedOthers() {
    TrainingData data = TrainingData.of(chain());
    double[] a;
    double[] b;
    double[] c;
    try (FittedRecommender m = small(false, 5L).fit(data)) {
      a = m.scores(0);
    }
    try (FittedRecommender m = small(false, 5L).fit(data)) {
      b = m.scores(0);
    }
    try (FittedRecommender m = small(false, 6L).fit(data)) {
      c = m.scores(0);
    }
    assertThat(b).containsExactly(a);
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void headsThatDoNotDivideTheHiddenSizeAreOneLineUserError() {
    assertThatThrownBy(() -> new SasRecRecommender(50, 64, 2, 3, 0.2, 0.001, 128, 200, 10, true, 1, "cpu", 1L))
        .isInstanceOf(ParameterException.class)
        .hasMessage("sasrec: heads 3 must divide hidden 64 — allowed: a divisor of hidden, e.g. 1 or 2")
        .hasMessageNotContaining("\n");
  }
}
