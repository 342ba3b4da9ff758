package org.interestlab.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.stream.IntStream;
import org.interestlab.compute.Device;
import org.interestlab.compute.Engines;

/**
 * The silhouette's per-cluster distance sums from blocked float64 matrix products on DJL's
 * PyTorch engine: {@code ‖x_i − x_j‖² = ‖x_i‖² + ‖x_j‖² − 2 x_i·x_j} (clipped at 0, as scikit-learn's
 * {@code euclidean_distances}), or {@code 1 − x̂_i·x̂_j} for unit rows (cosine). BLAS does the
 * O(m² d) part; Java adds up the O(m²) distances per cluster, row by row in point order, so the result
 * does not depend on the number of threads. Agrees with the direct differences of {@link Silhouette}
 * to float64 rounding of the products (about 1e-12 on the reference data; scikit-learn rounds the same
 * way).
 *
 * <p>Memory: the m × d points on the engine plus one block of {@link #BLOCK_VALUES} products.
 */
final class SilhouetteProducts {
  /** Products per block (2 Mi doubles = 16 MB, on the engine and in Java). */
  static final int BLOCK_VALUES = 1 << 21;

  private SilhouetteProducts() {}

  /**
   * {@code sums[i][c]} for every row i: the sum of distances from row i to the rows of cluster c
   * (row i itself excluded), returned as one row-major m × k array.
   */
  static double[] clusterSums(double[][] rows, int[] codes, int k, boolean cosine) {
    int m = rows.length;
    int d = rows[0].length;
    double[] flat = new double[m * d];
    double[] squares = new double[m];
    for (int i = 0; i < m; i++) {
      System.arraycopy(rows[i], 0, flat, i * d, d);
      double s = 0;
      for (double v : rows[i]) s += v * v;
      squares[i] = s;
    }
    double[] sums = new double[m * k];
    int blockRows = Math.max(1, Math.min(m, BLOCK_VALUES / m));
    try (NDManager manager = Engines.newManager(Device.cpu())) {
      NDArray all = manager.create(flat, new Shape(m, d));
      NDArray allT = all.transpose().duplicate();
      for (int start = 0; start < m; start += blockRows) {
        int end = Math.min(m, start + blockRows);
        double[] g;
        try (NDManager block = manager.newSubManager()) {
          NDArray rowsBlock = all.get(start + ":" + end);
          rowsBlock.attach(block);
          g = rowsBlock.matMul(allT).toDoubleArray();
        }
        int from = start;
        IntStream.range(start, end).parallel().forEach(i -> {
          int off = (i - from) * m;
          int out = i * k;
          double si = squares[i];
          for (int j = 0; j < m; j++) {
            if (j == i) continue; // distance to itself is 0 (scikit-learn zeroes the diagonal too)
            double dist = cosine ? Math.min(2, Math.max(0, 1 - g[off + j])) : Math.sqrt(Math.max(0, si + squares[j] - 2 * g[off + j]));
            sums[out + codes[j]] += dist;
          }
        });
      }
    }
    return sums;
  }
}
