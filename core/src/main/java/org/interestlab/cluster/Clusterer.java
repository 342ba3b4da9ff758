package org.interestlab.cluster;

import java.util.List;
import org.interestlab.compute.Embeddings;

/**
 * Vectors → groups. An implementation is an immutable parameter record (its seed included);
 * {@link #fit} returns the {@link Clustering} and never mutates its input.
 */
public interface Clusterer {
  Clustering fit(Embeddings points);

  /** What a run's log should say about how this clusterer ran here (e.g. a slower fallback path); none by default. */
  default List<String> notes() {
    return List.of();
  }
}
