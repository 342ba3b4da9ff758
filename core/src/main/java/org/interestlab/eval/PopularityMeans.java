package org.interestlab.eval;

/** The per-user mean of an item value over a top-K list, shared by novelty and average popularity. */
final class PopularityMeans {
  private PopularityMeans() {}

  /** Mean of {@code value[item]} over the first min(k, |ranked|) items; NaN for an empty list. */
  static double meanOver(String metric, int[] ranked, int k, double[] value) {
    if (ranked == null) throw new IllegalArgumentException(metric + ": ranked must not be null");
    int n = Math.min(k, ranked.length);
    if (n == 0) return Double.NaN;
    double sum = 0;
    for (int t = 0; t < n; t++) {
      int item = ranked[t];
      if (item < 0 || item >= value.length) throw new IllegalArgumentException(metric + ": item index " + item + " outside 0.." + (value.length - 1));
      sum += value[item];
    }
    return sum / n;
  }
}
