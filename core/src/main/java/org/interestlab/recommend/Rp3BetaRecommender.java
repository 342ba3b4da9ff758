package org.interestlab.recommend;

import static org.interestlab.params.ParamSpec.bool;
import static org.interestlab.params.ParamSpec.integerOrAll;
import static org.interestlab.params.ParamSpec.real;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.ParamSpec;

/**
 * RP3beta (Paudel, Christoffel, Newell &amp; Bernstein, "Updatable, accurate, diverse, and scalable
 * recommendations for interactive applications", ACM TiiS 7(1), 2017), a graph model that was
 * among the strongest baselines in Dacrema, Cremonesi &amp; Jannach, "Are we really making much
 * progress?", RecSys 2019. Computed as in Dacrema et al.'s implementation, on binary interactions:
 *
 * <ul>
 *   <li>{@code P_ui = X / |h_u|} (user → item: each row sums to 1), {@code P_iu = Xᵀ / |U_i|}
 *       (item → user), both raised element-wise to the power {@code alpha};
 *   <li>{@code W[i][j] = (P_iu^α · P_ui^α)[i][j] / |U_j|^β}: the 2-step item → user → item
 *       probability, divided by the target's popularity to the power {@code beta}; the diagonal
 *       is 0;
 *   <li>each row keeps its {@code neighbourhood} largest entries ({@code all}: every positive one)
 *       and, with {@code normalize}, is divided by its sum;
 *   <li>a user's score for item {@code i} is {@code Σ_{j ∈ h_u} W[j][i]} (a third step from the
 *       user's items).
 * </ul>
 *
 * With binary data {@code W[i][j] = |U_i|^{-α} · Σ_{u ∈ U_i ∩ U_j} |h_u|^{-α} · |U_j|^{-β}}.
 * {@code alpha = 1, beta = 0} is P3alpha's plain random walk (Cooper et al. 2014).
 *
 * <p>Cost to fit: {@code O(Σ_u |h_u|²)} for the 2-step sums plus {@code O(n_items²)} in the
 * worst case for neighbour selection; memory {@code n_items × neighbourhood}. Scoring a user:
 * the kept entries of their items' rows. Deterministic (no randomness).
 *
 * <pre>{@code
 * FittedRecommender m = new Rp3BetaRecommender(1.0, 0.6, 100, true).fit(TrainingData.of(train));
 * }</pre>
 *
 * @param alpha power of the transition probabilities (default 1, ≥ 0)
 * @param beta popularity penalty exponent (default 0.6, ≥ 0)
 * @param neighbourhood entries kept per item (default 100, ≥ 1), or {@link #ALL}
 * @param normalize divide each kept row by its sum (default true, as Dacrema et al.'s default)
 */
public record Rp3BetaRecommender(double alpha, double beta, int neighbourhood, boolean normalize) implements Recommender {
  /** {@code neighbourhood: all}: keep every positive entry. */
  public static final int ALL = ParamSpec.ALL_AS_INT;

  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      real("alpha", 1.0, 0, 100, false, "power of the transition probabilities"),
      real("beta", 0.6, 0, 100, false, "popularity penalty: divide by popularity^beta"),
      integerOrAll("neighbourhood", 100, 1, 100_000, "entries kept per item"),
      bool("normalize", true, "divide each kept row by its sum"));

  /** The config's {@code recommenders: [{ kind: rp3beta }]}. */
  public static final ComponentSpec<Rp3BetaRecommender> SPEC = new ComponentSpec<>("rp3beta",
      "3-step random walk, popularity-penalised (RP3beta)", PARAMS,
      (p, seed) -> new Rp3BetaRecommender(p.getDouble("alpha"), p.getDouble("beta"), p.getIntOrAll("neighbourhood"), p.getBool("normalize")));

  public Rp3BetaRecommender {
    PARAMS.check("alpha", alpha);
    PARAMS.check("beta", beta);
    PARAMS.check("neighbourhood", neighbourhood);
  }

  /** The config's default: alpha 1, beta 0.6, 100 entries per item, rows normalised. */
  public static Rp3BetaRecommender defaults() {
    return SPEC.createDefault(0L);
  }

  @Override
  public FittedRecommender fit(TrainingData data) {
    return weights(data).scorer(data.seenItems());
  }

  /** The kept rows of W (package-private so tests can read the transition probabilities). */
  ItemNeighbourhoods weights(TrainingData data) {
    int items = data.train().numItems();
    BitSet[] seen = data.seenItems();
    List<int[]> usersOf = ItemKnnRecommender.usersPerItem(seen, items);
    double[] userStep = new double[seen.length];       // P_ui^α = |h_u|^-α for every item u has
    for (int u = 0; u < seen.length; u++) {
      int n = seen[u].cardinality();
      userStep[u] = n == 0 ? 0 : Math.pow(1.0 / n, alpha);
    }
    double[] penalty = new double[items];               // |U_j|^-β; 0 for items no one has
    for (int j = 0; j < items; j++) {
      int n = usersOf.get(j).length;
      penalty[j] = n == 0 ? 0 : Math.pow(n, -beta);
    }
    ItemNeighbourhoods w = ItemNeighbourhoods.of(items);
    double[] row = new double[items];
    for (int i = 0; i < items; i++) {
      Arrays.fill(row, 0);
      int[] users = usersOf.get(i);
      if (users.length > 0) {
        for (int u : users) for (int j = seen[u].nextSetBit(0); j >= 0; j = seen[u].nextSetBit(j + 1)) row[j] += userStep[u];
        double itemStep = Math.pow(1.0 / users.length, alpha);  // P_iu^α
        for (int j = 0; j < items; j++) row[j] *= itemStep * penalty[j];
        row[i] = 0;
      }
      w.keepTop(i, row, neighbourhood);
    }
    if (normalize) w.normalizeRows();
    return w;
  }
}
