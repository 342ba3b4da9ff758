package org.interestlab.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Random;
import org.interestlab.compute.Device;
import org.interestlab.compute.Engines;

/**
 * Truncated SVD of a sparse matrix by the randomized range finder of Halko, Martinsson &amp; Tropp
 * (2011, Algorithm 4.4: subspace iteration), the method scikit-learn's {@code TruncatedSVD} uses by
 * default. Only the right singular vectors and singular values are returned (LSA needs nothing else).
 *
 * <p>Work is in double precision. The products with the data matrix are sparse × dense (nnz · l each)
 * and stay in plain Java: densifying the matrix for an engine GEMM would cost more than it saves. The
 * dense n × l by l × l products of the orthonormalisation go to the PyTorch engine's GEMM once they are
 * large (≥ 2·10⁷ multiply-adds), where it is several times faster than Java loops. Orthonormalisation uses
 * the eigen-decomposition of the small l × l Gram matrix, applied twice (as CholeskyQR2), which also
 * copes with rank-deficient inputs (tiny corpora) by dropping null directions.
 *
 * <p>Complexity: O((2q + 2) · nnz · l + (2q + 2) · (n + V) · l²) time, O((n + V) · l) memory, with l = k +
 * oversampling and q power iterations.
 */
final class RandomizedSvd {
  private RandomizedSvd() {}

  /** A compressed-sparse-row matrix. */
  record Csr(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values) {}

  /** Right singular vectors as rows ({@code k × cols}, row-major) and singular values, descending. */
  record Result(int k, int cols, double[] components, double[] singularValues) {}

  static Result compute(Csr x, int k, int oversample, int powerIterations, long seed) {
    int n = x.rows();
    int v = x.cols();
    int l = Math.min(k + oversample, Math.min(n, v));
    Random rnd = new Random(seed);
    double[] omega = new double[v * l];
    for (int i = 0; i < omega.length; i++) omega[i] = rnd.nextGaussian();

    // Y = X Ω, orthonormalised; then q rounds of Z = orth(Xᵀ Q), Q = orth(X Z).
    // Inside the power iterations one orthonormalisation pass per product is enough to keep the
    // columns from collapsing onto the top singular vector; the final basis gets two (as CholeskyQR2).
    Basis q = orthonormalizeOnce(multiply(x, omega, l), n, l);
    for (int it = 0; it < powerIterations; it++) {
      Basis z = orthonormalizeOnce(multiplyTransposed(x, q.values, q.cols), v, q.cols);
      q = orthonormalizeOnce(multiply(x, z.values, z.cols), n, z.cols);
    }
    q = orthonormalizeOnce(q.values, n, q.cols);
    // Bᵀ = Xᵀ Q (V × l); B Bᵀ = Uᵦ Σ² Uᵦᵀ; right singular vectors V = Bᵀ Uᵦ Σ⁻¹.
    int m = q.cols;
    double[] bt = multiplyTransposed(x, q.values, m);
    double[][] gram = gram(bt, v, m);
    Eigen eig = jacobiEigen(gram);
    double[] comps = new double[k * v];
    double[] sv = new double[k];
    double top = m > 0 ? Math.sqrt(Math.max(eig.values[0], 0)) : 0;
    for (int c = 0; c < Math.min(k, m); c++) {
      double s = Math.sqrt(Math.max(eig.values[c], 0));
      if (s <= 1e-10 * top || s == 0) break; // beyond the rank: leave a zero component
      sv[c] = s;
      double maxAbs = 0;
      double sign = 1;
      for (int j = 0; j < v; j++) {
        double acc = 0;
        for (int r = 0; r < m; r++) acc += bt[j * m + r] * eig.vectors[r][c];
        acc /= s;
        comps[c * v + j] = acc;
        if (Math.abs(acc) > maxAbs + 1e-12) {
          maxAbs = Math.abs(acc);
          sign = Math.signum(acc);
        }
      }
      // Singular vectors are defined up to sign: fix it so the largest entry is positive.
      if (sign < 0) for (int j = 0; j < v; j++) comps[c * v + j] = -comps[c * v + j];
    }
    return new Result(k, v, comps, sv);
  }

  /** X (n × V) times dense D (V × l, row-major) → n × l row-major. */
  static double[] multiply(Csr x, double[] d, int l) {
    double[] out = new double[x.rows() * l];
    for (int i = 0; i < x.rows(); i++) {
      int o = i * l;
      for (int p = x.rowPtr()[i]; p < x.rowPtr()[i + 1]; p++) {
        double w = x.values()[p];
        int base = x.colIdx()[p] * l;
        for (int c = 0; c < l; c++) out[o + c] += w * d[base + c];
      }
    }
    return out;
  }

  /** Xᵀ (V × n) times dense D (n × l, row-major) → V × l row-major. */
  static double[] multiplyTransposed(Csr x, double[] d, int l) {
    double[] out = new double[x.cols() * l];
    for (int i = 0; i < x.rows(); i++) {
      int base = i * l;
      for (int p = x.rowPtr()[i]; p < x.rowPtr()[i + 1]; p++) {
        double w = x.values()[p];
        int o = x.colIdx()[p] * l;
        for (int c = 0; c < l; c++) out[o + c] += w * d[base + c];
      }
    }
    return out;
  }

  private record Basis(double[] values, int cols) {}

  /**
   * A basis of the column span of Y (rows × cols, row-major), null directions dropped: Y W Λ^{-1/2}
   * from the eigen-decomposition Yᵀ Y = W Λ Wᵀ. Orthonormal up to rounding amplified by Y's
   * condition number, hence applied twice where full orthonormality matters.
   */
  private static Basis orthonormalizeOnce(double[] y, int rows, int cols) {
    Eigen eig = jacobiEigen(gram(y, rows, cols));
    double top = cols > 0 ? eig.values[0] : 0;
    int keep = 0;
    while (keep < cols && eig.values[keep] > 1e-20 * top && eig.values[keep] > 0) keep++;
    // T = W Λ^{-1/2}: Y T has orthonormal columns.
    double[] t = new double[cols * keep];
    for (int r = 0; r < cols; r++) {
      for (int c = 0; c < keep; c++) t[r * keep + c] = eig.vectors[r][c] / Math.sqrt(eig.values[c]);
    }
    return new Basis(denseProduct(y, rows, cols, t, keep), keep);
  }

  /**
   * Dense products this large go to the PyTorch engine's float64 GEMM (multi-threaded, vectorised);
   * below it the engine call costs more than plain Java.
   */
  private static final long ENGINE_FLOPS = 20_000_000L;

  /** Y (rows × cols) · T (cols × keep), row-major. */
  private static double[] denseProduct(double[] y, int rows, int cols, double[] t, int keep) {
    if ((long) rows * cols * keep >= ENGINE_FLOPS) {
      try (NDManager m = Engines.newManager(Device.cpu())) {
        return m.create(y, new Shape(rows, cols)).matMul(m.create(t, new Shape(cols, keep))).toDoubleArray();
      }
    }
    double[] out = new double[rows * keep];
    for (int i = 0; i < rows; i++) {
      int yo = i * cols;
      int oo = i * keep;
      for (int r = 0; r < cols; r++) {
        double a = y[yo + r];
        if (a == 0) continue;
        int to = r * keep;
        for (int c = 0; c < keep; c++) out[oo + c] += a * t[to + c];
      }
    }
    return out;
  }

  /** Yᵀ Y for Y rows × cols row-major. */
  private static double[][] gram(double[] y, int rows, int cols) {
    if ((long) rows * cols * cols >= ENGINE_FLOPS) {
      try (NDManager m = Engines.newManager(Device.cpu())) {
        NDArray a = m.create(y, new Shape(rows, cols));
        double[] flat = a.transpose().matMul(a).toDoubleArray();
        double[][] g = new double[cols][cols];
        // Symmetrise: GEMM rounding can leave the two triangles a last bit apart.
        for (int i = 0; i < cols; i++) for (int j = 0; j < cols; j++) g[i][j] = 0.5 * (flat[i * cols + j] + flat[j * cols + i]);
        return g;
      }
    }
    double[][] g = new double[cols][cols];
    for (int i = 0; i < rows; i++) {
      int o = i * cols;
      for (int a = 0; a < cols; a++) {
        double ya = y[o + a];
        if (ya == 0) continue;
        double[] ga = g[a];
        for (int b = a; b < cols; b++) ga[b] += ya * y[o + b];
      }
    }
    for (int a = 0; a < cols; a++) for (int b = 0; b < a; b++) g[a][b] = g[b][a];
    return g;
  }

  record Eigen(double[] values, double[][] vectors) {}

  /** Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations; values descending, vectors as columns. */
  static Eigen jacobiEigen(double[][] sym) {
    int n = sym.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) a[i] = sym[i].clone();
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) w[i][i] = 1;
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      double diag = 0;
      for (int i = 0; i < n; i++) {
        diag += a[i][i] * a[i][i];
        for (int j = i + 1; j < n; j++) off += a[i][j] * a[i][j];
      }
      if (off <= 1e-30 * Math.max(diag, 1e-300)) break;
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          double apq = a[p][q];
          if (Math.abs(apq) < 1e-300) continue;
          double theta = (a[q][q] - a[p][p]) / (2 * apq);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) t = 1;
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
          }
          for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
          }
          for (int k = 0; k < n; k++) {
            double wkp = w[k][p];
            double wkq = w[k][q];
            w[k][p] = c * wkp - s * wkq;
            w[k][q] = s * wkp + c * wkq;
          }
        }
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (i, j) -> Double.compare(a[j][j], a[i][i]));
    double[] vals = new double[n];
    double[][] vecs = new double[n][n];
    for (int c = 0; c < n; c++) {
      vals[c] = a[order[c]][order[c]];
      for (int r = 0; r < n; r++) vecs[r][c] = w[r][order[c]];
    }
    return new Eigen(vals, vecs);
  }
}
