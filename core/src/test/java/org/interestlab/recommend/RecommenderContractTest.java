package org.interestlab.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.interestlab.compute.Embeddings;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.experiment.Stage;
import org.interestlab.testing.ConfiguredComponents;
import org.interestlab.profile.MeanItemProfiler;
import org.interestlab.profile.UserProfiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered recommender keeps, built from the registry exactly as a config
 * builds it (default parameters): it fits on tiny data that has everything a recommender may ask
 * for (profiles, item vectors, clusters); the same seed gives the same scores; fitting mutates
 * nothing it was given; scores are finite, one per item, and the batch form equals the single
 * form; top-k lists never hold a training item, are distinct and best first; a user the model does
 * not cover gets an empty list; a bad parameter is a one-line error naming its key.
 */
class RecommenderContractTest {
  static final int USERS = 16;
  static final int ITEMS = 24;
  /** User 15 has no training events (no profile), user 14 has no cluster. */
  static final int NO_HISTORY = 15;

  static Stream<String> kinds() {
    return ConfiguredComponents.kinds(Stage.RECOMMENDER);
  }

  static Recommender build(String kind, long seed, Map<String, Object> params) {
    return ConfiguredComponents.build(Stage.RECOMMENDER, kind, params, seed, Recommender.class);
  }

  static Dataset tinyData() {
    Dataset.Builder b = Dataset.builder("tiny");
    for (int i = 0; i < ITEMS; i++) b.item(new Item("i" + i, "item " + i, "", List.of()));
    SplittableRandom rng = new SplittableRandom(11);
    long t = 1_600_000_000L;
    for (int u = 0; u < USERS; u++) {
      b.user(new org.interestlab.data.User("u" + u, Map.of()));
      if (u == NO_HISTORY) continue;
      int n = 3 + rng.nextInt(6);
      BitSet taken = new BitSet();
      // Users lean towards one third of the catalogue, so neighbourhoods exist.
      int base = (u % 3) * 8;
      while (taken.cardinality() < n) {
        int item = rng.nextInt(4) == 0 ? rng.nextInt(ITEMS) : base + rng.nextInt(8);
        if (!taken.get(item)) {
          taken.set(item);
          b.interaction("u" + u, "i" + item, 1 + rng.nextInt(5), t += 3600, null);
        }
      }
    }
    return b.build();
  }

  static TrainingData tinyTrainingData() {
    Dataset train = tinyData();
    SplittableRandom rng = new SplittableRandom(5);
    float[][] iv = new float[ITEMS][6];
    for (int i = 0; i < ITEMS; i++) for (int j = 0; j < 6; j++) iv[i][j] = (float) rng.nextGaussian() + (j == i / 8 ? 3 : 0);
    Embeddings items = Embeddings.of(iv);
    UserProfiles profiles = MeanItemProfiler.plain().fitTransform(train, null, items);
    int[] clusters = new int[USERS];
    for (int u = 0; u < USERS; u++) clusters[u] = u % 3;
    clusters[NO_HISTORY] = -1;
    clusters[14] = -1;
    return new TrainingData(train, profiles, items, clusters);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void scoresAreFiniteOnePerItemAndTheBatchFormAgrees(String kind) throws Exception {
    TrainingData td = tinyTrainingData();
    try (FittedRecommender model = build(kind, 1L, Map.of()).fit(td)) {
      int[] users = new int[USERS];
      for (int u = 0; u < USERS; u++) users[u] = u;
      double[][] batch = model.scores(users);
      for (int u = 0; u < USERS; u++) {
        if (!model.covers(u)) {
          assertThat(batch[u]).as(kind + ": batch row of uncovered user " + u).isNull();
          continue;
        }
        double[] s = model.scores(u);
        assertThat(s).as(kind + ": scores of user " + u).hasSize(ITEMS);
        assertThat(Arrays.stream(s).allMatch(Double::isFinite)).as(kind + ": finite scores of user " + u).isTrue();
        assertThat(batch[u]).as(kind + ": batch row of user " + u).containsExactly(s);
      }
      // Every user with a history is covered; the one without may not be.
      for (int u = 0; u < USERS; u++) if (u != NO_HISTORY) assertThat(model.covers(u)).as(kind + " covers user " + u).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void topKListsHoldNoTrainingItemAndFollowTheScores(String kind) throws Exception {
    TrainingData td = tinyTrainingData();
    BitSet[] seen = td.seenItems();
    try (FittedRecommender model = build(kind, 1L, Map.of()).fit(td)) {
      TopKRecommendations top = new TopKRecommendations(model, td);
      for (int u = 0; u < USERS; u++) {
        int[] list = top.forUser(u, 10);
        if (!model.covers(u)) {
          assertThat(list).as(kind + ": uncovered user " + u).isEmpty();
          continue;
        }
        int unseen = ITEMS - seen[u].cardinality();
        assertThat(list).as(kind + ": list length of user " + u).hasSize(Math.min(10, unseen));
        assertThat(Arrays.stream(list).distinct().count()).as(kind + ": distinct items").isEqualTo(list.length);
        double[] s = model.scores(u);
        for (int r = 0; r < list.length; r++) {
          assertThat(seen[u].get(list[r])).as(kind + ": training item " + list[r] + " recommended to user " + u).isFalse();
          if (r > 0) assertThat(s[list[r]]).as(kind + ": best first").isLessThanOrEqualTo(s[list[r - 1]]);
        }
        // Nothing left out scores higher than the last item kept.
        if (list.length > 0) {
          double last = s[list[list.length - 1]];
          BitSet listed = new BitSet();
          for (int item : list) listed.set(item);
          for (int i = 0; i < ITEMS; i++) {
            if (!listed.get(i) && !seen[u].get(i)) assertThat(s[i]).as(kind + ": unlisted item " + i).isLessThanOrEqualTo(last);
          }
        }
        assertThat(top.forUsers(new int[] {u}, 10)[0]).as(kind + ": batch top-k").containsExactly(list);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void sameSeedSameScoresAndTheInputIsNotMutated(String kind) throws Exception {
    TrainingData td = tinyTrainingData();
    float[] itemsBefore = td.itemVectors().data().clone();
    float[] profilesBefore = td.profiles().vectors().data().clone();
    int[] clustersBefore = td.userClusters().clone();
    List<?> interactionsBefore = List.copyOf(td.train().interactions());
    try (FittedRecommender a = build(kind, 7L, Map.of()).fit(td); FittedRecommender b = build(kind, 7L, Map.of()).fit(tinyTrainingData())) {
      for (int u = 0; u < USERS; u++) {
        if (a.covers(u)) assertThat(b.scores(u)).as(kind + ": same seed, user " + u).containsExactly(a.scores(u));
      }
    }
    assertThat(td.itemVectors().data()).as(kind + ": item vectors unchanged").containsExactly(itemsBefore);
    assertThat(td.profiles().vectors().data()).as(kind + ": profiles unchanged").containsExactly(profilesBefore);
    assertThat(td.userClusters()).as(kind + ": clusters unchanged").containsExactly(clustersBefore);
    assertThat(td.train().interactions()).as(kind + ": interactions unchanged").isEqualTo(interactionsBefore);
  }
}
