package org.interestlab.eval;

import java.util.BitSet;

/**
 * The system mean over users of the per-user mean of an item value over the top-K list: the shape
 * of {@link Novelty} (value = self-information) and {@link AveragePopularity} (value = training
 * popularity). Users with an empty list are not counted; NaN when none had items. The per-user
 * values are summed exactly ({@link ExactMean}), so {@link #combine} is exact. Cost: O(K) per user.
 */
final class ItemValueMean implements SystemMetric {
  private final String family;
  private final int k;
  private final double[] value;
  private final ExactMean mean = new ExactMean();

  /** @param value one entry per catalogue item, shared (not copied) by every accumulator of the metric */
  ItemValueMean(String family, int k, double[] value) {
    this.family = family;
    this.k = RankingChecks.checkK(k);
    this.value = value;
  }

  @Override
  public String name() {
    return family + "@" + k;
  }

  /** {@code relevant} is not used; it may be null. */
  @Override
  public void add(int[] ranked, BitSet relevant, int numRelevant) {
    if (ranked == null) throw new IllegalArgumentException(name() + ": ranked must not be null");
    int n = Math.min(k, ranked.length);
    if (n == 0) return;
    double sum = 0;
    for (int t = 0; t < n; t++) {
      int item = ranked[t];
      if (item < 0 || item >= value.length) throw new IllegalArgumentException(name() + ": item index " + item + " outside 0.." + (value.length - 1));
      sum += value[item];
    }
    mean.add(sum / n);
  }

  @Override
  public void combine(SystemMetric other) {
    if (!(other instanceof ItemValueMean o) || !o.family.equals(family) || o.k != k || o.value != value) {
      throw new IllegalArgumentException("cannot combine " + name() + " with " + (other == null ? "null" : other.name()));
    }
    mean.combine(o.mean);
  }

  @Override
  public double evaluate() {
    return mean.mean();
  }

  @Override
  public ItemValueMean newEmpty() {
    return new ItemValueMean(family, k, value);
  }
}
