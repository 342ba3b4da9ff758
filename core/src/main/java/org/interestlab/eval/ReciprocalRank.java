package org.interestlab.eval;

import java.util.BitSet;

/**
 * Reciprocal rank at K: 1 / (rank of the first relevant item) when that rank is ≤ K, else 0; its
 * mean over users is MRR@K (Voorhees, "The TREC-8 Question Answering Track Report", TREC 1999).
 * O(rank of the first hit) per user.
 *
 * @param k the cutoff, at least 1
 */
public record ReciprocalRank(int k) implements RankingMetric {
  public ReciprocalRank {
    RankingChecks.checkK(k);
  }

  @Override
  public String name() {
    return "mrr@" + k;
  }

  @Override
  public double value(int[] ranked, BitSet relevant, int numRelevant) {
    int n = RankingChecks.cutoff(name(), k, ranked, relevant, numRelevant);
    for (int i = 0; i < n; i++) if (relevant.get(ranked[i])) return 1.0 / (i + 1);
    return 0;
  }
}
