package org.interestlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The float distances of the accelerated k-means must bound the exact distance, worked out in
 * exact decimal arithmetic, on both kernels: the Vector API one (the tests run with
 * {@code --add-modules jdk.incubator.vector}) and the scalar fallback.
 */
class BoundedDistanceTest {
  private static final MathContext EXACT = new MathContext(200);

  static List<BoundedDistance.Kernel> kernels() {
    return List.of(BoundedDistance.kernel(), new BoundedDistance.ScalarKernel());
  }

  @Test
  void testsRunTheVectorKernel() {
    // The build passes --add-modules jdk.incubator.vector to the tests, as ./lab does to the CLI.
    assertThat(BoundedDistance.vectorized()).isTrue();
  }

  /** Σ (x_t − c_t)², exactly. */
  private static BigDecimal exactSquared(float[] x, int xo, float[] c, int co, int d) {
    BigDecimal s = BigDecimal.ZERO;
    for (int t = 0; t < d; t++) {
      BigDecimal e = new BigDecimal(x[xo + t]).subtract(new BigDecimal(c[co + t]));
      s = s.add(e.multiply(e));
    }
    return s;
  }

  private static void assertBrackets(BoundedDistance dist, float[] x, float[] c, int d, double tightness) {
    double computed = dist.squared(x, 0, c, 0, d);
    double lower = dist.lower(computed);
    double upper = dist.upper(computed);
    BigDecimal exact = exactSquared(x, 0, c, 0, d);
    assertThat(new BigDecimal(lower).pow(2, EXACT)).as("lower² ≤ exact, d=%d", d).isLessThanOrEqualTo(exact);
    assertThat(new BigDecimal(upper).pow(2, EXACT)).as("upper² ≥ exact, d=%d", d).isGreaterThanOrEqualTo(exact);
    assertThat(Double.isFinite(upper)).isTrue();
    if (tightness > 0) assertThat(upper / lower).as("bounds not vacuous").isLessThan(1 + tightness);
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void boundsHoldOnRandomVectors(BoundedDistance.Kernel kernel) {
    SplittableRandom rng = new SplittableRandom(11);
    for (int d : new int[] {1, 3, 7, 16, 33, 100, 384, 1000}) {
      BoundedDistance dist = new BoundedDistance(d, kernel);
      for (int rep = 0; rep < 20; rep++) {
        float[] x = new float[d];
        float[] c = new float[d];
        for (int t = 0; t < d; t++) {
          x[t] = (float) rng.nextGaussian();
          c[t] = (float) rng.nextGaussian();
        }
        // d·2⁻²⁴ relative on the square, half that on the distance, plus the lanes' share.
        assertBrackets(dist, x, c, d, 1e-4);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void boundsHoldOnHardCases(BoundedDistance.Kernel kernel) {
    int d = 384;
    BoundedDistance dist = new BoundedDistance(d, kernel);
    SplittableRandom rng = new SplittableRandom(5);
    float[] x = new float[d];
    float[] c = new float[d];
    // Far from the origin, tiny differences: the differences are exact, the sum must still bound.
    for (int t = 0; t < d; t++) {
      x[t] = 1e4f + (float) rng.nextGaussian() * 1e-3f;
      c[t] = 1e4f;
    }
    assertBrackets(dist, x, c, d, 1e-4);
    // Identical vectors: distance 0, bounds [0, tiny].
    assertBrackets(dist, c, c, d, 0);
    // Subnormal differences.
    for (int t = 0; t < d; t++) {
      x[t] = Float.MIN_NORMAL * (t % 5);
      c[t] = 0;
    }
    assertBrackets(dist, x, c, d, 0);
    // Squares overflow float: the reference distance is used, and it is bounded too.
    for (int t = 0; t < d; t++) {
      x[t] = 1e20f * (float) rng.nextGaussian();
      c[t] = -1e20f;
    }
    assertThat(kernel.squared(x, 0, c, 0, d)).isInfinite();
    assertBrackets(dist, x, c, d, 1e-4);
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void nearestTwoAndMinDifferenceMatchPlainLoops(BoundedDistance.Kernel kernel) {
    SplittableRandom rng = new SplittableRandom(3);
    for (int k : new int[] {3, 5, 16, 17, 100, 257}) {
      float[] products = new float[k + 3];
      float[] squares = new float[k];
      for (int q = 0; q < k; q++) {
        products[q + 3] = (float) rng.nextGaussian();
        squares[q] = (float) (2 + rng.nextDouble());
      }
      // A tie for the nearest: the least index must win.
      squares[k - 1] = squares[k / 2];
      products[3 + k - 1] = products[3 + k / 2] = 5f;
      float[] f = new float[k];
      float[] two = new float[2];
      int arg = kernel.nearestTwo(products, 3, squares, k, f, two);
      float min = Float.POSITIVE_INFINITY;
      int expected = -1;
      for (int q = 0; q < k; q++) {
        float v = squares[q] - 2 * products[3 + q];
        assertThat(f[q]).isEqualTo(v);
        if (v < min) {
          min = v;
          expected = q;
        }
      }
      assertThat(arg).isEqualTo(expected).isEqualTo(k / 2);
      assertThat(two[0]).isEqualTo(min);
      assertThat(two[1]).as("the tied value is also the second least").isEqualTo(min);

      float[] moved = new float[k];
      for (int q = 0; q < k; q++) moved[q] = (float) rng.nextDouble();
      float least = Float.POSITIVE_INFINITY;
      for (int q = 0; q < k; q++) least = Math.min(least, products[3 + q] - moved[q]);
      assertThat(kernel.minDifference(products, 3, moved, k)).isEqualTo(least);
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void lowerBoundsStayBelowTheRadicandsRoot(BoundedDistance.Kernel kernel) {
    SplittableRandom rng = new SplittableRandom(8);
    int k = 100;
    float[] f = new float[k];
    for (int q = 0; q < k; q++) f[q] = (float) (rng.nextGaussian() * 50);
    float base = 40.123f;
    float[] out = new float[k + 2];
    kernel.lowerBounds(f, base, out, 2, k);
    for (int q = 0; q < k; q++) {
      // The float sum itself is the caller's to cover; the root of what was summed must bound.
      float radicand = f[q] + base;
      BigDecimal exactRoot2 = new BigDecimal(Math.max(0f, radicand));
      assertThat(new BigDecimal(out[2 + q]).pow(2, EXACT)).isLessThanOrEqualTo(exactRoot2);
      if (radicand > 1) assertThat((double) out[2 + q]).isGreaterThan(Math.sqrt(radicand) * (1 - 1e-5));
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void referenceIsTheScalarSumBitForBit(BoundedDistance.Kernel kernel) {
    SplittableRandom rng = new SplittableRandom(21);
    for (int d : new int[] {1, 3, 4, 5, 8, 31, 384, 385}) {
      float[] x = new float[d + 2];
      float[] c = new float[d + 1];
      for (int rep = 0; rep < 50; rep++) {
        for (int t = 0; t < x.length; t++) x[t] = (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(-3, 4)));
        for (int t = 0; t < c.length; t++) c[t] = (float) rng.nextGaussian();
        assertThat(kernel.reference(x, 2, c, 1, d)).isEqualTo(SquaredDistance.betweenScalar(x, 2, c, 1, d));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void candidatesAreTheCentresThatPassBothTests(BoundedDistance.Kernel kernel) {
    SplittableRandom rng = new SplittableRandom(4);
    for (int k : new int[] {3, 16, 17, 100}) {
      float[] lower = new float[k + 5];
      float[] moved = new float[k];
      float[] half = new float[k + 2];
      for (int rep = 0; rep < 30; rep++) {
        for (int j = 0; j < k; j++) {
          lower[5 + j] = (float) (rng.nextDouble() * 4);
          moved[j] = (float) (rng.nextDouble() * 0.5);
          half[2 + j] = (float) (rng.nextDouble() * 3);
        }
        float threshold = 1.5f;
        int own = rng.nextInt(k);
        java.util.List<Integer> expected = new java.util.ArrayList<>();
        for (int j = 0; j < k; j++) {
          if (j != own && lower[5 + j] - moved[j] <= threshold && half[2 + j] <= threshold) expected.add(j);
        }
        int[] out = new int[k];
        int count = kernel.candidates(lower, 5, moved, half, 2, threshold, k, own, k, out);
        assertThat(count).isEqualTo(expected.size());
        for (int c = 0; c < count; c++) assertThat(out[c]).isEqualTo(expected.get(c));
        if (expected.size() > 1) {
          assertThat(kernel.candidates(lower, 5, moved, half, 2, threshold, k, own, expected.size() - 1, out))
              .as("more than the limit").isEqualTo(-1);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void movedBoundsStayBelowTheExactDifference(BoundedDistance.Kernel kernel) {
    SplittableRandom rng = new SplittableRandom(9);
    int k = 100;
    float[] lower = new float[k + 1];
    float[] moved = new float[k];
    for (int j = 0; j < k; j++) {
      lower[1 + j] = (float) (rng.nextDouble() * 10);
      moved[j] = (float) (rng.nextDouble() * (j % 3 == 0 ? 12 : 0.1)); // some bounds go below zero
    }
    lower[1 + 7] = Float.POSITIVE_INFINITY; // the own centre's bound
    lower[1 + 8] = moved[8] + Float.MIN_NORMAL / 2; // a difference below the normal range
    float[] before = lower.clone();
    kernel.moveBounds(lower, 1, moved, k);
    for (int j = 0; j < k; j++) {
      if (j == 7) {
        assertThat(lower[1 + j]).isInfinite();
        continue;
      }
      BigDecimal exact = new BigDecimal(before[1 + j]).subtract(new BigDecimal(moved[j]));
      assertThat(new BigDecimal(lower[1 + j])).as("bound %d", j).isLessThanOrEqualTo(exact.max(BigDecimal.ZERO));
      assertThat(lower[1 + j]).isGreaterThanOrEqualTo(0f);
      if (exact.doubleValue() > 1e-3) assertThat((double) lower[1 + j]).isGreaterThan(exact.doubleValue() * (1 - 1e-6));
    }
    assertThat(kernel.rowMin(lower, 1, k)).isEqualTo(min(lower, 1, k));
  }

  private static float min(float[] a, int offset, int k) {
    float m = Float.POSITIVE_INFINITY;
    for (int q = 0; q < k; q++) m = Math.min(m, a[offset + q]);
    return m;
  }
  @ParameterizedTest
  @MethodSource("kernels")
  void productsAreExactOnSmallIntegers(BoundedDistance.Kernel kernel) {
    // Entries in −8..8 and d = 37: every product and partial sum is an integer below 2^24, so float
    // arithmetic is exact in any order and the expected values are plain integer sums. Row counts
    // and widths leave every tile shape a remainder (4-row tiles plus 1–3 rows; 1 to 7 vectors).
    SplittableRandom random = new SplittableRandom(11);
    int d = 37;
    int n = 23;
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) x[i] = random.nextInt(17) - 8;
    for (int k : new int[] {1, 5, 16, 40, 100}) {
      int width = kernel.productWidth(k);
      assertThat(width).isGreaterThanOrEqualTo(k);
      int[][] c = new int[k][d];
      float[] columnsT = new float[d * width];
      for (int j = 0; j < k; j++) {
        for (int t = 0; t < d; t++) {
          c[j][t] = random.nextInt(17) - 8;
          columnsT[t * width + j] = c[j][t];
        }
      }
      int[] ids = {22, 3, 3, 0, 17, 9, 1};
      for (int count : new int[] {1, 4, 7}) {
        float[] byRange = new float[count * width];
        float[] byIds = new float[count * width];
        kernel.products(x, null, 2, count, d, columnsT, width, byRange);
        kernel.products(x, ids, 0, count, d, columnsT, width, byIds);
        for (int r = 0; r < count; r++) {
          for (int j = 0; j < k; j++) {
            assertThat(byRange[r * width + j]).as("k %d row %d column %d", k, r, j).isEqualTo((float) dot(x, (2 + r) * d, c[j]));
            assertThat(byIds[r * width + j]).as("k %d id row %d column %d", k, r, j).isEqualTo((float) dot(x, ids[r] * d, c[j]));
          }
        }
      }
    }
  }

  private static long dot(float[] x, int offset, int[] c) {
    long s = 0;
    for (int t = 0; t < c.length; t++) s += (long) x[offset + t] * c[t];
    return s;
  }
}
