package org.interestlab.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte copy's distance bounds hold the reference distance, and are tight where the copy is exact. */
class ByteRowsTest {

  @Test
  void boundsHoldTheReferenceDistance() {
    Random r = new Random(3);
    int d = 37; // not a multiple of any vector width: the kernels' tails run too
    int n = 400;
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) {
      // Rows of very different scales and offsets, one all zero, one with a single large value.
      double scale = Math.pow(10, r.nextInt(9) - 4);
      double offset = i % 3 == 0 ? 50 * scale : 0;
      for (int t = 0; t < d; t++) x[i * d + t] = i == 7 ? 0 : (float) (offset + scale * r.nextGaussian());
    }
    x[11 * d + 5] = 1e6f;
    ByteRows rows = ByteRows.of(x, n, d);
    double gamma = BlockedProducts.gamma(d);
    int m = 4;
    float[] q = new float[m * d];
    float[] out = new float[2 * m];
    for (int i = 0; i + 1 < n; i += 2) {
      int[] picks = {r.nextInt(n), r.nextInt(n), i, r.nextInt(n)};
      for (int c = 0; c < m; c++) System.arraycopy(x, picks[c] * d, q, c * d, d);
      for (ByteRows.Kernel kernel : new ByteRows.Kernel[] {rows.kernel(), new ByteRows.ScalarKernel()}) {
        kernel.dotsPair(rows.codes(), i * d, (i + 1) * d, q, m, d, out);
        for (int p = 0; p < 2; p++) {
          for (int c = 0; c < m; c++) {
            int point = i + p;
            int qRow = picks[c];
            double reference = SquaredDistance.between(x, point * d, x, qRow * d, d);
            double qSquare = rows.rowSquares()[qRow];
            double qNorm = rows.rowNorms()[qRow];
            double low = rows.lowerSquared(point, out[p * m + c], qNorm, qSquare, gamma);
            double high = rows.upperSquared(point, out[p * m + c], qNorm, qSquare, gamma);
            assertTrue(low <= reference && reference <= high, "point " + point + " row " + qRow + ": " + low + " " + reference + " " + high);
          }
        }
      }
    }
  }

  @Test
  void theVectorAndPlainEncodingsAgree() {
    Random r = new Random(5);
    for (int d : new int[] {37, 384, 1500}) {
      float[] x = new float[d];
      for (int t = 0; t < d; t++) x[t] = (float) (3 + 2 * r.nextGaussian());
      float max = 0;
      for (float v : x) max = Math.max(max, Math.abs(v));
      float scale = SquaredDistance.floatUp(max / 127.0);
      byte[] plainCodes = new byte[d];
      byte[] codes = new byte[d];
      double[] plain = new double[3];
      double[] sums = new double[3];
      new ByteRows.ScalarKernel().encode(x, 0, d, scale, plainCodes, plain);
      ByteRows.of(x, 1, d).kernel().encode(x, 0, d, scale, codes, sums);
      assertArrayEquals(plainCodes, codes, "d " + d);
      // Independently: Σ x², Σ b² and Σ (x − s b)² in double.
      double square = 0;
      double codeSquares = 0;
      double rest = 0;
      for (int t = 0; t < d; t++) {
        assertTrue(Math.abs(codes[t]) <= 127 && Math.abs(x[t] / scale - codes[t]) <= 0.5 + 1e-4, "d " + d + " t " + t);
        square += (double) x[t] * x[t];
        codeSquares += codes[t] * codes[t];
        double e = x[t] - (double) scale * codes[t];
        rest += e * e;
      }
      for (double[] s : new double[][] {plain, sums}) {
        assertEquals(square, s[0], square * 1e-12);
        assertEquals(codeSquares, s[1]);
        assertEquals(rest, s[2], rest * 1e-6);
      }
    }
  }

  @Test
  void rowsOfWholeMultiplesOfTheScaleAreExactAndTheBoundsTight() {
    // Rows whose values are k/2 with |k| <= 254 and largest |value| 63.5: scale 0.5 exactly, codes k,
    // no residual. Distance between (63.5, 0, 1) and (0, 2, -3): 63.5^2 + 4 + 16 = 4052.25.
    float[] x = {63.5f, 0f, 1f, -63.5f, 2f, -3f};
    ByteRows rows = ByteRows.of(x, 2, 3);
    assertEquals((byte) 127, rows.codes()[0]);
    assertEquals((byte) 2, rows.codes()[2]);
    float[] q = {0f, 2f, -3f};
    float[] out = new float[2];
    rows.kernel().dotsPair(rows.codes(), 0, 3, q, 1, 3, out);
    assertEquals(-6f, out[0]); // 127·0 + 0·2 + 2·(−3)
    double gamma = BlockedProducts.gamma(3);
    double qSquare = 13;
    double qNorm = Math.sqrt(13);
    assertEquals(4052.25, rows.lowerSquared(0, out[0], qNorm, qSquare, gamma), 4052.25 * 1e-5);
    assertEquals(4052.25, rows.upperSquared(0, out[0], qNorm, qSquare, gamma), 4052.25 * 1e-5);
  }
}
