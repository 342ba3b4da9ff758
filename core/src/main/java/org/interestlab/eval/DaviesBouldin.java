package org.interestlab.eval;

import org.interestlab.compute.Embeddings;

/**
 * Davies–Bouldin index (Davies &amp; Bouldin, "A cluster separation measure", IEEE TPAMI 1(2), 1979),
 * as scikit-learn's {@code davies_bouldin_score} computes it. Lower is better, 0 is the minimum.
 *
 * <p>With centroid c_k (mean of cluster k) and S_k = mean Euclidean distance of cluster k's points
 * to c_k: DB = (1/K) Σ_k max_{l≠k} (S_k + S_l) / ‖c_k − c_l‖. As in scikit-learn: when every S_k ≤
 * 1e-8 or every centroid distance ≤ 1e-8 the score is 0, and a pair of coinciding centroids is
 * skipped (its ratio counts as 0). O(n d + K² d) time, O(K d) memory.
 *
 * <pre>{@code double db = new DaviesBouldin().score(points, labels);}</pre>
 */
public record DaviesBouldin() implements ClusteringMetric {
  /** numpy's {@code allclose(x, 0)} with its default atol. */
  private static final double ATOL = 1e-8;

  @Override
  public String name() {
    return "davies-bouldin";
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
    PointChecks.checkNumberOfClusters(name(), enc.numLabels(), points.rows());
    double[][] centroids = ChunkedClusterSums.centroids(points, enc);
    double[] spread = ChunkedClusterSums.perCluster(points, enc,
        (data, offset, code) -> Math.sqrt(ChunkedClusterSums.squaredDistance(data, offset, centroids[code])));
    return index(centroids, spread, enc);
  }

  private double score(PointRows points, int d, int[] labels) {
    PointChecks.Encoded enc = PointChecks.encode(labels);
    int k = enc.numLabels();
    PointChecks.checkNumberOfClusters(name(), k, points.count());
    double[][] centroids = InternalClusterMetrics.centroids(points, enc, d);
    double[] spread = new double[k];
    for (int i = 0; i < points.count(); i++) spread[enc.codes()[i]] += Silhouette.euclidean(points.row(i), centroids[enc.codes()[i]]);
    return index(centroids, spread, enc);
  }

  /** The index from the centroids and each cluster's summed distance to its centroid (divided here by the sizes). */
  private static double index(double[][] centroids, double[] spread, PointChecks.Encoded enc) {
    int k = enc.numLabels();
    boolean allSpreadZero = true;
    for (int c = 0; c < k; c++) {
      spread[c] /= enc.sizes()[c];
      if (Math.abs(spread[c]) > ATOL) allSpreadZero = false;
    }
    double[][] dist = new double[k][k];
    boolean allCentroidsClose = true;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        dist[a][b] = dist[b][a] = Silhouette.euclidean(centroids[a], centroids[b]);
        if (dist[a][b] > ATOL) allCentroidsClose = false;
      }
    }
    if (allSpreadZero || allCentroidsClose) return 0.0;
    double sum = 0;
    for (int a = 0; a < k; a++) {
      double worst = 0;
      for (int b = 0; b < k; b++) {
        if (b == a || dist[a][b] == 0) continue; // scikit-learn sets zero distances to +inf
        worst = Math.max(worst, (spread[a] + spread[b]) / dist[a][b]);
      }
      sum += worst;
    }
    return sum / k;
  }
}
