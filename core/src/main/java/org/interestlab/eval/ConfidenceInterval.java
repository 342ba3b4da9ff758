package org.interestlab.eval;

/**
 * A two-sided confidence interval {@code [lower, upper]} for a mean; both NaN when there was
 * nothing to resample.
 *
 * @param lower lower bound
 * @param upper upper bound (≥ lower)
 */
public record ConfidenceInterval(double lower, double upper) {
  /** The interval of an empty sample. */
  public static final ConfidenceInterval UNDEFINED = new ConfidenceInterval(Double.NaN, Double.NaN);

  public ConfidenceInterval {
    if (lower > upper) throw new IllegalArgumentException("lower bound " + lower + " exceeds upper bound " + upper);
  }

  /** Half the width, for the {@code mean ± halfWidth} display. */
  public double halfWidth() {
    return (upper - lower) / 2;
  }
}
