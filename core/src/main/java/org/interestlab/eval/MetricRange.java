package org.interestlab.eval;

/**
 * The documented range of a metric's finite values, {@code [min, max]}; either end may be
 * infinite. Every value a metric returns for valid input lies in its range (a mean over no users is
 * NaN and is not a value of the metric). Contract tests check each registered metric against its
 * range, and {@code docs/metrics.md} prints it.
 *
 * <pre>{@code
 * MetricRange.UNIT.contains(0.4);                        // true
 * MetricRange.of(0, Double.POSITIVE_INFINITY).toString(); // "[0, ∞)"
 * }</pre>
 *
 * @param min the smallest possible value, or −∞
 * @param max the largest possible value, or +∞
 */
public record MetricRange(double min, double max) {
  /** [0, 1]: precision, recall, NDCG, coverage, purity and most other shares. */
  public static final MetricRange UNIT = new MetricRange(0, 1);

  public MetricRange {
    if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
      throw new IllegalArgumentException("metric range needs min <= max, got [" + min + ", " + max + "]");
    }
  }

  public static MetricRange of(double min, double max) {
    return new MetricRange(min, max);
  }

  /** True when {@code value} is a number within [min, max] (false for NaN). */
  public boolean contains(double value) {
    return value >= min && value <= max;
  }

  @Override
  public String toString() {
    String lo = min == Double.NEGATIVE_INFINITY ? "(-∞" : "[" + show(min);
    String hi = max == Double.POSITIVE_INFINITY ? "∞)" : show(max) + "]";
    return lo + ", " + hi;
  }

  private static String show(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
