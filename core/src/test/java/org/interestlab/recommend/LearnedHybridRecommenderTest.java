package org.interestlab.recommend;

import static org.assertj.core.api.Assertions.assertThat;
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
}
