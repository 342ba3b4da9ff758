package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The blocked-product silhouette sums agree with the direct differences (the path the scikit-learn
 * reference tests check) to float64 rounding, for both distances, with two and with three blocks of
 * rows (each pair's distance is computed once, in the block of its smaller row, and added to both rows).
 */
class SilhouetteProductsTest {

  @Test
  void sameScoreAsDirectDifferencesTwoBlocks() {
    check(1500, 2);
  }

  @Test
  void sameScoreAsDirectDifferencesThreeBlocks() {
    check(2500, 3);
  }

  private static void check(int m, int blocks) {
    int d = 24;
    int k = 7;
    Random r = new Random(3);
    double[][] centres = new double[k][d];
    for (double[] c : centres) for (int t = 0; t < d; t++) c[t] = 4 * r.nextGaussian();
    double[][] rows = new double[m][d];
    int[] labels = new int[m];
    for (int i = 0; i < m; i++) {
      labels[i] = r.nextInt(k);
      for (int t = 0; t < d; t++) rows[i][t] = centres[labels[i]][t] + r.nextGaussian() + 1;
    }
    int blockRows = SilhouetteProducts.BLOCK_VALUES / m;
    assertThat((m + blockRows - 1) / blockRows).as("blocks of rows").isEqualTo(blocks);
    PointChecks.Encoded enc = PointChecks.encode(labels);
    for (boolean cosine : new boolean[] {false, true}) {
      Silhouette direct = cosine ? Silhouette.cosine() : Silhouette.euclidean();
      double[] sums = SilhouetteProducts.clusterSums(cosine ? unit(rows) : rows, enc.codes(), k, cosine);
      double[][] expected = perClusterSums(cosine ? unit(rows) : rows, enc.codes(), k, cosine);
      for (int i = 0; i < m; i += 37) {
        for (int c = 0; c < k; c++) assertThat(sums[i * k + c]).isCloseTo(expected[i][c], within(1e-9 * (1 + expected[i][c])));
      }
      assertThat(direct.score(rows, labels)).isBetween(-1.0, 1.0);
    }
  }

  /** Direct sums, one distance at a time: ‖x − y‖ or 1 − cos. */
  private static double[][] perClusterSums(double[][] rows, int[] codes, int k, boolean cosine) {
    double[][] out = new double[rows.length][k];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < rows.length; j++) {
        if (i == j) continue;
        double s = 0;
        for (int t = 0; t < rows[i].length; t++) {
          s += cosine ? rows[i][t] * rows[j][t] : (rows[i][t] - rows[j][t]) * (rows[i][t] - rows[j][t]);
        }
        out[i][codes[j]] += cosine ? Math.min(2, Math.max(0, 1 - s)) : Math.sqrt(s);
      }
    }
    return out;
  }

  private static double[][] unit(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      double n = 0;
      for (double v : rows[i]) n += v * v;
      n = Math.sqrt(n);
      out[i] = rows[i].clone();
      for (int t = 0; t < out[i].length; t++) out[i][t] /= n;
    }
    return out;
  }
}
