package org.interestlab.eval;

import org.interestlab.compute.Embeddings;

/**
 * Static shortcuts for the internal clustering metrics (no ground truth needed): silhouette,
 * Davies–Bouldin and Calinski–Harabasz. Each is a {@link ClusteringMetric} record
 * ({@link Silhouette}, {@link DaviesBouldin}, {@link CalinskiHarabasz}) where its definition,
 * source and cost are documented; these methods only save the {@code new}.
 *
 * <p>All compute in double precision (float32 embeddings are promoted exactly), agree with
 * scikit-learn 1.2 to about 1e-12 on the test datasets, and throw {@link IllegalArgumentException}
 * naming the metric for mismatched lengths, non-finite values, or fewer than 2 (or more than n − 1)
 * clusters.
 *
 * <pre>{@code
 * double s  = InternalClusterMetrics.silhouette(points, labels);
 * double sc = InternalClusterMetrics.silhouetteCosine(embeddings, labels);
 * double db = InternalClusterMetrics.daviesBouldin(embeddings, labels);
 * }</pre>
 */
public final class InternalClusterMetrics {
  private InternalClusterMetrics() {}

  /** Mean silhouette coefficient, Euclidean distance, all points. O(n² d). */
  public static double silhouette(double[][] points, int[] labels) {
    return Silhouette.euclidean().score(points, labels);
  }

  public static double silhouette(Embeddings points, int[] labels) {
    return Silhouette.euclidean().score(points, labels);
  }

  /** Mean silhouette coefficient, cosine distance (1 − cos), all points. O(n² d). */
  public static double silhouetteCosine(double[][] points, int[] labels) {
    return Silhouette.cosine().score(points, labels);
  }

  public static double silhouetteCosine(Embeddings points, int[] labels) {
    return Silhouette.cosine().score(points, labels);
  }

  /** Davies–Bouldin index, lower is better. O(n d + K² d). */
  public static double daviesBouldin(double[][] points, int[] labels) {
    return new DaviesBouldin().score(points, labels);
  }

  public static double daviesBouldin(Embeddings points, int[] labels) {
    return new DaviesBouldin().score(points, labels);
  }

  /** Calinski–Harabasz index, higher is better. O(n d). */
  public static double calinskiHarabasz(double[][] points, int[] labels) {
    return new CalinskiHarabasz().score(points, labels);
  }

  public static double calinskiHarabasz(Embeddings points, int[] labels) {
    return new CalinskiHarabasz().score(points, labels);
  }

  /** Per-cluster means, summed in point order. */
  static double[][] centroids(PointRows points, PointChecks.Encoded enc, int d) {
    double[][] c = new double[enc.numLabels()][d];
    for (int i = 0; i < points.count(); i++) {
      double[] row = c[enc.codes()[i]];
      double[] x = points.row(i);
      for (int j = 0; j < d; j++) row[j] += x[j];
    }
    for (int k = 0; k < c.length; k++) for (int j = 0; j < d; j++) c[k][j] /= enc.sizes()[k];
    return c;
  }
}
