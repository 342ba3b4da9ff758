/**
 * Numbers with honest definitions; {@code docs/metrics.md} states every formula and the protocol.
 *
 * <ul>
 *   <li>One registry of every metric a config can name: {@link org.interestlab.eval.MetricRegistry}
 *       (one {@link org.interestlab.eval.MetricDefinition} line per metric: name, kind, documented
 *       {@link org.interestlab.eval.MetricRange range}, factory); config names are parsed into a
 *       {@link org.interestlab.eval.MetricSpec}.
 *   <li>Per user, at a cutoff K: {@link org.interestlab.eval.RankingMetric} (one method, stateless)
 *       over the full ranking of the items a user did not see in training; users without test items
 *       are skipped by the caller. The system value is the exact mean,
 *       {@link org.interestlab.eval.MeanAggregate}.
 *   <li>Over all users, mergeable for parallel evaluation: {@link org.interestlab.eval.SystemMetric}
 *       (e.g. {@link org.interestlab.eval.CatalogCoverage}). Every top-K factory receives the run's
 *       {@link org.interestlab.eval.EvaluationContext} (catalogue size, training popularity, item
 *       vectors, K).
 *   <li>Clustering without ground truth: {@link org.interestlab.eval.ClusteringMetric}
 *       ({@link org.interestlab.eval.Silhouette}, {@link org.interestlab.eval.DaviesBouldin},
 *       {@link org.interestlab.eval.CalinskiHarabasz}; shortcuts in
 *       {@link org.interestlab.eval.InternalClusterMetrics}).
 *   <li>Clustering against ground truth: {@link org.interestlab.eval.ExternalClusteringMetric}, built
 *       on {@link org.interestlab.eval.ExternalClusterMetrics} (ARI, NMI, AMI, homogeneity,
 *       completeness, V-measure, purity).
 *   <li>Uncertainty and comparisons over users: {@link org.interestlab.eval.PercentileBootstrap}
 *       (seeded 95% interval of a mean), {@link org.interestlab.eval.PairedTTest} and
 *       {@link org.interestlab.eval.WilcoxonSignedRankTest} (two-sided, SciPy's defaults),
 *       {@link org.interestlab.eval.HolmCorrection}.
 * </ul>
 */
package org.interestlab.eval;
