package org.interestlab.cluster;

import java.util.stream.IntStream;

/**
 * A one-byte-per-value copy of float32 points for bounds that must read many points fast: row i is
 * stored as {@code s_i · b_i} with {@code b_i} in [−127, 127]ⁿ and the float scale
 * {@code s_i = max_t |x_it| / 127} (rounded up), a quarter of the bytes of the float rows. Each row
 * keeps {@code ‖s_i b_i‖} and an upper bound on {@code ‖x_i − s_i b_i‖}, so a distance measured on
 * the copy bounds the exact one by the triangle inequality (see {@link #lowerSquared}).
 *
 * <p>k-means++ seeding reads the points it cannot prune once per new centre; that pass is
 * memory-bound, so reading a quarter of the bytes settles most points (those whose distance to a
 * candidate is not within a few per cent of their current one) at about a quarter of the cost.
 *
 * <p>Cost: one pass over the points ({@code O(n d)}, in parallel). Memory: {@code n d} bytes and
 * three doubles and a float per point.
 *
 * <pre>{@code
 * ByteRows rows = ByteRows.of(points, n, d);
 * rows.kernel().dotsPair(rows.codes(), i * d, j * d, candidates, m, d, out);   // fl(b_i · q), fl(b_j · q)
 * }</pre>
 */
final class ByteRows {
  /** Dot products of byte rows with float rows. */
  interface Kernel {
    /**
     * {@code out[r] = fl(b_x · q_r)} and {@code out[m + r] = fl(b_y · q_r)} for the byte rows at
     * {@code xo} and {@code yo} and the m float rows of q (m × d): float32 sums of exact products,
     * within {@code γ_d ‖b‖ ‖q_r‖} of the exact ones in any order.
     */
    void dotsPair(byte[] codes, int xo, int yo, float[] q, int m, int d, float[] out);

    /**
     * Writes the codes {@code b_t = round(x_t / scale)} of the row at {@code o} (any rounding: the
     * bounds use the codes written) and returns into {@code sums}: ‖x‖² in double, Σ b_t² (exact),
     * and Σ e_t² in double of {@code e_t = fl(x_t − scale · b_t)}, one rounding each.
     * {@code |x_t / scale| ≤ 127} for every t.
     */
    void encode(float[] x, int o, int d, float scale, byte[] codes, double[] sums);
  }

  private static final Kernel KERNEL = loadKernel();

  private final byte[] codes;
  private final float[] scale;
  private final double[] codeNorm;
  private final double[] codeSquare;
  private final double[] residual;

  /** ‖x_i‖² of the float rows (summed in double, in order) and ‖x_i‖, measured in the same pass. */
  private final double[] rowSquare;
  private final double[] rowNorm;

  private ByteRows(byte[] codes, float[] scale, double[] codeNorm, double[] codeSquare, double[] residual, double[] rowSquare,
      double[] rowNorm) {
    this.rowSquare = rowSquare;
    this.rowNorm = rowNorm;
    this.codes = codes;
    this.scale = scale;
    this.codeNorm = codeNorm;
    this.codeSquare = codeSquare;
    this.residual = residual;
  }

  /** The byte copy of the n rows of {@code data} (n × d, row-major), built in parallel. */
  static ByteRows of(float[] data, int n, int d) {
    byte[] codes = new byte[n * d];
    float[] scale = new float[n];
    double[] codeNorm = new double[n];
    double[] codeSquare = new double[n];
    double[] residual = new double[n];
    double[] rowSquare = new double[n];
    double[] rowNorm = new double[n];
    IntStream.range(0, n).parallel().forEach(i -> {
      int o = i * d;
      float max = 0;
      for (int t = 0; t < d; t++) max = Math.max(max, Math.abs(data[o + t]));
      float s = SquaredDistance.floatUp(max / 127.0);
      double[] sums = new double[3];
      KERNEL.encode(data, o, d, s, codes, sums);
      rowSquare[i] = sums[0];
      rowNorm[i] = Math.sqrt(sums[0]);
      scale[i] = s;
      codeSquare[i] = (double) s * s * sums[1];
      codeNorm[i] = s * Math.sqrt(sums[1]);
      // Each e_t is within u |e_t| of the exact one: (1 + 2⁻²²) covers that on the norm.
      residual[i] = SquaredDistance.upper(sums[2]) * (1 + 0x1p-22);
    });
    return new ByteRows(codes, scale, codeNorm, codeSquare, residual, rowSquare, rowNorm);
  }

  byte[] codes() {
    return codes;
  }

  /** ‖x_i‖² of the float rows, each summed in double in dimension order (not to be modified). */
  double[] rowSquares() {
    return rowSquare;
  }

  /** ‖x_i‖ of the float rows, the square roots of {@link #rowSquares} (not to be modified). */
  double[] rowNorms() {
    return rowNorm;
  }

  Kernel kernel() {
    return KERNEL;
  }

  /** {@code ‖s b_i − q‖²} computed from {@code product = fl(b_i · q)}: within {@link #error} of the exact one (not finite on overflow). */
  double estimate(int i, float product, double qSquare) {
    return codeSquare[i] + qSquare - 2.0 * scale[i] * product;
  }

  /** The bound on {@link #estimate}'s error: {@link BlockedProducts#productError} of {@code ‖s b_i‖} and {@code ‖q‖}. */
  double error(int i, double qNorm, double gamma) {
    return BlockedProducts.productError(gamma, codeNorm[i], qNorm);
  }

  /** An upper bound on {@code ‖x_i − s b_i‖}. */
  double residual(int i) {
    return residual[i];
  }

  /**
   * A lower bound on the reference squared distance ({@link SquaredDistance#between}) of point i
   * and a float row q of norm {@code qNorm} and squared norm {@code qSquare}, from the float32
   * product {@code product = fl(b_i · q)} ({@link Kernel#dotsPair}) and {@code gamma} =
   * {@link BlockedProducts#gamma}: {@code ‖s b − q‖² = ‖s b‖² + ‖q‖² − 2 s (b·q)} within
   * {@link BlockedProducts#productError}, then {@code ‖x − q‖ ≥ ‖s b − q‖ − ‖x − s b‖}.
   */
  double lowerSquared(int i, float product, double qNorm, double qSquare, double gamma) {
    double est = estimate(i, product, qSquare);
    if (!Double.isFinite(est)) return 0;
    double low = Math.sqrt(Math.max(0, est - BlockedProducts.productError(gamma, codeNorm[i], qNorm))) - residual[i];
    return low <= 0 ? 0 : low * low * (1 - 2 * SquaredDistance.MARGIN);
  }

  /** An upper bound on the reference squared distance, as {@link #lowerSquared}; +∞ when the product overflowed. */
  double upperSquared(int i, float product, double qNorm, double qSquare, double gamma) {
    double est = estimate(i, product, qSquare);
    if (!Double.isFinite(est)) return Double.POSITIVE_INFINITY;
    double high = Math.sqrt(Math.max(0, est + BlockedProducts.productError(gamma, codeNorm[i], qNorm))) + residual[i];
    return high * high * (1 + 2 * SquaredDistance.MARGIN);
  }

  private static Kernel loadKernel() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
      try {
        return (Kernel) Class.forName("org.interestlab.cluster.VectorByteDots").getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError e) {
        // A JVM whose vector module cannot be linked: the scalar loop gives bounds just as valid.
      }
    }
    return new ScalarKernel();
  }

  /** Plain Java: two running sums per product. */
  static final class ScalarKernel implements Kernel {
    @Override
    public void dotsPair(byte[] codes, int xo, int yo, float[] q, int m, int d, float[] out) {
      for (int r = 0; r < m; r++) {
        out[r] = dot(codes, xo, q, r * d, d);
        out[m + r] = dot(codes, yo, q, r * d, d);
      }
    }

    @Override
    public void encode(float[] x, int o, int d, float scale, byte[] codes, double[] sums) {
      // |x / scale| ≤ 127, and a product with 1/scale rounded to nearest stays below 127.5.
      float inverse = scale == 0 ? 0 : 1 / scale;
      double square = 0;
      long codeSquares = 0;
      double rest = 0;
      for (int t = 0; t < d; t++) {
        float v = x[o + t];
        float w = v * inverse;
        int b = (int) (w + (w >= 0 ? 0.5f : -0.5f));
        codes[o + t] = (byte) b;
        square += (double) v * v;
        codeSquares += b * b;
        double e = Math.fma(-scale, (float) b, v);
        rest += e * e;
      }
      sums[0] = square;
      sums[1] = codeSquares;
      sums[2] = rest;
    }

    private static float dot(byte[] codes, int xo, float[] q, int qo, int d) {
      float s0 = 0;
      float s1 = 0;
      int t = 0;
      for (; t + 1 < d; t += 2) {
        s0 = Math.fma(codes[xo + t], q[qo + t], s0);
        s1 = Math.fma(codes[xo + t + 1], q[qo + t + 1], s1);
      }
      if (t < d) s0 = Math.fma(codes[xo + t], q[qo + t], s0);
      return s0 + s1;
    }
  }
}
