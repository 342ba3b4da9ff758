package org.interestlab.eval;

import java.util.BitSet;

/**
 * HitRate@K: 1 when at least one of the top K items is relevant, else 0; its mean over users is the
 * fraction of users with a hit (Deshpande &amp; Karypis, "Item-based top-N recommendation
 * algorithms", ACM TOIS 22(1), 2004, who call it HR). O(rank of the first hit) per user.
 *
 * @param k the cutoff, at least 1
 */
public record HitRate(int k) implements RankingMetric {
  public HitRate {
    RankingChecks.checkK(k);
  }

  @Override
  public String name() {
    return "hitrate@" + k;
  }

  @Override
  public double value(int[] ranked, BitSet relevant, int numRelevant) {
    int n = RankingChecks.cutoff(name(), k, ranked, relevant, numRelevant);
    for (int i = 0; i < n; i++) if (relevant.get(ranked[i])) return 1;
    return 0;
  }
}
