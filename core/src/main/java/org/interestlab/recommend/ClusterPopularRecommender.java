package org.interestlab.recommend;

import java.util.BitSet;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * Recommends the items most popular among the members of the user's interest cluster that the
 * user has not seen: "people who share your interest liked these". Ties (and users without a
 * cluster) fall back to global popularity.
 *
 * <p>Cost: {@code O(|train|)} to fit, {@code O(n_items log k)} per user; memory {@code n_clusters ×
 * n_items} counts.
 */
public record ClusterPopularRecommender() implements Recommender {
  /** The config's {@code recommenders: [{ kind: cluster-popular }]}; it has no parameters. */
  public static final ComponentSpec<ClusterPopularRecommender> SPEC =
      new ComponentSpec<>("cluster-popular", "most popular unseen items among the user's interest cluster", ParamList.none(), (p, seed) -> new ClusterPopularRecommender());

  @Override
  public boolean needsClusters() {
    return true;
  }

  @Override
  public FittedRecommender fit(TrainingData data) {
    int[] clusters = data.requireClusters("cluster-popular");
    int numClusters = 0;
    for (int c : clusters) numClusters = Math.max(numClusters, c + 1);
    int items = data.train().numItems();
    int[] global = data.itemPopularity();
    double[][] scores = new double[numClusters][items];
    BitSet[] seen = data.seenItems();
    for (int u = 0; u < seen.length; u++) {
      int c = clusters[u];
      if (c < 0) continue;
      for (int i = seen[u].nextSetBit(0); i >= 0; i = seen[u].nextSetBit(i + 1)) scores[c][i] += 1;
    }
    // Global popularity as a fraction below one member breaks ties without outranking any count.
    int maxGlobal = 1;
    for (int g : global) maxGlobal = Math.max(maxGlobal, g);
    double[] fallback = new double[items];
    for (int i = 0; i < items; i++) {
      fallback[i] = global[i];
      double tie = global[i] / (maxGlobal + 1.0);
      for (int c = 0; c < numClusters; c++) scores[c][i] += tie;
    }
    return user -> {
      int c = user < clusters.length ? clusters[user] : -1;
      return (c >= 0 ? scores[c] : fallback).clone();
    };
  }
}
