package org.interestlab.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import java.util.List;
import org.interestlab.compute.Embeddings;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.profile.UserProfiles;
import org.junit.jupiter.api.Test;

/** Per-user z-scores and the blend, against values worked out by hand. */
class LearnedHybridRecommenderTest {
  @Test
  void zScoresAreTakenOverTheUnseenItemsOnly() {
    BitSet seen = new BitSet();
    seen.set(3);
    // Unseen 1, 2, 3: mean 2, population sd √(2/3); the seen item gets 0.
    double[] z = LearnedHybridRecommender.zScores(new double[] {1, 2, 3, 10}, seen, null);
    double sd = Math.sqrt(2.0 / 3);
    assertThat(z).containsExactly(new double[] {-1 / sd, 0, 1 / sd, 0}, within(1e-12));
    assertThat(LearnedHybridRecommender.zScores(new double[] {4, 4, 4}, new BitSet(), null)).containsExactly(0, 0, 0);
  }

  @Test
  void contentWeightZeroIsEaseAndContentReordersTiesTowardsTheUsersText() {
    // Two users; u0 saw i0, u1 saw i0 and i1. EASE gives u0 the same score for i2 and i3 (neither co-occurs with i0).
    Dataset d = Dataset.builder("h")
        .item(new Item("i0", "", "", List.of())).item(new Item("i1", "", "", List.of()))
        .item(new Item("i2", "", "", List.of())).item(new Item("i3", "", "", List.of()))
        .interaction("u0", "i0", 5, 0, "").interaction("u1", "i0", 5, 0, "").interaction("u1", "i1", 5, 1, "")
        .build();
    Embeddings items = new Embeddings(4, 2, new float[] {1, 0, 1, 0, 0, 1, 1, 0});
    UserProfiles users = new UserProfiles(new Embeddings(2, 2, new float[] {1, 0, 1, 0}), new boolean[] {true, true});
    TrainingData td = new TrainingData(d, users, items, null);
    double[] ease = new EaseRecommender(1, "cpu").fit(td).scores(0);
    double[] plain = new LearnedHybridRecommender(1, 0).fit(td).scores(0);
    BitSet seen = new BitSet();
    seen.set(0);
    assertThat(plain).containsExactly(LearnedHybridRecommender.zScores(ease, seen, null), within(1e-12));
    assertThat(ease[2]).isEqualTo(ease[3]);
    // Content: u0 = (1,0) matches i3 (cosine 1), not i2 (0); z over i1, i2, i3 = (1, 0, 1) → i2 below i3.
    double[] blended = new LearnedHybridRecommender(1, 1).fit(td).scores(0);
    assertThat(blended[3]).isGreaterThan(blended[2]);
    double sd = Math.sqrt(2.0 / 9);
    assertThat(blended[3] - plain[3]).isCloseTo((1 - 2.0 / 3) / sd, within(1e-9));
  }

  /** A model with fixed scores: one row per user. */
  private record Fixed(double[][] table) implements Recommender {
    @Override
    public FittedRecommender fit(TrainingData data) {
      return user -> table[user].clone();
    }
  }

  /**
   * Weights fitted on validation, worked out by hand. Both users saw i0; on i1, i2, i3 each model's scores are a
   * permutation of (2, 1, −3), so both z-scores are the scores over the same sd and the blend ranks by
   * {@code A + w·B}. u0 (validation item i2): A = (2, 1, −3), B = (−3, 2, 1) → i2 beats i1 iff 1 + 2w &gt; 2 − 3w,
   * i.e. w &gt; 0.2 (and beats i3 for every w ≥ 0). u1 (validation item i1): A = (2, 1, −3), B = (1, 2, −3) → i1 is
   * first iff 2 + w &gt; 1 + 2w, i.e. w &lt; 1. Top-1 hit rate on the grid: w = 0, 0.1 → 1/2 (u1 only);
   * 0.25, 0.5 → 1 (both); 1 → u0 plus a tie for u1; 2 and above → 1/2. The search starts at w = 0 and takes the
   * first strict improvement, 0.25; 0.5 only ties it. So the weights are (1, 0.25).
   */
  @Test
  void weightsAreTheFirstGridValueThatServesBothValidationUsers() {
    Dataset d = Dataset.builder("w")
        .item(new Item("i0", "", "", List.of())).item(new Item("i1", "", "", List.of()))
        .item(new Item("i2", "", "", List.of())).item(new Item("i3", "", "", List.of()))
        .interaction("u0", "i0", 5, 0, "").interaction("u1", "i0", 5, 0, "")
        .build();
    int u0 = d.userIndex("u0");
    int u1 = d.userIndex("u1");
    double[][] a = new double[2][];
    double[][] b = new double[2][];
    a[u0] = new double[] {0, 2, 1, -3};
    b[u0] = new double[] {0, -3, 2, 1};
    a[u1] = new double[] {0, 2, 1, -3};
    b[u1] = new double[] {0, 1, 2, -3};
    int[] target = new int[2];
    target[u0] = 2;
    target[u1] = 1;
    TrainingData td = TrainingData.of(d);
    LearnedHybridRecommender hybrid = LearnedHybridRecommender.of(new Fixed(a), new Fixed(b));
    assertThat(hybrid.tunes()).isTrue();
    TunedOnValidation.Tuned tuned = hybrid.tune(td, fitted -> {
      int[][] top = new TopKRecommendations(fitted, td).forUsers(new int[] {u0, u1}, 1);
      return ((top[0][0] == target[u0] ? 1 : 0) + (top[1][0] == target[u1] ? 1 : 0)) / 2.0;
    });
    assertThat(tuned.values().get("weights")).isEqualTo(List.of(1.0, 0.25));
    // Fitted with those weights: u0's blend on i1..i3 is (2 − 0.75, 1 + 0.5, −3 + 0.25) / sd, sd = √(14/3).
    double sd = Math.sqrt(14.0 / 3);
    double[] s = tuned.recommender().fit(td).scores(u0);
    assertThat(s).containsExactly(new double[] {0, 1.25 / sd, 1.5 / sd, -2.75 / sd}, within(1e-12));
  }

  @Test
  void aBlendNeedsTwoComponentsAndOneWeightEach() {
    Recommender one = new Fixed(new double[][] {{1}});
    assertThatThrownBy(() -> new LearnedHybridRecommender(100, 1,
        List.of(List.of(new NestedRecommenders.Candidate("a", one))), null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LearnedHybridRecommender(100, 1, List.of(List.of(new NestedRecommenders.Candidate("a", one)),
        List.of(new NestedRecommenders.Candidate("b", one))), List.of(1.0))).isInstanceOf(IllegalArgumentException.class);
  }
}
