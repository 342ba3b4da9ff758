/**
 * Numbers with honest definitions; {@code docs/metrics.md} states every formula and the protocol.
 *
 * <ul>
 *   <li>Ranking, per user: {@link org.interestlab.eval.RankingMetric} (Precision, Recall, NDCG,
 *       MAP, MRR, HitRate at K) over the full ranking of the items a user did not see in training;
 *       users without test items are skipped by the caller.
 *   <li>System level, mergeable for parallel evaluation: {@link org.interestlab.eval.SystemMetric}
 *       ({@link org.interestlab.eval.MeanAggregate}, {@link org.interestlab.eval.CatalogCoverage}).
 *   <li>Clustering without ground truth: {@link org.interestlab.eval.ClusteringMetric}
 *       ({@link org.interestlab.eval.Silhouette}, {@link org.interestlab.eval.DaviesBouldin},
 *       {@link org.interestlab.eval.CalinskiHarabasz}; shortcuts in
 *       {@link org.interestlab.eval.InternalClusterMetrics}).
 *   <li>Clustering against ground truth: {@link org.interestlab.eval.ExternalClusterMetrics} (ARI,
 *       NMI, AMI, homogeneity, completeness, V-measure, purity).
 *   <li>Config names to metrics: {@link org.interestlab.eval.MetricSpec}.
 * </ul>
 */
package org.interestlab.eval;
