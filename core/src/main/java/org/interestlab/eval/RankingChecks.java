package org.interestlab.eval;

import java.util.BitSet;

/** Argument checks shared by the ranking metrics, kept out of their arithmetic. */
final class RankingChecks {
  private RankingChecks() {}

  static int checkK(int k) {
    if (k < 1) throw new IllegalArgumentException("K must be >= 1, got " + k);
    return k;
  }

  /** Validates one call and returns the number of positions that count, min(K, ranked.length). */
  static int cutoff(String metric, int k, int[] ranked, BitSet relevant, int numRelevant) {
    if (ranked == null || relevant == null) throw new IllegalArgumentException(metric + ": ranked and relevant must not be null");
    if (numRelevant < 1) {
      throw new IllegalArgumentException(metric + ": numRelevant must be >= 1, got " + numRelevant
          + " (users without test items are excluded by the caller)");
    }
    return Math.min(k, ranked.length);
  }

  /** 1 / log2(rank + 1) for rank starting at 1; StrictMath so that results agree across JVMs. */
  static double discount(int rank) {
    return LN2 / StrictMath.log(rank + 1.0);
  }

  private static final double LN2 = StrictMath.log(2.0);
}
