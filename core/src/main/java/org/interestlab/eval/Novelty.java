package org.interestlab.eval;

/**
 * Novelty at K as mean self-information (Zhou et al., "Solving the apparent diversity–accuracy
 * dilemma of recommender systems", PNAS 107(10), 2010; Castells, Hurley &amp; Vargas, "Novelty and
 * diversity in recommender systems", Recommender Systems Handbook, 2nd ed., 2015): for each user,
 * the mean over their top-K items of {@code −log2 p(i)}, where {@code p(i) = popularity(i) /
 * numUsers} is the share of training users who had item {@code i}; the system value is the mean
 * over users. Higher = less known items.
 *
 * <p>An item no training user had would have infinite self-information; it counts as had by one
 * user ({@code p = 1 / numUsers}), the rarest observable. Range [0, log2 numUsers] (registered as
 * [0, ∞)). Users with an empty list are not counted; NaN when none had items. Computed
 * by {@link ItemValueMean}. Cost: O(K) per user.
 *
 * <pre>{@code
 * SystemMetric novelty = Novelty.of(10, ctx);   // ctx: the run's EvaluationContext (training popularity)
 * }</pre>
 */
public final class Novelty {
  private Novelty() {}

  /** An empty accumulator reading the context's training popularity. */
  public static SystemMetric of(int k, EvaluationContext ctx) {
    double[] info = new double[ctx.numItems()];
    for (int i = 0; i < info.length; i++) {
      info[i] = -Math.log((double) Math.max(1, ctx.popularity(i)) / ctx.numUsers()) / Math.log(2);
    }
    return new ItemValueMean("novelty", k, info);
  }
}
