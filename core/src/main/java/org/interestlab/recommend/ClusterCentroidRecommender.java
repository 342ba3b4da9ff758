package org.interestlab.recommend;

import org.interestlab.compute.Embeddings;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * Recommends the unseen items whose vectors are closest (cosine) to the mean profile of the user's
 * interest cluster: the cluster's interest, read as content rather than as popularity. Users
 * without a cluster fall back to their own profile. Items without a content vector come last
 * ({@link ContentKnnRecommender#NO_CONTENT}).
 *
 * <p>Cost: {@code O(n_users · d)} to fit; {@code O(n_items · d)} per cluster, computed once.
 */
public record ClusterCentroidRecommender() implements Recommender {
  /** The config's {@code recommenders: [{ kind: cluster-centroid }]}; it has no parameters. */
  public static final ComponentSpec<ClusterCentroidRecommender> SPEC =
      new ComponentSpec<>("cluster-centroid", "unseen items closest (cosine) to the mean profile of the user's interest cluster", ParamList.none(), (p, seed) -> new ClusterCentroidRecommender());

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
    Embeddings items = ContentKnnRecommender.requireItemVectors(data, "cluster-centroid").l2Normalized();
    int[] clusters = data.requireClusters("cluster-centroid");
    Embeddings users = data.profiles().vectors();
    int d = users.dim();
    int numClusters = 0;
    for (int c : clusters) numClusters = Math.max(numClusters, c + 1);
    double[][] sums = new double[numClusters][d];
    for (int u = 0; u < clusters.length; u++) {
      if (clusters[u] < 0) continue;
      for (int j = 0; j < d; j++) sums[clusters[u]][j] += users.data()[u * d + j];
    }
    float[] centroids = new float[numClusters * d];
    for (int c = 0; c < numClusters; c++) for (int j = 0; j < d; j++) centroids[c * d + j] = (float) sums[c][j];
    Embeddings centres = new Embeddings(numClusters, d, centroids).l2Normalized();
    double[][] scores = new double[numClusters][];
    for (int c = 0; c < numClusters; c++) scores[c] = ContentKnnRecommender.withoutContentLast(Similarity.dotAll(items, centres.data(), c * d), data);
    Embeddings ownProfiles = users.l2Normalized();
    return new FittedRecommender() {
      @Override
      public boolean covers(int user) {
        return clusters[user] >= 0 || data.profiles().isPresent(user);
      }

      @Override
      public double[] scores(int user) {
        int c = clusters[user];
        if (c >= 0) return scores[c].clone();
        if (!data.profiles().isPresent(user)) throw new IllegalArgumentException("user " + user + " has no cluster and no profile");
        return ContentKnnRecommender.withoutContentLast(Similarity.dotAll(items, ownProfiles.data(), user * d), data);
      }
    };
  }
}
