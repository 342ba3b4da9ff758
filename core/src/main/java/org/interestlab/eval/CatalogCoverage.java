package org.interestlab.eval;

import java.util.BitSet;

/**
 * Catalogue coverage at K: the number of distinct items that appear in at least one evaluated
 * user's top K, divided by the number of items in the catalogue. Also called aggregate diversity
 * (Adomavicius &amp; Kwon, "Improving aggregate recommendation diversity using ranking-based
 * techniques", IEEE TKDE 24(5), 2012; Ge, Delgado-Battenfeld &amp; Jannach, "Beyond accuracy",
 * RecSys 2010).
 *
 * <p>The denominator is the whole catalogue ({@code numItems}), including items no one could be
 * recommended because every test user already had them in training. Only users that are evaluated
 * (those with test items) are added, so coverage is measured on the same users as the accuracy
 * metrics. The state is a bit set over items, merged with OR, so {@link #combine} is exact.
 * Memory: numItems bits; O(K) per user.
 *
 * <pre>{@code
 * CatalogCoverage cov = CatalogCoverage.of(10, dataset.numItems());
 * for (int u : testUsers) cov.add(rank(u), test[u], test[u].cardinality());
 * double coverage = cov.evaluate();
 * }</pre>
 */
public final class CatalogCoverage implements SystemMetric {
  private final int k;
  private final int numItems;
  private final BitSet seen;

  private CatalogCoverage(int k, int numItems) {
    this.k = RankingChecks.checkK(k);
    if (numItems < 1) throw new IllegalArgumentException("coverage@" + k + ": numItems must be >= 1, got " + numItems);
    this.numItems = numItems;
    this.seen = new BitSet(numItems);
  }

  /** An empty accumulator for coverage@k over a catalogue of {@code numItems} items (indices 0..numItems-1). */
  public static CatalogCoverage of(int k, int numItems) {
    return new CatalogCoverage(k, numItems);
  }

  public int k() {
    return k;
  }

  public int numItems() {
    return numItems;
  }

  @Override
  public String name() {
    return "coverage@" + k;
  }

  /** {@code relevant} is not used (coverage looks only at what was recommended); it may be null. */
  @Override
  public void add(int[] ranked, BitSet relevant, int numRelevant) {
    if (ranked == null) throw new IllegalArgumentException(name() + ": ranked must not be null");
    int n = Math.min(k, ranked.length);
    for (int i = 0; i < n; i++) {
      int item = ranked[i];
      if (item < 0 || item >= numItems) {
        throw new IllegalArgumentException(name() + ": item index " + item + " outside 0.." + (numItems - 1));
      }
      seen.set(item);
    }
  }

  @Override
  public void combine(SystemMetric other) {
    if (!(other instanceof CatalogCoverage o) || o.k != k || o.numItems != numItems) {
      throw new IllegalArgumentException("cannot combine " + name() + " over " + numItems + " items with "
          + (other == null ? "null" : other.name()));
    }
    seen.or(o.seen);
  }

  /** Number of distinct items recommended so far. */
  public int distinctItems() {
    return seen.cardinality();
  }

  @Override
  public double evaluate() {
    return (double) seen.cardinality() / numItems;
  }

  @Override
  public CatalogCoverage newEmpty() {
    return new CatalogCoverage(k, numItems);
  }

  @Override
  public String toString() {
    return "CatalogCoverage[" + name() + ", " + seen.cardinality() + "/" + numItems + "]";
  }
}
