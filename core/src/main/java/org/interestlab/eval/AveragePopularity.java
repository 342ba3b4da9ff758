package org.interestlab.eval;

import java.util.BitSet;

/**
 * Average recommendation popularity at K, ARP (Abdollahpouri, Burke &amp; Mobasher, "Managing
 * popularity bias in recommender systems with personalized re-ranking", FLAIRS 2019; Yin et al.,
 * VLDB 2012): for each user, the mean over their top-K items of the item's training popularity
 * (the number of training users who had it); the system value is the mean over users. Lower = the
 * lists lean less on popular items. RecBole's {@code AveragePopularity} is the same quantity.
 *
 * <p>Range [0, numUsers] (registered as [0, ∞)). Users with an empty list are not counted; NaN when
 * none had items. Exact sums ({@link ExactMean}) make {@link #combine} exact. Cost: O(K) per user.
 *
 * <pre>{@code
 * SystemMetric arp = AveragePopularity.of(10, ctx);
 * }</pre>
 */
public final class AveragePopularity implements SystemMetric {
  private final int k;
  private final double[] popularity;
  private final ExactMean mean = new ExactMean();

  private AveragePopularity(int k, double[] popularity) {
    this.k = RankingChecks.checkK(k);
    this.popularity = popularity;
  }

  /** An empty accumulator reading the context's training popularity. */
  public static AveragePopularity of(int k, EvaluationContext ctx) {
    double[] pop = new double[ctx.numItems()];
    for (int i = 0; i < pop.length; i++) pop[i] = ctx.popularity(i);
    return new AveragePopularity(k, pop);
  }

  @Override
  public String name() {
    return "avgpop@" + k;
  }

  /** {@code relevant} is not used; it may be null. */
  @Override
  public void add(int[] ranked, BitSet relevant, int numRelevant) {
    double v = PopularityMeans.meanOver(name(), ranked, k, popularity);
    if (!Double.isNaN(v)) mean.add(v);
  }

  @Override
  public void combine(SystemMetric other) {
    if (!(other instanceof AveragePopularity o) || o.k != k || o.popularity != popularity) {
      throw new IllegalArgumentException("cannot combine " + name() + " with " + (other == null ? "null" : other.name()));
    }
    mean.combine(o.mean);
  }

  @Override
  public double evaluate() {
    return mean.mean();
  }

  @Override
  public AveragePopularity newEmpty() {
    return new AveragePopularity(k, popularity);
  }
}
