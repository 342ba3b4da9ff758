/**
 * Vectors → groups. Every clusterer is an immutable parameter record implementing
 * {@link org.interestlab.cluster.Clusterer} and returns a {@link org.interestlab.cluster.Clustering}:
 * {@link org.interestlab.cluster.KMeans}, {@link org.interestlab.cluster.MiniBatchKMeans},
 * {@link org.interestlab.cluster.Agglomerative} (Ward, average, complete),
 * {@link org.interestlab.cluster.Dbscan} (noise −1) and {@link org.interestlab.cluster.GaussianMixture}
 * (whose {@link org.interestlab.cluster.FittedGaussianMixture} adds likelihood and BIC).
 * {@link org.interestlab.analysis.ModelSelection} sweeps k; {@link org.interestlab.cluster.LabelsCsv}
 * reads and writes label files. Interest hierarchies and cluster tracking live here too.
 */
package org.interestlab.cluster;
