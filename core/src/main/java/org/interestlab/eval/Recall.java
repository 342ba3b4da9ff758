package org.interestlab.eval;

import java.util.BitSet;

/**
 * Recall@K = (relevant items among the top K) / |relevant|.
 *
 * <p>The denominator is the user's full number of test items, not min(|relevant|, K) (some papers
 * use the latter and call it "truncated" or "normalised" recall), so a user with more test items
 * than K cannot reach 1. Definition: Manning, Raghavan &amp; Schütze, <i>Introduction to Information
 * Retrieval</i>, 2008, §8.3. O(K) per user.
 *
 * @param k the cutoff, at least 1
 */
public record Recall(int k) implements RankingMetric {
  public Recall {
    RankingChecks.checkK(k);
  }

  @Override
  public String name() {
    return "recall@" + k;
  }

  @Override
  public double value(int[] ranked, BitSet relevant, int numRelevant) {
    int n = RankingChecks.cutoff(name(), k, ranked, relevant, numRelevant);
    int hits = 0;
    for (int i = 0; i < n; i++) if (relevant.get(ranked[i])) hits++;
    return (double) hits / numRelevant;
  }
}
