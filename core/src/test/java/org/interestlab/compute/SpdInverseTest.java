package org.interestlab.compute;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The block-elimination inverse, recursing down to small blocks so every branch runs (odd and even
 * halves, several levels): A · A⁻¹ must be the identity, checked in double precision in Java.
 */
class SpdInverseTest {
  @Test
  void timesTheMatrixGivesTheIdentityThroughSeveralLevelsOfRecursion() {
    int n = 203;   // halves 101 / 102, then 50 / 51 …, down to blocks of at most 13 rows
    double[] a = spd(n, 3);
    try (NDManager m = Engines.newManager(Device.cpu())) {
      double[] p = SpdInverse.of(m.create(a, new Shape(n, n)), 13).toDoubleArray();
      assertThat(maxIdentityError(a, p, n)).isLessThan(1e-10);
    }
  }

  @Test
  void float32IsAccurateToSinglePrecisionOnAWellConditionedMatrix() {
    int n = 150;
    double[] a = spd(n, 5);
    float[] af = new float[a.length];
    for (int i = 0; i < a.length; i++) af[i] = (float) a[i];
    try (NDManager m = Engines.newManager(Device.cpu())) {
      NDArray p = SpdInverse.of(m.create(af, new Shape(n, n)), 20);
      float[] pf = p.toFloatArray();
      double[] pd = new double[pf.length];
      for (int i = 0; i < pf.length; i++) pd[i] = pf[i];
      double[] ad = new double[af.length];
      for (int i = 0; i < af.length; i++) ad[i] = af[i];
      assertThat(maxIdentityError(ad, pd, n)).isLessThan(1e-4);
    }
  }

  /** GᵀG + n·I from a seeded random G: symmetric positive definite, condition number in the tens. */
  private static double[] spd(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] g = new double[n * n];
    for (int i = 0; i < g.length; i++) g[i] = rng.nextDouble(-1, 1);
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) s += g[k * n + i] * g[k * n + j];
        a[i * n + j] = s + (i == j ? n : 0);
      }
    }
    return a;
  }

  private static double maxIdentityError(double[] a, double[] p, int n) {
    double worst = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) s += a[i * n + k] * p[k * n + j];
        worst = Math.max(worst, Math.abs(s - (i == j ? 1 : 0)));
      }
    }
    return worst;
  }
}
