package org.interestlab.recommend;

import static org.assertj.core.api.Assertions.assertThat;

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
}
