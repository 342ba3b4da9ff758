package org.interestlab.eval;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A mean of doubles whose sum is kept exactly ({@link BigDecimal} holds every finite double without
 * rounding), so it does not depend on the order of additions or merges; the system metrics that
 * average a per-user value over users share it. Mutable, not thread-safe.
 */
final class ExactMean {
  private BigDecimal sum = BigDecimal.ZERO;
  private long count;

  void add(double value) {
    if (!Double.isFinite(value)) throw new IllegalArgumentException("value is not finite: " + value);
    sum = sum.add(new BigDecimal(value));
    count++;
  }

  void combine(ExactMean other) {
    sum = sum.add(other.sum);
    count += other.count;
  }

  long count() {
    return count;
  }

  /** The mean, rounded once (to 34 digits, then to double); NaN when nothing was added. */
  double mean() {
    if (count == 0) return Double.NaN;
    return sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue();
  }
}
