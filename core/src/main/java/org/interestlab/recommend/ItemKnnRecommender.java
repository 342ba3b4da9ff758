package org.interestlab.recommend;

import static org.interestlab.params.ParamSpec.integerOrAll;
import static org.interestlab.params.ParamSpec.real;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.ParamSpec;

/**
 * Item-based collaborative filtering (Sarwar et al. 2001; Deshpande &amp; Karypis 2004): items are
 * similar when the same users interacted with them, by cosine over binary user–item vectors,
 * {@code sim(i, j) = |U_i ∩ U_j| / sqrt(|U_i| · |U_j|)}, optionally shrunk towards zero when few
 * users support it: {@code sim · n / (n + shrinkage)} with {@code n = |U_i ∩ U_j|} (Koren,
 * "Factorization meets the neighborhood", KDD 2008, §2.2). Each item keeps its {@code neighbours}
 * most similar items ({@code all}: every item it shares a user with); a user's score for item
 * {@code i} is the sum of {@code sim(j, i)} over the items {@code j} in their history for which
 * {@code i} is a kept neighbour.
 *
 * <p>Cost to fit: {@code O(Σ_u |h_u|²)} co-occurrence counting plus {@code O(n_items²)} time in the
 * worst case for neighbour selection; memory {@code n_items × neighbours} (with {@code all}, one
 * entry per co-occurring item pair: up to {@code n_items²}).
 *
 * <pre>{@code
 * FittedRecommender m = new ItemKnnRecommender(ItemKnnRecommender.ALL, 10).fit(TrainingData.of(train));
 * }</pre>
 *
 * @param neighbours neighbourhood size per item (default 50, ≥ 1), or {@link #ALL}
 * @param shrinkage shrinkage pseudo-count (default 0 = plain cosine, ≥ 0)
 */
public record ItemKnnRecommender(int neighbours, double shrinkage) implements Recommender {
  /** {@code neighbours: all}: keep every item with a positive similarity. */
  public static final int ALL = ParamSpec.ALL_AS_INT;

  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      integerOrAll("neighbours", 50, 1, 100_000, "neighbours kept per item"),
      real("shrinkage", 0.0, 0, 1e9, false, "similarity · n / (n + shrinkage), n = users in common"));

  /** The config's {@code recommenders: [{ kind: item-knn }]}. */
  public static final ComponentSpec<ItemKnnRecommender> SPEC = new ComponentSpec<>("item-knn",
      "item-based kNN, cosine over co-occurrence", PARAMS,
      (p, seed) -> new ItemKnnRecommender(p.getIntOrAll("neighbours"), p.getDouble("shrinkage")));

  public ItemKnnRecommender {
    PARAMS.check("neighbours", neighbours);
    PARAMS.check("shrinkage", shrinkage);
  }

  /** Plain cosine (no shrinkage) with {@code neighbours} per item. */
  public ItemKnnRecommender(int neighbours) {
    this(neighbours, 0.0);
  }

  /** The config's default: 50 neighbours per item, no shrinkage. */
  public static ItemKnnRecommender defaults() {
    return SPEC.createDefault(0L);
  }

  @Override
  public FittedRecommender fit(TrainingData data) {
    return similarities(data).scorer(data.seenItems());
  }

  /** Each item's kept neighbours and similarities (package-private so tests can read them). */
  ItemNeighbourhoods similarities(TrainingData data) {
    int items = data.train().numItems();
    BitSet[] seen = data.seenItems();
    List<int[]> usersOf = usersPerItem(seen, items);
    ItemNeighbourhoods w = ItemNeighbourhoods.of(items);
    double[] counts = new double[items];
    for (int i = 0; i < items; i++) {
      Arrays.fill(counts, 0);
      int[] users = usersOf.get(i);
      for (int u : users) for (int j = seen[u].nextSetBit(0); j >= 0; j = seen[u].nextSetBit(j + 1)) counts[j]++;
      counts[i] = 0;
      for (int j = 0; j < items; j++) {
        if (counts[j] <= 0) continue;
        double common = counts[j];
        counts[j] /= Math.sqrt((double) users.length * usersOf.get(j).length);
        if (shrinkage > 0) counts[j] *= common / (common + shrinkage);
      }
      w.keepTop(i, counts, neighbours);
    }
    return w;
  }

  /** The users of each item, in increasing order. */
  static List<int[]> usersPerItem(BitSet[] seen, int items) {
    List<List<Integer>> lists = new ArrayList<>(items);
    for (int i = 0; i < items; i++) lists.add(new ArrayList<>());
    for (int u = 0; u < seen.length; u++) {
      for (int i = seen[u].nextSetBit(0); i >= 0; i = seen[u].nextSetBit(i + 1)) lists.get(i).add(u);
    }
    List<int[]> out = new ArrayList<>(items);
    for (List<Integer> l : lists) out.add(l.stream().mapToInt(Integer::intValue).toArray());
    return out;
  }
}
