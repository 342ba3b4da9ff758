package org.interestlab.cluster;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Nearest centre of each row, by blocked matrix products on the PyTorch engine:
 * ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖², at most {@link #BLOCK_VALUES} distances held at once (float32,
 * so near-ties may resolve differently from an exact computation), or for small problems directly
 * in Java ({@link #JAVA_LIMIT}). Ties go to the lower centre index.
 */
final class NearestCentre {
  /** Distances held at once (16 Mi floats = 64 MB). */
  static final long BLOCK_VALUES = 1L << 24;

  /**
   * Up to this many multiply-adds (a mini-batch step) the distances are computed in plain Java:
   * below it the engine's per-call cost dominates, and its thread pool waits badly when the cores
   * are shared (a 1024 × 16 × 64 step measured 6 ms on the engine against 0.5 ms in Java on two busy
   * cores).
   */
  static final long JAVA_LIMIT = 1L << 22;

  private NearestCentre() {}

  /** Direct squared differences, accumulated in double; ties to the lower centre index. */
  private static void assignInJava(float[] data, int rows, int d, float[] centres, int k, int[] labels, float[] sqDist) {
    for (int i = 0; i < rows; i++) {
      int best = 0;
      double bestDist = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          double diff = data[i * d + j] - centres[c * d + j];
          s += diff * diff;
        }
        if (s < bestDist) {
          bestDist = s;
          best = c;
        }
      }
      labels[i] = best;
      sqDist[i] = (float) bestDist;
    }
  }

  /**
   * Labels and squared distances for {@code rows} rows of {@code data} (row-major, {@code d}
   * wide) against {@code k} centres.
   */
  static void assign(NDManager parent, float[] data, int rows, int d, float[] centres, int k, int[] labels, float[] sqDist) {
    if ((long) rows * k * d <= JAVA_LIMIT) {
      assignInJava(data, rows, d, centres, k, labels, sqDist);
      return;
    }
    int block = (int) Math.max(1, Math.min(rows, BLOCK_VALUES / Math.max(1, k)));
    try (NDManager m = parent.newSubManager()) {
      NDArray c = m.create(centres, new Shape(k, d));
      NDArray cT = c.transpose();
      NDArray cNorms = c.square().sum(new int[] {1});
      for (int start = 0; start < rows; start += block) {
        int end = Math.min(rows, start + block);
        try (NDManager b = m.newSubManager()) {
          NDArray xb = b.create(Arrays.copyOfRange(data, start * d, end * d), new Shape(end - start, d));
          NDArray dist = xb.matMul(cT).mul(-2f).add(cNorms);
          int[] best = dist.argMin(1).toType(DataType.INT32, false).toIntArray();
          float[] mins = dist.min(new int[] {1}).add(xb.square().sum(new int[] {1})).toFloatArray();
          for (int i = 0; i < best.length; i++) {
            labels[start + i] = best[i];
            sqDist[start + i] = Math.max(0f, mins[i]);
          }
        }
      }
    }
  }
}
