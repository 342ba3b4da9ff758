package org.interestlab.cluster;

/**
 * Squared Euclidean distances in float32 with a proven error bound, for the distance bounds of the
 * accelerated k-means: about six times the speed of the reference {@link SquaredDistance#between}
 * with the Vector API, and never the last word on a label (only bounds derived from it are used, so
 * a decision that the bound cannot make falls back to the reference).
 *
 * <p>Whatever the summation order, each of the d non-negative terms {@code fl(x_t − c_t)²} goes
 * through at most {@code N = d + 4 L + 8} roundings for L floats summed side by side (its difference
 * twice over, its accumulation chain, the reduction of the L sums and a scalar tail shorter than L), so the computed {@code ŝ} lies within
 * {@code [s(1 − u)^N, s(1 + u)^N]} of the exact {@code s}, up to an absolute {@link #tau} for
 * subnormal results ({@code u = 2⁻²⁴}). The bounds below widen that by {@code γ_N = N u / (1 − N u)}
 * and then by {@link SquaredDistance#MARGIN} for their own double arithmetic. A result that
 * overflows float is replaced by the reference value, which the same bound covers.
 *
 * <p>The Vector API is used when the JVM runs with {@code --add-modules jdk.incubator.vector} (as
 * {@code ./lab}, the tests and the benchmarks do); otherwise a scalar loop gives values under the
 * same bound, more slowly. Either way labels are the same: only which points need the reference
 * changes.
 */
final class BoundedDistance {
  /** The float32 kernel: any summation order (the bound does not depend on it). */
  interface Kernel {
    float squared(float[] x, int xOffset, float[] c, int cOffset, int d);

    /** Floats summed side by side (the lanes, times the accumulators). */
    int lanes();

    /** {@link SquaredDistance#between}, bit for bit: {@link SquaredDistance#betweenScalar}'s operations. */
    double reference(float[] x, int xOffset, float[] c, int cOffset, int d);

    /**
     * {@code out[t] = fl(x · q_t)} for the m rows {@code q_t} of {@code q} (m × d, row-major), x read
     * once for all of them; any summation order, so within {@code γ_d ‖x‖ ‖q_t‖} of the exact product.
     */
    void dots(float[] x, int xOffset, float[] q, int m, int d, float[] out);

    /**
     * {@link #dots} of two points at once, {@code x} at {@code xOffset} into {@code out[0..m)} and at
     * {@code yOffset} into {@code out[m..2m)}: each row of q read once for both (same error bound).
     */
    default void dotsPair(float[] x, int xOffset, int yOffset, float[] q, int m, int d, float[] out) {
      float[] second = new float[m];
      dots(x, xOffset, q, m, d, out);
      dots(x, yOffset, q, m, d, second);
      System.arraycopy(second, 0, out, m, m);
    }

    /** Row length of {@link #products}' columns and output: k rounded up to what the kernel reads at once. */
    int productWidth(int k);

    /**
     * {@code out[r · width + j] = fl(x_i · c_j)} for the {@code count} rows i ({@code ids[from + r]},
     * or {@code from + r} when {@code ids} is null) of x (row-major, d wide) and the columns
     * {@code columnsT} (d × width, column j at {@code columnsT[t · width + j]}, padded with zeros).
     * Each value is one chain of fused multiply-adds in dimension order, so it does not depend on
     * which other rows or columns share the call, and is within {@code γ_d ‖x‖ ‖c‖} of the exact one.
     */
    void products(float[] x, int[] ids, int from, int count, int d, float[] columnsT, int width, float[] out);


    /** {@code min over g < count of fl(a[aOffset + g] − b[g])}, +∞ for count 0. */
    float minDifference(float[] a, int aOffset, float[] b, int count);

    /** {@code min over q < k of a[offset + q]}, +∞ for k = 0. */
    float rowMin(float[] a, int offset, int k);

    /**
     * The j ≠ own with {@code fl(lower[o + j] − moved[j]) ≤ threshold} and
     * {@code half[ho + j] ≤ threshold}, in increasing order, into {@code out}; their count, or −1
     * when there are more than {@code limit}.
     */
    int candidates(float[] lower, int o, float[] moved, float[] half, int ho, float threshold, int k, int own, int limit,
        int[] out);

    /** {@code lower[o + j] = down(fl(lower[o + j] − moved[j]))} for j < k: see {@link BoundedDistance#moveBounds}. */
    void moveBounds(float[] lower, int o, float[] moved, int k);

    /**
     * Writes {@code f[q] = fl(squares[q] − 2 products[offset + q])} for q < k and returns the least
     * index of the least f; {@code two} receives that least value and the least of the others.
     */
    int nearestTwo(float[] products, int offset, float[] squares, int k, float[] f, float[] two);

    /** {@code out[outOffset + q] = fl(fl(√max(0, fl(f[q] + base))) · SHRINK)} for q < k. */
    void lowerBounds(float[] f, float base, float[] out, int outOffset, int k);
  }

  /** Below 1 by more than two float roundings: a float square root times it is below the exact one. */
  static final float SHRINK = 1 - 0x1p-20f;

  private static final double U = 0x1p-24;
  private static final Kernel KERNEL = loadKernel();

  private final Kernel kernel;
  private final double gamma;
  private final double tau;

  /** Distances in d dimensions on the JVM's kernel (vector when it can). */
  BoundedDistance(int d) {
    this(d, KERNEL);
  }

  BoundedDistance(int d, Kernel kernel) {
    this.kernel = kernel;
    int roundings = d + 4 * kernel.lanes() + 8;
    double nu = roundings * U;
    this.gamma = nu / (1 - nu);
    this.tau = 4.0 * roundings * Float.MIN_VALUE;
  }

  /** Whether distances run on the Vector API (the JVM has {@code jdk.incubator.vector}). */
  static boolean vectorized() {
    return !(KERNEL instanceof ScalarKernel);
  }

  /** The kernel this JVM uses. */
  static Kernel kernel() {
    return KERNEL;
  }

  /** The computed squared distance ŝ, finite; its bounds are {@link #upper} and {@link #lower}. */
  double squared(float[] x, int xOffset, float[] c, int cOffset, int d) {
    float s = kernel.squared(x, xOffset, c, cOffset, d);
    return s <= Float.MAX_VALUE ? s : kernel.reference(x, xOffset, c, cOffset, d);
  }

  /**
   * {@code min fl(a[aOffset + g] − b[g])} over {@code g < count}: each difference rounded to
   * nearest, so the result is at most half a float step above the exact minimum (one
   * {@link Math#nextDown} makes it a lower bound).
   */
  float minDifference(float[] a, int aOffset, float[] b, int count) {
    return kernel.minDifference(a, aOffset, b, count);
  }

  /**
   * One row of {@code ‖c‖² − 2 x·c} in float from float products {@code p = x·c}, with the
   * nearest centre (least index among equal values) and the two least values: see
   * {@link Kernel#nearestTwo}. The caller bounds the error of the values.
   */
  static int nearestTwo(float[] products, int offset, float[] squares, int k, float[] f, float[] two) {
    return KERNEL.nearestTwo(products, offset, squares, k, f, two);
  }

  /**
   * Lower bounds on the distances from one point to all k centres, in float: {@code √(f + base)}
   * for the row f of {@link #nearestTwo}, shrunk by {@link #SHRINK} to cover the square root's
   * and the product's rounding. The caller passes {@code base ≤ ‖x‖² − e}, with {@code e}
   * covering the error of f and of the addition, so the radicand is below the exact squared
   * distance.
   */
  static void lowerBounds(float[] f, float base, float[] out, int outOffset, int k) {
    KERNEL.lowerBounds(f, base, out, outOffset, k);
  }

  /** The least of {@code a[offset..offset + k)}. */
  float rowMin(float[] a, int offset, int k) {
    return kernel.rowMin(a, offset, k);
  }

  /**
   * Elkan's scan of one point's bounds: see {@link Kernel#candidates}. With {@code threshold} at
   * least {@code T (1 + 2⁻²³)} rounded up, a centre left out has an exact moved bound above T:
   * each float difference is within half a step (2⁻²⁴ of itself) of the exact one.
   */
  int candidates(float[] lower, int o, float[] moved, float[] half, int ho, float threshold, int k, int own, int limit,
      int[] out) {
    return kernel.candidates(lower, o, moved, half, ho, threshold, k, own, limit, out);
  }

  /**
   * Moves one point's k bounds by the centres' shifts: each becomes {@code fl(lower − moved)}
   * times {@link #BELOW}, which for a normal positive float lands at least one step lower (so below
   * the exact difference, which the rounding was within half a step of), and 0 below
   * {@link Float#MIN_NORMAL}.
   */
  void moveBounds(float[] lower, int o, float[] moved, int k) {
    kernel.moveBounds(lower, o, moved, k);
  }

  /** Takes a normal positive float at least one step down when multiplied (2⁻²³ ≥ one step relative). */
  static final float BELOW = 1 - 0x1p-23f;

  /** An upper bound on the exact distance (not squared) for a computed ŝ. */
  double upper(double computed) {
    return Math.sqrt((computed + tau) * (1 + gamma)) * (1 + SquaredDistance.MARGIN) + Double.MIN_NORMAL;
  }

  /** A lower bound on the exact distance (not squared) for a computed ŝ. */
  double lower(double computed) {
    return Math.sqrt(Math.max(0, (computed - tau) * (1 - gamma))) * (1 - SquaredDistance.MARGIN);
  }

  private static Kernel loadKernel() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
      try {
        return (Kernel) Class.forName("org.interestlab.cluster.VectorKernel").getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        // A JVM whose vector module cannot be linked: the scalar loop gives the same labels.
      }
    }
    return new ScalarKernel();
  }

  /** Eight running sums in float: what the JIT makes of it without the Vector API. */
  static final class ScalarKernel implements Kernel {
    @Override
    public int lanes() {
      return 4;
    }

    @Override
    public double reference(float[] x, int xOffset, float[] c, int cOffset, int d) {
      return SquaredDistance.betweenScalar(x, xOffset, c, cOffset, d);
    }

    @Override
    public void dots(float[] x, int xo, float[] q, int m, int d, float[] out) {
      for (int r = 0; r < m; r++) {
        float s0 = 0;
        float s1 = 0;
        int t = 0;
        for (; t + 1 < d; t += 2) {
          s0 += x[xo + t] * q[r * d + t];
          s1 += x[xo + t + 1] * q[r * d + t + 1];
        }
        if (t < d) s0 += x[xo + t] * q[r * d + t];
        out[r] = s0 + s1;
      }
    }

    @Override
    public int productWidth(int k) {
      return k;
    }

    @Override
    public void products(float[] x, int[] ids, int from, int count, int d, float[] columnsT, int width, float[] out) {
      for (int r = 0; r < count; r++) {
        int o = (ids == null ? from + r : ids[from + r]) * d;
        for (int j = 0; j < width; j++) {
          float s = 0;
          for (int t = 0; t < d; t++) s = Math.fma(x[o + t], columnsT[t * width + j], s);
          out[r * width + j] = s;
        }
      }
    }

    @Override
    public float squared(float[] x, int xo, float[] c, int co, int d) {
      float s0 = 0;
      float s1 = 0;
      float s2 = 0;
      float s3 = 0;
      int t = 0;
      for (; t + 3 < d; t += 4) {
        float a = x[xo + t] - c[co + t];
        float b = x[xo + t + 1] - c[co + t + 1];
        float e = x[xo + t + 2] - c[co + t + 2];
        float f = x[xo + t + 3] - c[co + t + 3];
        s0 += a * a;
        s1 += b * b;
        s2 += e * e;
        s3 += f * f;
      }
      for (; t < d; t++) {
        float a = x[xo + t] - c[co + t];
        s0 += a * a;
      }
      return (s0 + s1) + (s2 + s3);
    }

    @Override
    public int nearestTwo(float[] products, int offset, float[] squares, int k, float[] f, float[] two) {
      float min = Float.POSITIVE_INFINITY;
      float second = Float.POSITIVE_INFINITY;
      int arg = 0;
      for (int q = 0; q < k; q++) {
        float v = squares[q] - 2 * products[offset + q];
        f[q] = v;
        boolean below = v < min;
        float displaced = below ? min : v;
        arg = below ? q : arg;
        min = below ? v : min;
        second = displaced < second ? displaced : second;
      }
      two[0] = min;
      two[1] = second;
      return arg;
    }

    @Override
    public void lowerBounds(float[] f, float base, float[] out, int outOffset, int k) {
      lowerBounds(f, base, out, outOffset, 0, k);
    }

    /** {@link #lowerBounds} for q in [from, to): also the vector kernel's tail. */
    static void lowerBounds(float[] f, float base, float[] out, int outOffset, int from, int to) {
      for (int q = from; q < to; q++) out[outOffset + q] = (float) Math.sqrt(Math.max(0f, f[q] + base)) * SHRINK;
    }

    @Override
    public float rowMin(float[] a, int offset, int k) {
      float least = Float.POSITIVE_INFINITY;
      for (int q = 0; q < k; q++) least = a[offset + q] < least ? a[offset + q] : least;
      return least;
    }

    @Override
    public int candidates(float[] lower, int o, float[] moved, float[] half, int ho, float threshold, int k, int own,
        int limit, int[] out) {
      return candidates(lower, o, moved, half, ho, threshold, 0, k, own, limit, out, 0);
    }

    /**
     * {@link #candidates} for j in [from, to), appending to {@code out} after {@code count} found
     * before: also the vector kernel's tail.
     */
    static int candidates(float[] lower, int o, float[] moved, float[] half, int ho, float threshold, int from, int to,
        int own, int limit, int[] out, int count) {
      for (int j = from; j < to; j++) {
        if (lower[o + j] - moved[j] <= threshold && half[ho + j] <= threshold && j != own) {
          if (count == limit) return -1;
          out[count++] = j;
        }
      }
      return count;
    }

    @Override
    public void moveBounds(float[] lower, int o, float[] moved, int k) {
      moveBounds(lower, o, moved, 0, k);
    }

    /** {@link #moveBounds} for j in [from, to): also the vector kernel's tail. */
    static void moveBounds(float[] lower, int o, float[] moved, int from, int to) {
      for (int j = from; j < to; j++) {
        float v = lower[o + j] - moved[j];
        lower[o + j] = v >= Float.MIN_NORMAL ? v * BELOW : 0f;
      }
    }

    @Override
    public float minDifference(float[] a, int ao, float[] b, int count) {
      float least = Float.POSITIVE_INFINITY;
      for (int g = 0; g < count; g++) {
        float v = a[ao + g] - b[g];
        least = v < least ? v : least;
      }
      return least;
    }
  }
}
