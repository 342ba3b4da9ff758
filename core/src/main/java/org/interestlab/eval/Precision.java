package org.interestlab.eval;

import java.util.BitSet;

/**
 * Precision@K = (relevant items among the top K) / K.
 *
 * <p>The denominator is K even when the ranking is shorter than K or the user has fewer than K
 * relevant items, as in the IR textbook definition (Manning, Raghavan &amp; Schütze, <i>Introduction to
 * Information Retrieval</i>, 2008, §8.4) and RankSys; so a perfect score needs |relevant| ≥ K.
 * O(K) per user.
 *
 * <pre>{@code new Precision(10).value(ranked, testItems, testItems.cardinality())}</pre>
 *
 * @param k the cutoff, at least 1
 */
public record Precision(int k) implements RankingMetric {
  public Precision {
    RankingChecks.checkK(k);
  }

  @Override
  public String name() {
    return "precision@" + k;
  }

  @Override
  public double value(int[] ranked, BitSet relevant, int numRelevant) {
    int n = RankingChecks.cutoff(name(), k, ranked, relevant, numRelevant);
    int hits = 0;
    for (int i = 0; i < n; i++) if (relevant.get(ranked[i])) hits++;
    return (double) hits / k;
  }
}
