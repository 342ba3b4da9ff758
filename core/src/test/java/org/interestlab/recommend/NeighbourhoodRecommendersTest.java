package org.interestlab.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.params.ParameterException;
import org.junit.jupiter.api.Test;

/**
 * Item-kNN (shrinkage, all neighbours), user-kNN and RP3beta on one tiny matrix, every expected
 * value worked out by hand in the comments.
 *
 * <pre>
 *          i0 i1 i2 i3     |h_u|
 *   u0      1  1  .  .       2
 *   u1      1  1  1  .       3
 *   u2      .  1  .  1       2
 *   |U_i|   2  3  1  1
 * </pre>
 */
class NeighbourhoodRecommendersTest {
  private static final double EPS = 1e-12;

  private static TrainingData data() {
    Dataset.Builder b = Dataset.builder("tiny");
    for (int i = 0; i < 4; i++) b.item(new Item("i" + i, "", "", List.of()));
    String[][] h = {{"u0", "i0", "i1"}, {"u1", "i0", "i1", "i2"}, {"u2", "i1", "i3"}};
    long t = 0;
    for (String[] row : h) for (int j = 1; j < row.length; j++) b.interaction(row[0], row[j], 1.0, t++, null);
    return TrainingData.of(b.build());
  }

  // ---- RP3beta -----------------------------------------------------------------------------------
  // W[i][j] = |U_i|^-α · Σ_{u ∈ U_i ∩ U_j} |h_u|^-α · |U_j|^-β, diagonal 0.
  // α = 1, β = 1:
  //   row i0 (U = {u0, u1}): to i1 via u0, u1: (1/2 + 1/3) · 1/2 · 1/3 = 5/36; to i2 via u1: 1/3 · 1/2 · 1 = 6/36
  //   row i1 (U = {u0, u1, u2}): to i0: (1/2 + 1/3) · 1/3 · 1/2 = 5/36; to i2: 1/3 · 1/3 · 1 = 4/36; to i3: 1/2 · 1/3 · 1 = 6/36
  //   row i2 (U = {u1}): to i0: 1/3 · 1 · 1/2 = 1/6; to i1: 1/3 · 1 · 1/3 = 1/9
  //   row i3 (U = {u2}): to i1: 1/2 · 1 · 1/3 = 1/6

  @Test
  void rp3betaTransitionProbabilitiesDividedByPopularity() {
    ItemNeighbourhoods w = new Rp3BetaRecommender(1, 1, Rp3BetaRecommender.ALL, false).weights(data());
    // The popularity penalty puts the rare i2 before the popular i1.
    assertThat(w.neighbours(0)).containsExactly(2, 1);
    assertThat(w.weights(0)).containsExactly(new double[] {6 / 36.0, 5 / 36.0}, within(EPS));
    assertThat(w.neighbours(1)).containsExactly(3, 0, 2);
    assertThat(w.weights(1)).containsExactly(new double[] {6 / 36.0, 5 / 36.0, 4 / 36.0}, within(EPS));
    assertThat(w.neighbours(2)).containsExactly(0, 1);
    assertThat(w.weights(2)).containsExactly(new double[] {1 / 6.0, 1 / 9.0}, within(EPS));
    assertThat(w.neighbours(3)).containsExactly(1);
    assertThat(w.weights(3)).containsExactly(new double[] {1 / 6.0}, within(EPS));
  }

  @Test
  void rp3betaWithoutPenaltyIsTheTwoStepWalk() {
    // β = 0, α = 1: row i0 = P_iu · P_ui = to i1: (1/2 + 1/3) / 2 = 5/12, to i2: (1/3) / 2 = 1/6 (with the
    // diagonal's 5/12 the row would sum to 1).
    ItemNeighbourhoods w = new Rp3BetaRecommender(1, 0, Rp3BetaRecommender.ALL, false).weights(data());
    assertThat(w.neighbours(0)).containsExactly(1, 2);
    assertThat(w.weights(0)).containsExactly(new double[] {5 / 12.0, 1 / 6.0}, within(EPS));
    // α = 2 squares each step: to i1: (1/4 + 1/9) · 1/4 = 13/144, to i2: 1/9 · 1/4 = 4/144.
    ItemNeighbourhoods squared = new Rp3BetaRecommender(2, 0, Rp3BetaRecommender.ALL, false).weights(data());
    assertThat(squared.weights(0)).containsExactly(new double[] {13 / 144.0, 4 / 144.0}, within(EPS));
  }

  @Test
  void rp3betaKeepsTheNeighbourhoodThenNormalisesRows() {
    // Row i1 keeps its 2 largest (6/36 to i3, 5/36 to i0) and divides by their sum 11/36.
    ItemNeighbourhoods w = new Rp3BetaRecommender(1, 1, 2, true).weights(data());
    assertThat(w.neighbours(1)).containsExactly(3, 0);
    assertThat(w.weights(1)).containsExactly(new double[] {6 / 11.0, 5 / 11.0}, within(EPS));
    assertThat(w.weights(3)).containsExactly(new double[] {1.0}, within(EPS));
  }

  @Test
  void rp3betaScoresSumTheRowsOfTheUsersItems() {
    // u2 has i1 and i3: scores = W[i1] + W[i3] = (5/36, 1/6, 4/36, 6/36).
    double[] s = new Rp3BetaRecommender(1, 1, Rp3BetaRecommender.ALL, false).fit(data()).scores(2);
    assertThat(s).containsExactly(new double[] {5 / 36.0, 1 / 6.0, 4 / 36.0, 6 / 36.0}, within(EPS));
  }

  // ---- item-kNN ----------------------------------------------------------------------------------
  // cos(i0, i1) = 2 / sqrt(2 · 3), cos(i0, i2) = 1 / sqrt(2 · 1), cos(i1, i2) = 1 / sqrt(3), cos(i1, i3) = 1 / sqrt(3).

  @Test
  void itemKnnShrinksBySupport() {
    ItemNeighbourhoods plain = new ItemKnnRecommender(ItemKnnRecommender.ALL, 0).similarities(data());
    assertThat(plain.neighbours(0)).containsExactly(1, 2);          // 0.8165 > 0.7071
    assertThat(plain.weights(0)).containsExactly(new double[] {2 / Math.sqrt(6), 1 / Math.sqrt(2)}, within(EPS));
    // shrinkage 1: · n / (n + 1): i1 (n = 2) 2/sqrt(6) · 2/3 = 0.5443; i2 (n = 1) 1/sqrt(2) · 1/2 = 0.3536.
    ItemNeighbourhoods shrunk = new ItemKnnRecommender(ItemKnnRecommender.ALL, 1).similarities(data());
    assertThat(shrunk.weights(0)).containsExactly(new double[] {2 / Math.sqrt(6) * 2 / 3, 1 / Math.sqrt(2) / 2}, within(EPS));
    // Row i1 holds i0, i2, i3; with 1 neighbour only i0.
    assertThat(plain.neighbours(1)).containsExactly(0, 2, 3);
    assertThat(new ItemKnnRecommender(1, 0).similarities(data()).neighbours(1)).containsExactly(0);
  }

  @Test
  void itemKnnAllNeighboursEqualsAnyLargeEnoughNeighbourhood() {
    TrainingData d = data();
    for (int u = 0; u < 3; u++) {
      assertThat(new ItemKnnRecommender(ItemKnnRecommender.ALL).fit(d).scores(u)).containsExactly(new ItemKnnRecommender(4).fit(d).scores(u));
    }
  }

  // ---- user-kNN ----------------------------------------------------------------------------------
  // sim(u0, u1) = 2 / sqrt(2 · 3) = 0.8165, sim(u0, u2) = 1 / sqrt(2 · 2) = 1/2, sim(u1, u2) = 1 / sqrt(3 · 2) = 0.4082.

  @Test
  void userKnnSumsTheSimilaritiesOfNeighboursWhoHaveTheItem() {
    TrainingData d = data();
    // u0 with every neighbour: i0, i1, i2 from u1 (2/sqrt6); i1 and i3 from u2 (1/2).
    double c01 = 2 / Math.sqrt(6);
    assertThat(new UserKnnRecommender(UserKnnRecommender.ALL, 0).fit(d).scores(0))
        .containsExactly(new double[] {c01, c01 + 0.5, c01, 0.5}, within(EPS));
    // With one neighbour, only u1 counts.
    assertThat(new UserKnnRecommender(1, 0).fit(d).scores(0)).containsExactly(new double[] {c01, c01, c01, 0}, within(EPS));
    // u2's nearest is u0 (1/2 > 0.4082): i0, i1.
    assertThat(new UserKnnRecommender(1, 0).fit(d).scores(2)).containsExactly(new double[] {0.5, 0.5, 0, 0}, within(EPS));
  }

  @Test
  void userKnnShrinkage() {
    // shrinkage 2: sim(u0, u1) = 2/sqrt6 · 2/4 = 1/sqrt6; sim(u0, u2) = 1/2 · 1/3 = 1/6.
    double[] s = new UserKnnRecommender(UserKnnRecommender.ALL, 2).fit(data()).scores(0);
    double c = 1 / Math.sqrt(6);
    assertThat(s).containsExactly(new double[] {c, c + 1 / 6.0, c, 1 / 6.0}, within(EPS));
  }

  @Test
  void neighbourhoodSizesRejectZeroButAcceptAll() {
    assertThatThrownBy(() -> new UserKnnRecommender(0, 0)).isInstanceOf(ParameterException.class)
        .hasMessageContaining("neighbours: 0 is out of range — allowed: an integer ≥ 1 and ≤ 1000000, or all");
    assertThatThrownBy(() -> new ItemKnnRecommender(5, -1)).isInstanceOf(ParameterException.class).hasMessageContaining("shrinkage");
    assertThatThrownBy(() -> new Rp3BetaRecommender(1, 0.5, 0, true)).isInstanceOf(ParameterException.class)
        .hasMessageContaining("neighbourhood");
    assertThat(ItemKnnRecommender.SPEC.create(ItemKnnRecommender.PARAMS.resolve("item-knn", java.util.Map.of("neighbours", "all")), 0L))
        .isEqualTo(new ItemKnnRecommender(ItemKnnRecommender.ALL, 0));
  }
}
