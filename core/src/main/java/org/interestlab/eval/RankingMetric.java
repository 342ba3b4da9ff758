package org.interestlab.eval;

import java.util.BitSet;

/**
 * A per-user ranking metric at a cutoff K: one number for one user's ranked list against that
 * user's held-out (test) items. This is the RankSys shape (Vargas &amp; Castells' RankSys library): one
 * method, no state, so the same instance is shared by all threads.
 *
 * <p>Protocol (see {@code docs/metrics.md}): {@code ranked} is the full ranking of every item the
 * user did not interact with in training, best first; only its first K entries count, and a
 * ranking shorter than K (a small catalogue) is scored as if padded with misses. {@code relevant}
 * holds the user's test items as a bit set over item indices and {@code numRelevant} is its
 * cardinality, passed in so that it is counted once per user rather than once per metric.
 *
 * <p><b>Users with no relevant items are excluded by the caller</b>: every implementation throws
 * {@link IllegalArgumentException} for {@code numRelevant < 1}, because recall, NDCG and AP are
 * undefined there and silently scoring them 0 (or 1) would bias the mean.
 *
 * <p>Items in {@code ranked} must be distinct (a ranking); a repeated item would be counted twice.
 * Cost: O(K) per call, no allocation.
 *
 * <pre>{@code
 * RankingMetric ndcg = RankingMetric.ndcg(10);
 * BitSet test = new BitSet(); test.set(4); test.set(9);
 * double v = ndcg.value(new int[] {9, 1, 4}, test, 2);   // hits at ranks 1 and 3
 * }</pre>
 */
public interface RankingMetric {

  /** The name as written in configs, e.g. {@code ndcg@10}. */
  String name();

  /**
   * The metric for one user.
   *
   * @param ranked recommended item indices, best first; entries after the K-th are ignored
   * @param relevant the user's test items
   * @param numRelevant {@code relevant.cardinality()}, at least 1
   */
  double value(int[] ranked, BitSet relevant, int numRelevant);

  /** Precision@K = hits in the top K / K. */
  static RankingMetric precision(int k) {
    return new Precision(k);
  }

  /** Recall@K = hits in the top K / |relevant|. */
  static RankingMetric recall(int k) {
    return new Recall(k);
  }

  /** NDCG@K with binary relevance (Järvelin &amp; Kekäläinen 2002). */
  static RankingMetric ndcg(int k) {
    return new Ndcg(k);
  }

  /** AP@K, whose mean over users is MAP@K. */
  static RankingMetric averagePrecision(int k) {
    return new AveragePrecision(k);
  }

  /** Reciprocal rank of the first hit within K, whose mean over users is MRR@K. */
  static RankingMetric reciprocalRank(int k) {
    return new ReciprocalRank(k);
  }

  /** 1 when any of the top K is relevant, else 0. */
  static RankingMetric hitRate(int k) {
    return new HitRate(k);
  }
}
