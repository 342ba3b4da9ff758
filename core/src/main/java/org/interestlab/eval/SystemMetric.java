package org.interestlab.eval;

import java.util.BitSet;

/**
 * A metric over all evaluated users, built up one user at a time and mergeable, in the style of
 * RankSys's {@code SystemMetric}: {@link #add} one user, {@link #combine} two partial results,
 * {@link #evaluate} the total. Splitting the users among threads, each with its own
 * {@link #newEmpty()} accumulator, and combining the parts gives exactly the value a single
 * sequential pass gives, bit for bit, whatever the split (implementations keep exact state).
 *
 * <p>Accumulators are mutable and not thread-safe: one per thread.
 *
 * <pre>{@code
 * SystemMetric total = users.parallelStream().collect(
 *     metric::newEmpty,
 *     (acc, u) -> acc.add(ranking(u), test(u), test(u).cardinality()),
 *     SystemMetric::combine);
 * double value = total.evaluate();
 * }</pre>
 *
 * <p>As for {@link RankingMetric}, users with no test items are not added (the caller skips them).
 */
public interface SystemMetric {

  /** The name as written in results, e.g. {@code ndcg@10} or {@code coverage@10}. */
  String name();

  /** Adds one user's ranked list (best first) and test items. */
  void add(int[] ranked, BitSet relevant, int numRelevant);

  /**
   * Merges another accumulator of the same metric (same name and parameters) into this one.
   *
   * @throws IllegalArgumentException if {@code other} is a different metric
   */
  void combine(SystemMetric other);

  /** The metric over everything added or combined so far. */
  double evaluate();

  /** A fresh, empty accumulator with the same parameters. */
  SystemMetric newEmpty();
}
