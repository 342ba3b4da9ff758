package org.interestlab.recommend;

import static org.interestlab.params.ParamSpec.integer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.interestlab.compute.TopK;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * Item-based collaborative filtering (Sarwar et al. 2001; Deshpande &amp; Karypis 2004): items are
 * similar when the same users interacted with them, by cosine over binary user–item vectors,
 * {@code sim(i, j) = |U_i ∩ U_j| / sqrt(|U_i| · |U_j|)}. Each item keeps its {@code neighbours} most
 * similar items; a user's score for item {@code i} is the sum of {@code sim(j, i)} over the items
 * {@code j} in their history for which {@code i} is a kept neighbour.
 *
 * <p>Cost to fit: {@code O(Σ_u |h_u|²)} co-occurrence counting plus {@code O(n_items² )} time in the
 * worst case for neighbour selection; memory {@code n_items × neighbours}.
 *
 * @param neighbours neighbourhood size per item (default 50, ≥ 1)
 */
public record ItemKnnRecommender(int neighbours) implements Recommender {
  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(integer("neighbours", 50, 1, 100_000, "neighbours kept per item"));

  /** The config's {@code recommenders: [{ kind: item-knn }]}. */
  public static final ComponentSpec<ItemKnnRecommender> SPEC = new ComponentSpec<>("item-knn",
      "item-based kNN, cosine over co-occurrence", PARAMS, (p, seed) -> new ItemKnnRecommender(p.getInt("neighbours")));

  public ItemKnnRecommender {
    PARAMS.check("neighbours", neighbours);
  }

  /** The config's default: 50 neighbours per item. */
  public static ItemKnnRecommender defaults() {
    return SPEC.createDefault(0L);
  }

  @Override
  public FittedRecommender fit(TrainingData data) {
    int items = data.train().numItems();
    BitSet[] seen = data.seenItems();
    List<int[]> usersOf = usersPerItem(seen, items);
    int[][] neighbourIds = new int[items][];
    double[][] neighbourSims = new double[items][];
    double[] counts = new double[items];
    for (int i = 0; i < items; i++) {
      java.util.Arrays.fill(counts, 0);
      int[] users = usersOf.get(i);
      if (users.length == 0) {
        neighbourIds[i] = new int[0];
        neighbourSims[i] = new double[0];
        continue;
      }
      for (int u : users) for (int j = seen[u].nextSetBit(0); j >= 0; j = seen[u].nextSetBit(j + 1)) counts[j]++;
      counts[i] = 0;
      for (int j = 0; j < items; j++) {
        if (counts[j] > 0) counts[j] /= Math.sqrt((double) users.length * usersOf.get(j).length);
      }
      BitSet zero = new BitSet(items);
      for (int j = 0; j < items; j++) if (counts[j] <= 0) zero.set(j);
      int[] top = TopK.select(counts, neighbours, zero);
      neighbourIds[i] = top;
      neighbourSims[i] = new double[top.length];
      for (int t = 0; t < top.length; t++) neighbourSims[i][t] = counts[top[t]];
    }
    return user -> {
      double[] scores = new double[items];
      BitSet h = seen[user];
      for (int j = h.nextSetBit(0); j >= 0; j = h.nextSetBit(j + 1)) {
        int[] ids = neighbourIds[j];
        for (int t = 0; t < ids.length; t++) scores[ids[t]] += neighbourSims[j][t];
      }
      return scores;
    };
  }

  private static List<int[]> usersPerItem(BitSet[] seen, int items) {
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
