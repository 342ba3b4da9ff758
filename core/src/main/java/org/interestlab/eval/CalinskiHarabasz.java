package org.interestlab.eval;

import org.interestlab.compute.Embeddings;

/**
 * Calinski–Harabasz index, the variance ratio criterion (Caliński &amp; Harabasz, "A dendrite method
 * for cluster analysis", Communications in Statistics 3(1), 1974), as scikit-learn's
 * {@code calinski_harabasz_score} computes it. Higher is better.
 *
 * <p>With n points, K clusters, overall mean m, cluster means m_k and sizes n_k:
 * B = Σ_k n_k ‖m_k − m‖², W = Σ_k Σ_{x∈k} ‖x − m_k‖², CH = (B / (K − 1)) / (W / (n − K)); CH = 1
 * when W = 0 (scikit-learn's convention). O(n d) time, O(K d) memory.
 *
 * <pre>{@code double ch = new CalinskiHarabasz().score(points, labels);}</pre>
 */
public record CalinskiHarabasz() implements ClusteringMetric {
  @Override
  public String name() {
    return "calinski-harabasz";
  }

  @Override
  public double score(double[][] points, int[] labels) {
    return score(PointRows.of(points), PointChecks.checkPoints(name(), points, labels), labels);
  }

  /**
   * The same score, the embeddings read in place (no double copy); large ones in parallel chunks
   * ({@link ChunkedClusterSums}: the same value to float64 rounding, for any number of threads).
   */
  @Override
  public double score(Embeddings points, int[] labels) {
    int d = PointChecks.checkPoints(name(), points, labels);
    if (!ChunkedClusterSums.applies(points)) return score(PointRows.of(points), d, labels);
    PointChecks.Encoded enc = PointChecks.encode(labels);
    int k = enc.numLabels();
    int n = points.rows();
    PointChecks.checkNumberOfClusters(name(), k, n);
    double[][] centroids = ChunkedClusterSums.centroids(points, enc);
    // The overall mean is the size-weighted mean of the centroids.
    double[] mean = new double[d];
    for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) mean[j] += enc.sizes()[c] * centroids[c][j];
    for (int j = 0; j < d; j++) mean[j] /= n;
    double[] within = ChunkedClusterSums.perCluster(points, enc,
        (data, offset, code) -> ChunkedClusterSums.squaredDistance(data, offset, centroids[code]));
    double w = 0;
    for (double v : within) w += v;
    return ratio(centroids, mean, enc, w, n);
  }

  private double score(PointRows points, int d, int[] labels) {
    PointChecks.Encoded enc = PointChecks.encode(labels);
    int k = enc.numLabels();
    int n = points.count();
    PointChecks.checkNumberOfClusters(name(), k, n);
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      double[] p = points.row(i);
      for (int j = 0; j < d; j++) mean[j] += p[j];
    }
    for (int j = 0; j < d; j++) mean[j] /= n;
    double[][] centroids = InternalClusterMetrics.centroids(points, enc, d);
    double within = 0;
    for (int i = 0; i < n; i++) {
      double[] m = centroids[enc.codes()[i]];
      double[] p = points.row(i);
      for (int j = 0; j < d; j++) within += (p[j] - m[j]) * (p[j] - m[j]);
    }
    return ratio(centroids, mean, enc, within, n);
  }

  /** (B / (K − 1)) / (W / (n − K)), B from the centroids and the overall mean; 1 when W = 0. */
  private static double ratio(double[][] centroids, double[] mean, PointChecks.Encoded enc, double within, int n) {
    int k = enc.numLabels();
    double between = 0;
    for (int c = 0; c < k; c++) {
      double sq = 0;
      for (int j = 0; j < mean.length; j++) sq += (centroids[c][j] - mean[j]) * (centroids[c][j] - mean[j]);
      between += enc.sizes()[c] * sq;
    }
    if (within == 0.0) return 1.0;
    return between * (n - k) / (within * (k - 1.0));
  }
}
