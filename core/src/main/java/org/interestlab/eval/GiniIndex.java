package org.interestlab.eval;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Gini index of exposure at K (Fleder &amp; Hosanagar, "Blockbuster culture's next rise or fall",
 * Management Science 55(5), 2009; Adomavicius &amp; Kwon, IEEE TKDE 24(5), 2012): with {@code c_i}
 * the number of users whose top K holds item {@code i}, over every item of the catalogue (items
 * never recommended count with 0), sorted ascending {@code c_(1) ≤ … ≤ c_(n)},
 * {@code G = Σ_{j=1..n} (2j − n − 1) · c_(j) / (n · Σ_j c_j)}. 0 when every item is recommended
 * equally often, approaching 1 when all exposure goes to one item (at most (n − 1) / n). The same
 * formula as RecBole's {@code GiniIndex}.
 *
 * <p>The state is one count per item, merged by addition, so {@link #combine} is exact. NaN when no
 * item was recommended. Memory: one int per item; O(K) per user, O(n log n) to evaluate.
 *
 * <pre>{@code
 * SystemMetric gini = GiniIndex.of(10, dataset.numItems());
 * }</pre>
 */
public final class GiniIndex implements SystemMetric {
  private final int k;
  private final int[] counts;

  private GiniIndex(int k, int numItems) {
    this.k = RankingChecks.checkK(k);
    if (numItems < 1) throw new IllegalArgumentException("gini@" + k + ": numItems must be >= 1, got " + numItems);
    this.counts = new int[numItems];
  }

  /** An empty accumulator over a catalogue of {@code numItems} items. */
  public static GiniIndex of(int k, int numItems) {
    return new GiniIndex(k, numItems);
  }

  @Override
  public String name() {
    return "gini@" + k;
  }

  /** {@code relevant} is not used; it may be null. */
  @Override
  public void add(int[] ranked, BitSet relevant, int numRelevant) {
    if (ranked == null) throw new IllegalArgumentException(name() + ": ranked must not be null");
    int n = Math.min(k, ranked.length);
    for (int t = 0; t < n; t++) {
      if (ranked[t] < 0 || ranked[t] >= counts.length) throw new IllegalArgumentException(name() + ": item index " + ranked[t] + " outside 0.." + (counts.length - 1));
    }
    for (int t = 0; t < n; t++) counts[ranked[t]]++;
  }

  @Override
  public void combine(SystemMetric other) {
    if (!(other instanceof GiniIndex o) || o.k != k || o.counts.length != counts.length) {
      throw new IllegalArgumentException("cannot combine " + name() + " over " + counts.length + " items with " + (other == null ? "null" : other.name()));
    }
    for (int i = 0; i < counts.length; i++) counts[i] += o.counts[i];
  }

  @Override
  public double evaluate() {
    long[] sorted = Arrays.stream(counts).asLongStream().sorted().toArray();
    int n = sorted.length;
    long total = 0;
    long weighted = 0;   // exact in longs: |2j − n − 1| ≤ n and Σ c ≤ users · K
    for (int j = 1; j <= n; j++) {
      total += sorted[j - 1];
      weighted += (2L * j - n - 1) * sorted[j - 1];
    }
    if (total == 0) return Double.NaN;
    return (double) weighted / ((double) n * total);
  }

  @Override
  public GiniIndex newEmpty() {
    return new GiniIndex(k, counts.length);
  }
}
