package org.interestlab.cluster;

import org.interestlab.compute.Embeddings;

/**
 * Vectors → groups. An implementation is an immutable parameter record (its seed included);
 * {@link #fit} returns the {@link Clustering} and never mutates its input.
 */
public interface Clusterer {
  Clustering fit(Embeddings points);
}
