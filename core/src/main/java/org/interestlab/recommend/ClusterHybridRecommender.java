package org.interestlab.recommend;

import static org.interestlab.params.ParamSpec.real;

import java.util.BitSet;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * Cluster-based recommendation with collaborative filtering inside it: EASE's scores for the user,
 * blended with what the user's interest cluster says — how popular each item is among the cluster's
 * members, and how close each item's content vector is to the cluster's centroid (the mean of its
 * members' profiles). Each signal is turned into per-user z-scores over the items the user has not seen
 * in training ({@link LearnedHybridRecommender#zScores}), and
 *
 * <pre>score = z_ease + popularity_weight · z_cluster_popularity + centroid_weight · z_centroid_cosine</pre>
 *
 * <p>This follows cluster-based collaborative filtering — users grouped by their interests, and the
 * group's preferences used to recommend (Ungar &amp; Foster, "Clustering methods for collaborative
 * filtering", AAAI Workshop on Recommender Systems 1998; Sarwar et al., "Recommender systems for
 * large-scale e-commerce: scalable neighborhood formation using clustering", ICCIT 2002) — with the
 * groups formed from language-model interest profiles, and a strong CF model (EASE, Steck 2019) kept as
 * the base, so the cluster terms only reorder what they have evidence for. List the weights (and
 * {@code lambda}) in the config and the run chooses them on validation; both weights 0 is plain EASE.
 *
 * <p>An item no training interaction mentions (a held-out item of {@code held-out-items}) has EASE score
 * 0 and cluster popularity 0, the same for every such item: only the centroid term tells them apart, so
 * this model ranks cold items by their text. An item without a content vector gets centroid z-score 0. A
 * user without a cluster ({@code -1}) is ranked by EASE alone.
 *
 * <p>Cost: EASE's fit ({@code O(n_items³)}), {@code O(|train| + n_clusters · n_items · d)} for the
 * cluster terms, then {@code O(n_items)} per user.
 *
 * <pre>{@code
 * recommenders:
 *   - { kind: cluster-hybrid, lambda: [50, 200], popularity_weight: [0, 0.5], centroid_weight: [0, 0.5, 1] }
 * }</pre>
 *
 * @param lambda EASE's L2 penalty (default 100, &gt; 0)
 * @param popularityWeight weight of the in-cluster popularity z-scores (default 0.5, ≥ 0)
 * @param centroidWeight weight of the cluster-centroid cosine z-scores (default 0.5, ≥ 0)
 */
public record ClusterHybridRecommender(double lambda, double popularityWeight, double centroidWeight) implements Recommender {
  /** The parameters, as a config names them, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      real("lambda", 100.0, 0, 1e9, true, "EASE's L2 penalty on the item-item weights"),
      real("popularity_weight", 0.5, 0, 1e6, false, "weight of the per-user z-scores of popularity within the user's cluster"),
      real("centroid_weight", 0.5, 0, 1e6, false, "weight of the per-user z-scores of the items' cosine to the cluster centroid"));

  /** The config's {@code recommenders: [{ kind: cluster-hybrid }]}. */
  public static final ComponentSpec<ClusterHybridRecommender> SPEC = new ComponentSpec<>("cluster-hybrid",
      "EASE blended with the user's interest cluster (in-cluster popularity, centroid cosine), weights chosen on validation", PARAMS,
      (p, seed) -> new ClusterHybridRecommender(p.getDouble("lambda"), p.getDouble("popularity_weight"), p.getDouble("centroid_weight")));

  public ClusterHybridRecommender {
    PARAMS.check("lambda", lambda);
    PARAMS.check("popularity_weight", popularityWeight);
    PARAMS.check("centroid_weight", centroidWeight);
  }

  /** The config's defaults: λ = 100, both cluster weights 0.5. */
  public static ClusterHybridRecommender defaults() {
    return SPEC.createDefault(0L);
  }

  @Override
  public boolean needsItemVectors() {
    return true;
  }

  @Override
  public boolean needsClusters() {
    return true;
  }

  @Override
  public FittedRecommender fit(TrainingData data) {
    int[] clusters = data.requireClusters("cluster-hybrid");
    FittedRecommender ease = new EaseRecommender(lambda, "cpu").fit(data);
    FittedRecommender centroid = new ClusterCentroidRecommender().fit(data);
    double[][] popularity = clusterPopularity(data, clusters);
    BitSet[] seen = data.seenItems();
    return new FittedRecommender() {
      @Override
      public double[] scores(int user) {
        double[] blend = LearnedHybridRecommender.zScores(ease.scores(user), seen[user], null);
        int c = clusters[user];
        if (c < 0) return blend;
        if (popularityWeight > 0) add(blend, popularityWeight, LearnedHybridRecommender.zScores(popularity[c], seen[user], null));
        if (centroidWeight > 0) add(blend, centroidWeight, LearnedHybridRecommender.zScores(centroid.scores(user), seen[user], data));
        return blend;
      }

      @Override
      public void close() {
        ease.close();
        centroid.close();
      }
    };
  }

  private static void add(double[] into, double weight, double[] z) {
    for (int i = 0; i < into.length; i++) into[i] += weight * z[i];
  }

  /** Per cluster, per item: how many of the cluster's members interacted with the item in training. */
  private static double[][] clusterPopularity(TrainingData data, int[] clusters) {
    int numClusters = 0;
    for (int c : clusters) numClusters = Math.max(numClusters, c + 1);
    double[][] counts = new double[numClusters][data.train().numItems()];
    BitSet[] seen = data.seenItems();
    for (int u = 0; u < seen.length; u++) {
      if (clusters[u] < 0) continue;
      for (int i = seen[u].nextSetBit(0); i >= 0; i = seen[u].nextSetBit(i + 1)) counts[clusters[u]][i]++;
    }
    return counts;
  }
}
