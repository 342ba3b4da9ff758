package org.interestlab.eval;

/**
 * Average recommendation popularity at K, ARP (Abdollahpouri, Burke &amp; Mobasher, "Managing
 * popularity bias in recommender systems with personalized re-ranking", FLAIRS 2019; Yin et al.,
 * VLDB 2012): for each user, the mean over their top-K items of the item's training popularity
 * (the number of training users who had it); the system value is the mean over users. Lower = the
 * lists lean less on popular items. RecBole's {@code AveragePopularity} is the same quantity.
 *
 * <p>Range [0, numUsers] (registered as [0, ∞)). Users with an empty list are not counted; NaN when
 * none had items. Computed by {@link ItemValueMean}. Cost: O(K) per user.
 *
 * <pre>{@code
 * SystemMetric arp = AveragePopularity.of(10, ctx);
 * }</pre>
 */
public final class AveragePopularity {
  private AveragePopularity() {}

  /** An empty accumulator reading the context's training popularity. */
  public static SystemMetric of(int k, EvaluationContext ctx) {
    double[] pop = new double[ctx.numItems()];
    for (int i = 0; i < pop.length; i++) pop[i] = ctx.popularity(i);
    return new ItemValueMean("avgpop", k, pop);
  }
}
