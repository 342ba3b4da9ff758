package org.interestlab.recommend;

import java.util.BitSet;
import org.interestlab.compute.TopK;

/**
 * A sparse item–item weight matrix W kept as each item's strongest neighbours, and the scoring
 * every neighbourhood model shares: a user's score for item {@code i} is {@code Σ_{j ∈ history} W[j][i]}
 * (the binary history row times W). Item-kNN and RP3beta differ only in how W's rows are computed.
 *
 * <p>Memory: one int and one double per kept entry. Scoring one user costs the number of entries
 * in the rows of their history items plus {@code O(n_items)} for the score array.
 */
final class ItemNeighbourhoods {
  private final int items;
  private final int[][] ids;
  private final double[][] weights;

  private ItemNeighbourhoods(int items) {
    this.items = items;
    this.ids = new int[items][];
    this.weights = new double[items][];
  }

  /** An empty matrix of {@code items} rows, filled by {@link #keepTop}. */
  static ItemNeighbourhoods of(int items) {
    return new ItemNeighbourhoods(items);
  }

  /**
   * Keeps the {@code k} largest positive entries of {@code row} as row {@code item} of W, best
   * first (ties to the lower index); {@code k} may exceed the number of positive entries (e.g.
   * {@link org.interestlab.params.ParamSpec#ALL_AS_INT}: keep them all). {@code row} is not kept.
   */
  void keepTop(int item, double[] row, int k) {
    BitSet zero = new BitSet(items);
    int positive = 0;
    for (int j = 0; j < items; j++) {
      if (row[j] <= 0) zero.set(j);
      else positive++;
    }
    int[] top = TopK.select(row, Math.min(k, positive), zero);
    double[] w = new double[top.length];
    for (int t = 0; t < top.length; t++) w[t] = row[top[t]];
    ids[item] = top;
    weights[item] = w;
  }

  /** Divides every row by the sum of its weights (L1 normalisation); empty rows stay empty. */
  void normalizeRows() {
    for (double[] w : weights) {
      double sum = 0;
      for (double v : w) sum += v;
      if (sum > 0) for (int t = 0; t < w.length; t++) w[t] /= sum;
    }
  }

  /** Row {@code item}'s kept neighbours, best first. */
  int[] neighbours(int item) {
    return ids[item].clone();
  }

  /** Row {@code item}'s kept weights, in the order of {@link #neighbours}. */
  double[] weights(int item) {
    return weights[item].clone();
  }

  /** Scores {@code Σ_{j ∈ seen[user]} W[j][·]}, history items in increasing order. */
  FittedRecommender scorer(BitSet[] seen) {
    return user -> {
      double[] scores = new double[items];
      BitSet h = seen[user];
      for (int j = h.nextSetBit(0); j >= 0; j = h.nextSetBit(j + 1)) {
        int[] js = ids[j];
        double[] ws = weights[j];
        for (int t = 0; t < js.length; t++) scores[js[t]] += ws[t];
      }
      return scores;
    };
  }
}
