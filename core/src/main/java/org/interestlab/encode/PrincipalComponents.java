package org.interestlab.encode;

import org.interestlab.compute.Embeddings;

/**
 * Principal component analysis of dense vectors by the randomized SVD of the centred data ({@link
 * RandomizedSvd}, Halko, Martinsson &amp; Tropp 2011), as scikit-learn's {@code PCA(svd_solver=
 * "randomized")}. Used to draw user vectors in two dimensions.
 *
 * <p>Defaults: 10 oversampling columns, 4 power iterations (exact to double precision for the top
 * components of typical embedding matrices). Cost: O(n · d · (k + 10) · 10) time, O(n · d) memory
 * for the centred copy. Each component's sign is fixed (largest-magnitude loading positive), so the
 * same input gives the same picture.
 *
 * <pre>{@code
 * double[][] xy = PrincipalComponents.project(userVectors, 2, 42L);   // n × 2 scores
 * }</pre>
 */
public final class PrincipalComponents {
  private static final int OVERSAMPLE = 10;
  private static final int POWER_ITERATIONS = 4;

  private PrincipalComponents() {}

  /** The scores of each row on the first {@code components} principal axes ({@code rows × components}). */
  public static double[][] project(Embeddings x, int components, long seed) {
    int n = x.rows();
    int d = x.dim();
    if (n < 2) throw new IllegalArgumentException("PCA needs at least 2 rows, got " + n);
    if (components < 1 || components > Math.min(n, d)) {
      throw new IllegalArgumentException("components must be in [1, min(rows, dim) = " + Math.min(n, d) + "], got " + components);
    }
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += x.get(i, j);
    for (int j = 0; j < d; j++) mean[j] /= n;
    int[] rowPtr = new int[n + 1];
    int[] colIdx = new int[n * d];
    double[] values = new double[n * d];
    for (int i = 0; i < n; i++) {
      rowPtr[i + 1] = (i + 1) * d;
      for (int j = 0; j < d; j++) {
        colIdx[i * d + j] = j;
        values[i * d + j] = x.get(i, j) - mean[j];
      }
    }
    RandomizedSvd.Result svd = RandomizedSvd.compute(new RandomizedSvd.Csr(n, d, rowPtr, colIdx, values), components, OVERSAMPLE,
        POWER_ITERATIONS, seed);
    double[][] scores = new double[n][components];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < components; c++) {
        double s = 0;
        for (int j = 0; j < d; j++) s += values[i * d + j] * svd.components()[c * d + j];
        scores[i][c] = s;
      }
    }
    return scores;
  }
}
