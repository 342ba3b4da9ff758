package org.interestlab.cluster;

import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;

/** Input checks shared by the clusterers, so every one rejects bad input with the same words. */
final class ClusterChecks {
  private ClusterChecks() {}

  /** Rejects empty input and non-finite values, naming the clusterer. */
  static void points(String kind, Embeddings x) {
    if (x == null) throw new IllegalArgumentException(kind + ": points must not be null");
    if (x.rows() == 0) throw new UserException(kind + ": no points to cluster (empty input)");
    if (x.dim() == 0) throw new UserException(kind + ": the points have no dimensions (shape " + x.rows() + "×0)");
    if (x.hasNonFinite()) throw new UserException(kind + ": input vectors contain NaN or infinite values");
  }

  /** Rejects a number of clusters above the number of points. */
  static void clusters(String kind, String param, int k, int n) {
    if (k > n) {
      throw new UserException(kind + ": " + param + "=" + k + " is larger than the number of points (" + n + ") — use "
          + param + " ≤ " + n);
    }
  }

  /** Rejects zero vectors, whose cosine distance is undefined. */
  static void noZeroRows(String kind, Embeddings x) {
    for (int i = 0; i < x.rows(); i++) {
      boolean zero = true;
      for (int j = 0; j < x.dim() && zero; j++) zero = x.data()[i * x.dim() + j] == 0f;
      if (zero) {
        throw new UserException(kind + ": point " + i + " is a zero vector, which has no cosine distance — use metric: "
            + "euclidean or drop the point");
      }
    }
  }
}
