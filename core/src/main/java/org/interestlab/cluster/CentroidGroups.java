package org.interestlab.cluster;

/**
 * Groups of nearby centres for Yinyang's bounds (Ding et al. 2015, "Yinyang K-Means", ICML):
 * a few Lloyd iterations over the initial centres themselves. Any grouping keeps the bounds
 * valid; a spatial one keeps a far centre's big move from loosening every point's bound.
 * Deterministic: starts from evenly spaced centres, ties to the lower group.
 */
final class CentroidGroups {
  private static final int ITERATIONS = 5;

  private CentroidGroups() {}

  /** The group (0..groups−1) of each of the k centres. */
  static int[] of(float[] centroids, int k, int d, int groups) {
    int[] groupOf = new int[k];
    if (groups <= 1) return groupOf;
    double[] centres = new double[groups * d];
    for (int g = 0; g < groups; g++) {
      int j = (int) ((long) g * k / groups);
      for (int t = 0; t < d; t++) centres[g * d + t] = centroids[j * d + t];
    }
    for (int it = 0; it < ITERATIONS; it++) {
      for (int j = 0; j < k; j++) {
        double best = Double.POSITIVE_INFINITY;
        for (int g = 0; g < groups; g++) {
          double s = 0;
          for (int t = 0; t < d; t++) {
            double diff = centroids[j * d + t] - centres[g * d + t];
            s += diff * diff;
          }
          if (s < best) {
            best = s;
            groupOf[j] = g;
          }
        }
      }
      int[] counts = new int[groups];
      double[] sums = new double[groups * d];
      for (int j = 0; j < k; j++) {
        counts[groupOf[j]]++;
        for (int t = 0; t < d; t++) sums[groupOf[j] * d + t] += centroids[j * d + t];
      }
      for (int g = 0; g < groups; g++) {
        if (counts[g] == 0) continue; // an empty group keeps its centre
        for (int t = 0; t < d; t++) centres[g * d + t] = sums[g * d + t] / counts[g];
      }
    }
    return groupOf;
  }
}
