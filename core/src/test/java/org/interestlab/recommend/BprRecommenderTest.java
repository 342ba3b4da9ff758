package org.interestlab.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BprRecommenderTest {

  @ParameterizedTest(name = "item_bias {0}")
  @ValueSource(booleans = {true, false})
  void ranksThePlantedPositiveFirst(boolean itemBias) {
    // Every sampled triple of a user in group A pushes A's items up against B's for all of A's users
    // (their vectors move together), so the held-out item, a positive of the other three A users,
    // ends above every B item; biases cannot separate items, which are all used by three users.
    TrainingData data = TrainingData.of(PlantedGroups.data());
    FittedRecommender model = new BprRecommender(4, 0.05, 0.01, 300, itemBias, 5L).fit(data);
    TopKRecommendations top = new TopKRecommendations(model, data);
    for (int u = 0; u < PlantedGroups.USERS; u++) {
      assertThat(top.forUser(u, 1)).as("user " + u).containsExactly(PlantedGroups.heldOut(u));
    }
  }

  @ParameterizedTest(name = "item_bias {0}")
  @ValueSource(booleans = {true, false})
  void theSameSeedGivesTheSameScoresAndAnotherSeedOthers(boolean itemBias) {
    TrainingData data = TrainingData.of(PlantedGroups.data());
    double[] a = new BprRecommender(4, 0.05, 0.01, 3, itemBias, 5L).fit(data).scores(0);
    double[] b = new BprRecommender(4, 0.05, 0.01, 3, itemBias, 5L).fit(data).scores(0);
    double[] c = new BprRecommender(4, 0.05, 0.01, 3, itemBias, 6L).fit(data).scores(0);
    assertThat(b).containsExactly(a);
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void oneStepMovesTheParametersAlongTheGradientWorkedByHand() {
    // f = 1, w_u = 1, h_i = 0.5, h_j = 0, b_i = 0.2, b_j = 0, η = 0.1, λ = 0.5:
    // x_uij = 1·(0.5 − 0) + 0.2 = 0.7, g = σ(−0.7) = 1 / (1 + e^0.7) = 1 / 3.0137527075 = 0.3318122278
    // w_u = 1 + 0.1 (g · 0.5 − 0.5 · 1)       = 0.9665906114
    // h_i = 0.5 + 0.1 (g · 1 − 0.5 · 0.5)     = 0.5081812228
    // h_j = 0 + 0.1 (−g · 1 − 0)              = −0.0331812228
    // b_i = 0.2 + 0.1 (g − 0.5 · 0.2)         = 0.2231812228
    // b_j = 0 + 0.1 (−g − 0)                  = −0.0331812228
    double[] w = {1};
    double[] h = {0.5, 0};
    double[] b = {0.2, 0};
    BprRecommender.step(w, 0, h, 0, 1, b, 1, 0.1, 0.5, new double[1]);
    assertThat(w[0]).isCloseTo(0.9665906114, within(1e-10));
    assertThat(h[0]).isCloseTo(0.5081812228, within(1e-10));
    assertThat(h[1]).isCloseTo(-0.0331812228, within(1e-10));
    assertThat(b[0]).isCloseTo(0.2231812228, within(1e-10));
    assertThat(b[1]).isCloseTo(-0.0331812228, within(1e-10));
  }
}
