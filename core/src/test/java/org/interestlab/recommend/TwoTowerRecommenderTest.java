package org.interestlab.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.interestlab.UserException;
import org.interestlab.compute.Device;
import org.interestlab.compute.Embeddings;
import org.interestlab.compute.Engines;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.data.User;
import org.interestlab.params.ParameterException;
import org.interestlab.profile.UserProfiles;
import org.interestlab.testing.EngineResources;
import org.junit.jupiter.api.Test;

/**
 * The two-tower model's losses against values worked out by hand, cold-start scoring from text, and
 * its user errors. (Registered, it also passes {@code RecommenderContractTest}: same seed, same scores.)
 */
class TwoTowerRecommenderTest {

  /**
   * Users u₀ = (1, 0), u₁ = (0, 2); positives p₀ = (2, 0), p₁ = (0, 1); negatives n₀ = (0, 1), n₁ = (1, 1).
   * Score gaps: u₀·p₀ − u₀·n₀ = 2 − 0 = 2, u₁·p₁ − u₁·n₁ = 2 − 2 = 0, so the loss is
   * (ln(1 + e⁻²) + ln 2) / 2 = (0.126928011 + 0.693147181) / 2 = 0.410037596.
   */
  @Test
  void bprLossMatchesTheValueWorkedOutByHand() {
    try (NDManager m = Engines.newManager(Device.cpu())) {
      NDList predictions = new NDList(m.create(new float[] {1, 0, 0, 2}, new Shape(2, 2)),
          m.create(new float[] {2, 0, 0, 1, 0, 1, 1, 1}, new Shape(4, 2)));
      assertThat(new PairwiseBprLoss().evaluate(new NDList(), predictions).getFloat()).isCloseTo(0.410037596f, org.assertj.core.data.Offset.offset(1e-6f));
    }
  }

  /**
   * Users u₀ = (1, 0), u₁ = (0, 2), their items v₀ = (2, 0), v₁ = (1, 1): logits [[2, 1], [0, 2]].
   * Row 0 wants column 0: −(2 − ln(e² + e)) = ln(1 + e⁻¹) = 0.313261688; row 1 wants column 1:
   * −(2 − ln(1 + e²)) = ln(1 + e⁻²) = 0.126928011; the mean is 0.220094849.
   */
  @Test
  void inBatchSoftmaxLossMatchesTheValueWorkedOutByHand() {
    try (NDManager m = Engines.newManager(Device.cpu())) {
      NDList predictions = new NDList(m.create(new float[] {1, 0, 0, 2}, new Shape(2, 2)),
          m.create(new float[] {2, 0, 1, 1}, new Shape(2, 2)));
      assertThat(new InBatchSoftmaxLoss().evaluate(new NDList(), predictions).getFloat()).isCloseTo(0.220094849f, org.assertj.core.data.Offset.offset(1e-6f));
    }
  }

  static final int USERS = 30;
  static final int WARM = 12;
  /** Two items nobody interacted with: one reads like taste A, one like taste B. */
  static final int COLD_A = WARM;
  static final int COLD_B = WARM + 1;
  static final int DIM = 8;

  /**
   * Two tastes: items 0–5 read like direction 0 of the text space, items 6–11 like direction 1; even users
   * take 4 items of taste A, odd users 4 of taste B; each user's profile is the mean of their items' vectors.
   * Items 12 (direction 0) and 13 (direction 1) have text but no interaction.
   */
  static TrainingData twoTastes() {
    SplittableRandom rng = new SplittableRandom(3);
    float[][] iv = new float[WARM + 2][DIM];
    for (int i = 0; i < iv.length; i++) {
      int taste = i == COLD_A ? 0 : i == COLD_B ? 1 : i / 6;
      for (int j = 0; j < DIM; j++) iv[i][j] = (float) (0.3 * rng.nextGaussian()) + (j == taste ? 2f : 0f);
    }
    Dataset.Builder b = Dataset.builder("two-tastes");
    for (int i = 0; i < iv.length; i++) b.item(new Item("i" + i, "", "", List.of()));
    float[][] uv = new float[USERS][DIM];
    for (int u = 0; u < USERS; u++) {
      b.user(new User("u" + u, Map.of()));
      int base = (u % 2) * 6;
      for (int k = 0; k < 4; k++) {
        int item = base + (u / 2 + k) % 6;
        b.interaction("u" + u, "i" + item, 5, 1_000L * k + u, null);
        for (int j = 0; j < DIM; j++) uv[u][j] += iv[item][j] / 4;
      }
    }
    boolean[] present = new boolean[USERS];
    java.util.Arrays.fill(present, true);
    return new TrainingData(b.build(), new UserProfiles(Embeddings.of(uv), present), Embeddings.of(iv), null);
  }

  static TwoTowerRecommender small(double idDropout) {
    return new TwoTowerRecommender(16, 8, true, false, idDropout, "softmax", 0, 20, 5, 32, 0.01, 0, "cpu", 5L);
  }

  @Test
  void anItemNobodyTookIsScoredFromItsTextTextOnlyItems() {
    coldItemsFollowTheUsersTaste(small(1.0));
  }

  @Test
  void anItemNobodyTookIsScoredFromItsTextWithIdDropout() {
    coldItemsFollowTheUsersTaste(small(0.5));
  }

  @Test
  void anItemNobodyTookIsScoredFromItsTextWithTheHistoryTable() {
    coldItemsFollowTheUsersTaste(new TwoTowerRecommender(16, 8, true, true, 0.5, "softmax", 0, 20, 5, 32, 0.01, 0, "cpu", 5L));
  }

  @Test
  void cosineScoresOverATemperatureKeepColdItemsOnTheUsersTaste() {
    coldItemsFollowTheUsersTaste(new TwoTowerRecommender(16, 8, true, false, 1.0, "softmax", 0.1, 20, 5, 32, 0.01, 0, "cpu", 5L));
  }

  @Test
  void bprTrainsTheSameTowers() {
    coldItemsFollowTheUsersTaste(new TwoTowerRecommender(16, 8, true, false, 1.0, "bpr", 0, 20, 5, 32, 0.01, 0, "cpu", 5L));
  }

  private static void coldItemsFollowTheUsersTaste(TwoTowerRecommender model) {
    try (FittedRecommender fitted = model.fit(twoTastes())) {
      for (int u = 0; u < USERS; u++) {
        double[] s = fitted.scores(u);
        int liked = u % 2 == 0 ? COLD_A : COLD_B;
        int other = u % 2 == 0 ? COLD_B : COLD_A;
        assertThat(s[liked]).as("user " + u + ": cold item of their taste above the other").isGreaterThan(s[other]);
      }
    }
  }

  @Test
  void anItemWithNeitherTextNorInteractionsComesLast() {
    TrainingData td = twoTastes();
    boolean[] content = new boolean[WARM + 2];
    java.util.Arrays.fill(content, true);
    content[COLD_A] = false;
    TrainingData without = new TrainingData(td.train(), td.profiles(), td.itemVectors(), null, content);
    try (FittedRecommender fitted = small(1.0).fit(without)) {
      for (int u = 0; u < USERS; u++) {
        double[] s = fitted.scores(u);
        for (int i = 0; i < s.length; i++) if (i != COLD_A) assertThat(s[COLD_A]).as("user " + u + ", item " + i).isLessThan(s[i]);
      }
    }
  }

  @Test
  void fittingLeavesNothingOnTheEngine() {
    NDManager system = EngineResources.systemManager(Engine.getEngine(Engines.PYTORCH));
    small(0.5).fit(twoTastes()).close();
    int before = EngineResources.held(system).size();
    small(0.5).fit(twoTastes()).close();
    assertThat(EngineResources.held(system)).hasSize(before);
  }

  @Test
  void badParametersAreOneLineUserErrors() {
    assertThatThrownBy(() -> new TwoTowerRecommender(16, 8, true, false, 1.5, "softmax", 0, 20, 5, 32, 0.01, 0, "cpu", 5L))
        .isInstanceOf(ParameterException.class).hasMessageContaining("id_dropout").hasMessageNotContaining("\n");
    assertThatThrownBy(() -> new TwoTowerRecommender(16, 8, true, false, 0.5, "hinge", 0, 20, 5, 32, 0.01, 0, "cpu", 5L))
        .isInstanceOf(ParameterException.class).hasMessageContaining("loss").hasMessageContaining("softmax").hasMessageNotContaining("\n");
  }

  @Test
  void aGpuThatIsNotThereIsAUserErrorNamingTheKey() {
    assumeThat(Engines.pytorch().getGpuCount()).as("no GPU on this machine").isZero();
    TwoTowerRecommender onGpu = new TwoTowerRecommender(16, 8, true, false, 1.0, "softmax", 0, 20, 5, 32, 0.01, 0, "gpu", 5L);
    assertThatThrownBy(() -> onGpu.fit(twoTastes())).isInstanceOf(UserException.class)
        .hasMessageContaining("recommenders.two-tower.device").hasMessageContaining("cpu").hasMessageNotContaining("\n");
  }
}
