package org.interestlab.cluster;

import java.util.Arrays;
import org.interestlab.compute.Embeddings;

/**
 * The result of a clustering: one label per point (−1 for noise where an algorithm has noise),
 * one centroid per cluster, cluster sizes, and the within-cluster sum of squared distances to the
 * centroids ({@code inertia}, as scikit-learn defines it).
 */
public record Clustering(int[] labels, Embeddings centroids, double inertia, int iterations) {
  public Clustering {
    labels = labels.clone();
  }

  /**
   * The clustering a labelling implies: clusters 0..max label, centroids the member means, inertia
   * the squared distances to them (−1 = noise, left out).
   */
  public static Clustering ofLabels(Embeddings points, int[] labels) {
    if (labels.length != points.rows()) throw new IllegalArgumentException(labels.length + " labels for " + points.rows() + " points");
    int k = 0;
    for (int l : labels) k = Math.max(k, l + 1);
    return ClusterStats.of(points, labels, k, 0);
  }

  public int numClusters() {
    return centroids.rows();
  }

  public int[] labels() {
    return labels.clone();
  }

  public int label(int point) {
    return labels[point];
  }

  public int[] sizes() {
    int[] s = new int[numClusters()];
    for (int l : labels) if (l >= 0) s[l]++;
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Clustering c && Arrays.equals(c.labels, labels) && c.centroids.equals(centroids)
        && Double.compare(c.inertia, inertia) == 0 && c.iterations == iterations;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(labels) * 31 + centroids.hashCode();
  }
}
