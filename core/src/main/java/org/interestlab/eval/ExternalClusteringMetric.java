package org.interestlab.eval;

/**
 * An external clustering metric: compares a predicted labelling with ground-truth classes (ARI,
 * NMI, AMI, homogeneity, completeness, V-measure, purity). Needs only the two label arrays.
 *
 * <p>Labels are arbitrary ints; each distinct value is one class or cluster, −1 included. Metrics
 * are invariant to renaming labels.
 *
 * <pre>{@code
 * double ari = MetricSpec.parse("ari").externalClusteringMetric().score(truth, clustering.labels());
 * }</pre>
 */
public interface ExternalClusteringMetric {

  /** The name as written in configs, e.g. {@code ami}. */
  String name();

  /**
   * The metric of {@code predicted} against {@code truth}.
   *
   * @throws IllegalArgumentException on null, empty or length-mismatched labels
   */
  double score(int[] truth, int[] predicted);
}
