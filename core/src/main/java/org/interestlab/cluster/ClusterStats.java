package org.interestlab.cluster;

import org.interestlab.compute.Embeddings;

/** Centroids and inertia of a labelling, the parts of a {@link Clustering} every algorithm shares. */
final class ClusterStats {
  private ClusterStats() {}

  /** Member means (summed in double, in point order) of clusters 0..k−1; noise (−1) is skipped, empty clusters are 0. */
  static Embeddings centroids(Embeddings x, int[] labels, int k) {
    int d = x.dim();
    double[] sums = new double[k * d];
    int[] counts = new int[k];
    float[] data = x.data();
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      if (l < 0) continue;
      counts[l]++;
      for (int j = 0; j < d; j++) sums[l * d + j] += data[i * d + j];
    }
    float[] out = new float[k * d];
    for (int c = 0; c < k; c++) {
      if (counts[c] == 0) continue;
      for (int j = 0; j < d; j++) out[c * d + j] = (float) (sums[c * d + j] / counts[c]);
    }
    return new Embeddings(k, d, out);
  }

  /** Sum of squared Euclidean distances of the labelled points to their centroid (noise skipped). */
  static double inertia(Embeddings x, int[] labels, Embeddings centroids) {
    int d = x.dim();
    float[] data = x.data();
    float[] c = centroids.data();
    double total = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) continue;
      int base = labels[i] * d;
      for (int j = 0; j < d; j++) {
        double diff = data[i * d + j] - c[base + j];
        total += diff * diff;
      }
    }
    return total;
  }

  /** A clustering with centroids and inertia computed from the labels. */
  static Clustering of(Embeddings x, int[] labels, int k, int iterations) {
    Embeddings centroids = centroids(x, labels, k);
    return new Clustering(labels, centroids, inertia(x, labels, centroids), iterations);
  }
}
