package org.interestlab.cluster;

/**
 * The reference squared Euclidean distance of k-means: {@code Σ (x_t − c_t)²} with every
 * difference and the sum in double, in a fixed order. Each assignment path (full matrix products or
 * bounds) decides labels so that they equal the arg-min of this function, ties to the lower
 * centroid index; that makes plain Lloyd and the accelerated path agree label for label.
 *
 * <p>Its own rounding is below {@link #RELATIVE_ERROR} of the exact value (d ≤ 10⁶ terms of
 * exactly representable float differences), which the bounds' safety margins cover.
 */
final class SquaredDistance {
  /** Bound on |computed − exact| / exact for any dimension up to 10⁶ (γ_d in double ≈ 1.1e-10). */
  static final double RELATIVE_ERROR = 2e-10;
  /** Safety factor applied to every derived distance bound; large against {@link #RELATIVE_ERROR}. */
  static final double MARGIN = 1e-9;

  private SquaredDistance() {}

  static double between(float[] x, int xOffset, float[] c, int cOffset, int d) {
    return BoundedDistance.kernel().reference(x, xOffset, c, cOffset, d);
  }

  /**
   * {@link #between} in plain Java; the Vector API kernel does the same operations lane by lane
   * (lane t mod 4 is running sum t mod 4), so both give the same bits.
   */
  static double betweenScalar(float[] x, int xOffset, float[] c, int cOffset, int d) {
    // Four running sums (dimensions t ≡ 0, 1, 2, 3 mod 4), added up in a fixed order: the same
    // value on every call, about four times the speed of one dependent chain of additions.
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int t = 0;
    for (; t + 3 < d; t += 4) {
      double a = (double) x[xOffset + t] - c[cOffset + t];
      double b = (double) x[xOffset + t + 1] - c[cOffset + t + 1];
      double e = (double) x[xOffset + t + 2] - c[cOffset + t + 2];
      double f = (double) x[xOffset + t + 3] - c[cOffset + t + 3];
      s0 += a * a;
      s1 += b * b;
      s2 += e * e;
      s3 += f * f;
    }
    for (; t < d; t++) {
      double a = (double) x[xOffset + t] - c[cOffset + t];
      s0 += a * a;
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** An upper bound on the exact distance (not squared) for a computed squared distance. */
  static double upper(double sq) {
    return Math.sqrt(Math.max(0, sq)) * (1 + MARGIN) + Double.MIN_NORMAL;
  }

  /** A lower bound on the exact distance (not squared) for a computed squared distance. */
  static double lower(double sq) {
    return Math.sqrt(Math.max(0, sq)) * (1 - MARGIN);
  }

  /** The largest float not above {@code v}: a lower bound stays a lower bound when stored as float. */
  static float floatDown(double v) {
    float f = (float) v;
    return f > v ? Math.nextDown(f) : f;
  }

  /** The least float not below {@code v}: an upper bound stays an upper bound when stored as float. */
  static float floatUp(double v) {
    float f = (float) v;
    return f < v ? Math.nextUp(f) : f;
  }

  /**
   * True when distance bounds {@code upperOwn} (to the own centre) and {@code lowerOthers} (to
   * every other centre) prove that the own centre is the arg-min of {@link #between}: the exact
   * distances are then apart by more than the reference function's rounding.
   */
  static boolean separated(double upperOwn, double lowerOthers) {
    return upperOwn < lowerOthers * (1 - MARGIN);
  }
}
