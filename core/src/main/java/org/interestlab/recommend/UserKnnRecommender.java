package org.interestlab.recommend;

import static org.interestlab.params.ParamSpec.integerOrAll;
import static org.interestlab.params.ParamSpec.real;

import java.util.BitSet;
import java.util.List;
import org.interestlab.compute.TopK;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.ParamSpec;

/**
 * User-based collaborative filtering (Resnick et al., "GroupLens", CSCW 1994; Herlocker et al.,
 * SIGIR 1999), on binary interactions: users are similar by cosine over their item sets,
 * {@code sim(u, v) = |h_u ∩ h_v| / sqrt(|h_u| · |h_v|)}, optionally shrunk towards zero when few
 * items support it, {@code sim · n / (n + shrinkage)} with {@code n = |h_u ∩ h_v|} (Koren,
 * "Factorization meets the neighborhood", KDD 2008, §2.2). A user's score for item {@code i} is
 * the sum of {@code sim(u, v)} over their {@code neighbours} most similar other users {@code v}
 * who have {@code i} ({@code all}: every user sharing an item with them).
 *
 * <p>Cost: fitting indexes the users of each item, {@code O(|train|)}. Scoring one user costs
 * {@code O(Σ_{j ∈ h_u} |U_j|)} for the overlaps, {@code O(n_users log neighbours)} to pick the
 * neighbours and the neighbours' history sizes to sum; memory {@code O(|train|)} plus
 * {@code O(n_users + n_items)} per call. Deterministic; ties between equally similar users go to the
 * lower user index.
 *
 * <pre>{@code
 * FittedRecommender m = new UserKnnRecommender(50, 0).fit(TrainingData.of(train));
 * }</pre>
 *
 * @param neighbours users kept per user (default 50, ≥ 1), or {@link #ALL}
 * @param shrinkage shrinkage pseudo-count (default 0 = plain cosine, ≥ 0)
 */
public record UserKnnRecommender(int neighbours, double shrinkage) implements Recommender {
  /** {@code neighbours: all}: every user with a positive similarity. */
  public static final int ALL = ParamSpec.ALL_AS_INT;

  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      integerOrAll("neighbours", 50, 1, 1_000_000, "most similar users kept per user"),
      real("shrinkage", 0.0, 0, 1e9, false, "similarity · n / (n + shrinkage), n = items in common"));

  /** The config's {@code recommenders: [{ kind: user-knn }]}. */
  public static final ComponentSpec<UserKnnRecommender> SPEC = new ComponentSpec<>("user-knn",
      "user-based kNN, cosine over binary histories", PARAMS,
      (p, seed) -> new UserKnnRecommender(p.getIntOrAll("neighbours"), p.getDouble("shrinkage")));

  public UserKnnRecommender {
    PARAMS.check("neighbours", neighbours);
    PARAMS.check("shrinkage", shrinkage);
  }

  /** The config's default: 50 neighbours per user, no shrinkage. */
  public static UserKnnRecommender defaults() {
    return SPEC.createDefault(0L);
  }

  @Override
  public FittedRecommender fit(TrainingData data) {
    int items = data.train().numItems();
    BitSet[] seen = data.seenItems();
    List<int[]> usersOf = ItemKnnRecommender.usersPerItem(seen, items);
    int[] sizes = new int[seen.length];
    for (int u = 0; u < seen.length; u++) sizes[u] = seen[u].cardinality();
    return user -> {
      double[] sim = similarities(user, seen, usersOf, sizes);
      double[] scores = new double[items];
      for (int v : TopK.select(sim, Math.min(neighbours, positives(sim)), nonPositive(sim))) {
        for (int i = seen[v].nextSetBit(0); i >= 0; i = seen[v].nextSetBit(i + 1)) scores[i] += sim[v];
      }
      return scores;
    };
  }

  /** {@code sim(user, v)} for every user v (0 for the user itself and users without common items). */
  double[] similarities(int user, BitSet[] seen, List<int[]> usersOf, int[] sizes) {
    double[] sim = new double[seen.length];
    for (int j = seen[user].nextSetBit(0); j >= 0; j = seen[user].nextSetBit(j + 1)) for (int v : usersOf.get(j)) sim[v]++;
    sim[user] = 0;
    for (int v = 0; v < sim.length; v++) {
      if (sim[v] <= 0) continue;
      double common = sim[v];
      sim[v] = common / Math.sqrt((double) sizes[user] * sizes[v]);
      if (shrinkage > 0) sim[v] *= common / (common + shrinkage);
    }
    return sim;
  }

  private static int positives(double[] values) {
    int n = 0;
    for (double v : values) if (v > 0) n++;
    return n;
  }

  private static BitSet nonPositive(double[] values) {
    BitSet out = new BitSet(values.length);
    for (int i = 0; i < values.length; i++) if (values[i] <= 0) out.set(i);
    return out;
  }
}
