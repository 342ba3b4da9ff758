package org.interestlab.eval;

import java.util.BitSet;

/**
 * NDCG@K with binary relevance: DCG@K / IDCG@K where DCG@K = Σ over hit ranks r ≤ K of
 * 1 / log2(r + 1) (ranks start at 1, so a hit at rank 1 gains 1) and IDCG@K is the DCG of an ideal
 * ranking, i.e. Σ_{r=1..min(|relevant|, K)} 1 / log2(r + 1).
 *
 * <p>Source: Järvelin &amp; Kekäläinen, "Cumulated gain-based evaluation of IR techniques", ACM TOIS
 * 20(4), 2002, with the log2(r + 1) discount of Burges et al. (ICML 2005) that every current
 * recommender library uses. Gains are 0/1: scikit-learn's {@code ndcg_score} uses graded gains and
 * ties, so it is not the same number for the same input. O(K) per user.
 *
 * @param k the cutoff, at least 1
 */
public record Ndcg(int k) implements RankingMetric {
  public Ndcg {
    RankingChecks.checkK(k);
  }

  @Override
  public String name() {
    return "ndcg@" + k;
  }

  @Override
  public double value(int[] ranked, BitSet relevant, int numRelevant) {
    int n = RankingChecks.cutoff(name(), k, ranked, relevant, numRelevant);
    double dcg = 0;
    for (int i = 0; i < n; i++) if (relevant.get(ranked[i])) dcg += RankingChecks.discount(i + 1);
    if (dcg == 0) return 0;
    double idcg = 0;
    int ideal = Math.min(numRelevant, k);
    for (int r = 1; r <= ideal; r++) idcg += RankingChecks.discount(r);
    return dcg / idcg;
  }
}
