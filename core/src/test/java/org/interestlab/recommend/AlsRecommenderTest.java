package org.interestlab.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.data.User;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AlsRecommenderTest {

  private static AlsRecommender als(String solver, int iterations) {
    return new AlsRecommender(4, 0.1, 5, iterations, solver, 3, 7L);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cg", "exact"})
  void ranksThePlantedPositiveFirst(String solver) {
    TrainingData data = TrainingData.of(PlantedGroups.data());
    FittedRecommender model = als(solver, 15).fit(data);
    TopKRecommendations top = new TopKRecommendations(model, data);
    for (int u = 0; u < PlantedGroups.USERS; u++) {
      assertThat(top.forUser(u, 1)).as(solver + ": user " + u).containsExactly(PlantedGroups.heldOut(u));
    }
  }

  @Test
  void choleskySolvesASystemWorkedByHand() {
    // [[4, 2], [2, 3]] z = [2, 1]: the inverse is [[3, -2], [-2, 4]] / 8, so z = [4, 0] / 8.
    double[] a = {4, 2, 2, 3};
    double[] b = {2, 1};
    AlsRecommender.choleskySolve(a, b, 2);
    assertThat(b[0]).isCloseTo(0.5, within(1e-15));
    assertThat(b[1]).isCloseTo(0.0, within(1e-15));
  }

  /** Random binary data, 12 users × 10 items, about a third of the pairs. */
  private static Dataset randomData() {
    Dataset.Builder b = Dataset.builder("random");
    for (int i = 0; i < 10; i++) b.item(new Item("i" + i, "", "", List.of()));
    SplittableRandom rng = new SplittableRandom(3);
    long t = 0;
    for (int u = 0; u < 12; u++) {
      b.user(new User("u" + u, Map.of()));
      for (int i = 0; i < 10; i++) if (rng.nextInt(3) == 0 || i == u % 10) b.interaction("u" + u, "i" + i, 1 + rng.nextInt(5), t++, null);
    }
    return b.build();
  }

  /**
   * The paper's objective, from scratch over the dense matrix: Σ_{u,i} c_ui (p_ui − x_u·y_i)² + λ
   * (Σ‖x_u‖² + Σ‖y_i‖²) with p = 1, c = 1 + α on interacted pairs and p = 0, c = 1 elsewhere.
   */
  private static double objective(LatentFactorModel m, BitSet[] seen, int items, double lambda, double alpha) {
    double loss = 0;
    for (int u = 0; u < seen.length; u++) {
      double[] x = m.userFactors(u);
      for (int i = 0; i < items; i++) {
        double[] y = m.itemFactors(i);
        double pred = 0;
        for (int d = 0; d < x.length; d++) pred += x[d] * y[d];
        double p = seen[u].get(i) ? 1 : 0;
        double c = seen[u].get(i) ? 1 + alpha : 1;
        loss += c * (p - pred) * (p - pred);
      }
      for (double v : x) loss += lambda * v * v;
    }
    for (int i = 0; i < items; i++) for (double v : m.itemFactors(i)) loss += lambda * v * v;
    return loss;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cg", "exact"})
  void theObjectiveNeverIncreasesFromOneIterationToTheNext(String solver) {
    TrainingData data = TrainingData.of(randomData());
    BitSet[] seen = data.seenItems();
    // The same seed starts from the same factors, so fitting i iterations gives the state after i.
    double previous = Double.POSITIVE_INFINITY;
    for (int it = 1; it <= 8; it++) {
      LatentFactorModel m = new AlsRecommender(3, 0.5, 4, it, solver, 2, 11L).fit(data);
      double loss = objective(m, seen, 10, 0.5, 4);
      assertThat(loss).as(solver + ": objective after iteration " + it).isLessThanOrEqualTo(previous * (1 + 1e-12));
      previous = loss;
    }
  }

  @Test
  void exactItemFactorsAreStationaryGivenTheUserFactors() {
    // The last half-step solves every item exactly, so the objective's gradient in each y_i is zero:
    // Σ_u c_ui (x_u·y_i − p_ui) x_u + λ y_i = 0.
    TrainingData data = TrainingData.of(randomData());
    BitSet[] seen = data.seenItems();
    double lambda = 0.5;
    double alpha = 4;
    LatentFactorModel m = new AlsRecommender(3, lambda, alpha, 3, "exact", 1, 11L).fit(data);
    for (int i = 0; i < 10; i++) {
      double[] y = m.itemFactors(i);
      double[] grad = new double[3];
      for (int d = 0; d < 3; d++) grad[d] = lambda * y[d];
      for (int u = 0; u < seen.length; u++) {
        double[] x = m.userFactors(u);
        double pred = x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
        double p = seen[u].get(i) ? 1 : 0;
        double c = seen[u].get(i) ? 1 + alpha : 1;
        for (int d = 0; d < 3; d++) grad[d] += c * (pred - p) * x[d];
      }
      for (int d = 0; d < 3; d++) assertThat(grad[d]).as("gradient of item " + i).isCloseTo(0, within(1e-10));
    }
  }

  @Test
  void conjugateGradientWithAsManyStepsAsFactorsMatchesTheExactSolve() {
    // CG solves an f-dimensional positive definite system in f steps (in exact arithmetic), so with
    // cg_steps = f every row solve is the exact one and the two fits agree to rounding.
    TrainingData data = TrainingData.of(randomData());
    LatentFactorModel cg = new AlsRecommender(3, 0.5, 4, 4, "cg", 3, 11L).fit(data);
    LatentFactorModel exact = new AlsRecommender(3, 0.5, 4, 4, "exact", 1, 11L).fit(data);
    for (int u = 0; u < 12; u++) assertThat(cg.scores(u)).containsExactly(exact.scores(u), within(1e-9));
  }
}
