package org.interestlab.eval;

import java.util.BitSet;

/**
 * F1@K: the harmonic mean of precision@K and recall@K for one user, 2·P·R / (P + R), and 0 when
 * both are 0 (no hit in the top K). Its mean over users is the system F1@K (the mean of per-user
 * F1, not the F1 of the mean precision and mean recall).
 *
 * <p>With h hits in the top K and |R| test items, P = h / K and R = h / |R|, so
 * 2PR / (P + R) = 2h / (K + |R|): computed in that form, one rounding and no 0/0. Precision and
 * recall follow {@link Precision} and {@link Recall} (a ranking shorter than K still divides by K).
 * Source: the F measure with β = 1 of van Rijsbergen, <i>Information Retrieval</i>, 2nd ed., 1979,
 * ch. 7 (as E = 1 − F), in the form of Manning, Raghavan &amp; Schütze, <i>Introduction to
 * Information Retrieval</i>, 2008, §8.3, eq. 8.5–8.6. O(K) per user.
 *
 * <pre>{@code new F1(5).value(new int[] {3, 7, 1, 9, 5}, test, 3)   // hits 7, 9 of {7, 9, 4}: 2·2 / (5 + 3) = 0.5}</pre>
 *
 * @param k the cutoff, at least 1
 */
public record F1(int k) implements RankingMetric {
  public F1 {
    RankingChecks.checkK(k);
  }

  @Override
  public String name() {
    return "f1@" + k;
  }

  @Override
  public double value(int[] ranked, BitSet relevant, int numRelevant) {
    int n = RankingChecks.cutoff(name(), k, ranked, relevant, numRelevant);
    int hits = 0;
    for (int i = 0; i < n; i++) if (relevant.get(ranked[i])) hits++;
    return 2.0 * hits / ((long) k + numRelevant);
  }
}
