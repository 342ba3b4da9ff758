package org.interestlab.eval;

import java.util.BitSet;

/**
 * AP@K = (Σ over hit ranks r ≤ K of precision@r) / min(|relevant|, K); its mean over users is MAP@K.
 *
 * <p>Dividing by min(|relevant|, K) rather than |relevant| lets a perfect top-K list score 1 when
 * the user has more than K test items; this is the AP@K of the Kaggle / {@code ml_metrics}
 * convention and of RecBole. Average precision itself: Manning, Raghavan &amp; Schütze,
 * <i>Introduction to Information Retrieval</i>, 2008, §8.4 (Buckley &amp; Voorhees, SIGIR 2000). O(K)
 * per user.
 *
 * @param k the cutoff, at least 1
 */
public record AveragePrecision(int k) implements RankingMetric {
  public AveragePrecision {
    RankingChecks.checkK(k);
  }

  @Override
  public String name() {
    return "map@" + k;
  }

  @Override
  public double value(int[] ranked, BitSet relevant, int numRelevant) {
    int n = RankingChecks.cutoff(name(), k, ranked, relevant, numRelevant);
    int hits = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (relevant.get(ranked[i])) {
        hits++;
        sum += (double) hits / (i + 1);
      }
    }
    return sum / Math.min(numRelevant, k);
  }
}
