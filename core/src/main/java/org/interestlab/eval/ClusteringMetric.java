package org.interestlab.eval;

import org.interestlab.compute.Embeddings;

/**
 * An internal clustering metric: judges a labelling of points by the geometry alone, without
 * ground truth (silhouette, Davies–Bouldin, Calinski–Harabasz). Stateless; computed in double
 * precision.
 *
 * <p>Labels are arbitrary ints, one per point; every distinct value is one cluster, −1 included
 * (as in scikit-learn). Drop DBSCAN's noise points first if they should not count as a cluster.
 *
 * <pre>{@code
 * ClusteringMetric m = MetricSpec.parse("davies-bouldin").clusteringMetric();
 * double db = m.score(embeddings, clustering.labels());
 * }</pre>
 */
public interface ClusteringMetric {

  /** The name as written in configs, e.g. {@code silhouette-cosine}. */
  String name();

  /**
   * The metric for {@code points} (n rows of equal length) labelled by {@code labels} (length n).
   *
   * @throws IllegalArgumentException on a length mismatch, ragged rows, a non-finite value, or a
   *     number of clusters outside 2..n−1
   */
  double score(double[][] points, int[] labels);

  /** The same for float32 embeddings (promoted to double without rounding). */
  default double score(Embeddings points, int[] labels) {
    return score(PointChecks.toDoubleRows(name(), points), labels);
  }
}
