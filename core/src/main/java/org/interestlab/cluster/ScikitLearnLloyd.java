package org.interestlab.cluster;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.interestlab.compute.Embeddings;

/**
 * Lloyd's iterations in scikit-learn 1.2's float32 arithmetic ({@code KMeans(algorithm="lloyd").fit} on float32
 * data), so that a researcher gets its labels bit for bit from the same initial centres: {@code kmeans} with
 * {@code arithmetic: scikit-learn}. The default ({@code exact}) labels each point by its exact nearest centre
 * instead; both agree except at near ties, which on data with blobs split between centres grow over the
 * iterations (README "k-means", labels).
 *
 * <p>What is reproduced, each step measured against scikit-learn 1.2.1 on Debian with OpenBLAS 0.3.21
 * ({@code jmh/compare/kmeans_label_trace.py}):
 * <ol>
 *   <li>Centring: the float32 column means (rows summed in order, as numpy's {@code mean(axis=0)}) are
 *       subtracted from the points and the initial centres; they are added back to the reported centres.</li>
 *   <li>Distances: per centre {@code ||c||²} as numpy's {@code einsum} sums it (4 lanes, multiply then add, four
 *       vectors per step taken last to first, lanes added pairwise), then {@code −2 x·c} as OpenBLAS's sgemm adds
 *       it: the dimensions in blocks ({@link #kBlocks}: at most 320, a remainder under 640 split in halves rounded up
 *       to 4), each block a fused multiply-add chain in dimension order, added to the distance
 *       after the block. Each label is the first centre of least such distance.</li>
 *   <li>Centres: per thread of the static OpenMP schedule over 256-point chunks, float32 sums in point order;
 *       the thread sums added in thread order; multiplied by {@code float32(1 / count)}.</li>
 *   <li>Loop: stop when no label changes (the labels of that last pass are kept) or when the total squared
 *       centre shift is at most the tolerance; otherwise a last labelling against the final centres.</li>
 * </ol>
 * With more than two threads scikit-learn adds the thread sums in the order the threads finish, which is not
 * reproducible; its empty-cluster relocation is followed with float64 distances (ties to the lower index).
 * The sgemm order holds where a 256-point chunk is more than 10⁶ multiply-adds
 * (256 · k · d; also the last, shorter chunk): below, OpenBLAS takes a small-matrix kernel whose order is not
 * reproduced. It was verified for d = 300, 384, 400, 768 and 1000 (not d = 500, where OpenBLAS splits otherwise);
 * the einsum order for d a multiple of 16. Other BLAS builds or CPUs (OpenBLAS
 * picks its kernels by CPU) round differently; the measurement scripts show how to check.
 *
 * <p>Cost: {@code n·k·d} fused multiply-adds per iteration on all cores (no bounds, no matrix-product engine;
 * about 0.5–1 s per iteration for 200,000 × 384, k = 100), a centred float32 copy of the points, and
 * {@code threads × k × d} floats of partial sums.
 */
final class ScikitLearnLloyd {
  /** scikit-learn's CHUNK_SIZE: rows per chunk of its OpenMP loop. */
  static final int CHUNK = 256;
  /** OpenBLAS's GEMM_Q for sgemm on this build's kernels: the largest block of the shared dimension. */
  private static final int GEMM_Q = 320;
  /** OpenBLAS rounds a halved remainder up to this multiple. */
  private static final int GEMM_UNROLL = 4;
  /** Points per parallel task of the labelling (independent per point, so any split gives the same bits). */
  private static final int POINTS_PER_TASK = 1024;

  private ScikitLearnLloyd() {}

  /**
   * Runs the iterations from {@code init} (k × d, not changed).
   *
   * @param threads scikit-learn's OpenMP thread count whose centre sums are reproduced (≥ 1)
   * @param tolerance absolute tolerance on the total squared centre shift (0: stop when the centres stop moving)
   */
  static Clustering run(float[] data, int n, int d, int k, float[] init, int maxIter, double tolerance, int threads) {
    float[] mean = columnMeans(data, n, d);
    float[] x = centred(data, n, d, mean);
    float[] centres = centred(init, k, d, mean);
    int[] labels = new int[n];
    int[] previous = new int[n];
    Arrays.fill(previous, -1);
    boolean strict = false;
    int iter = 0;
    while (iter < maxIter) {
      iter++;
      assign(x, n, d, centres, k, labels);
      float[] next = means(x, n, d, k, labels, centres, threads);
      double shift = squaredShift(centres, next);
      centres = next;
      if (Arrays.equals(labels, previous)) {
        strict = true;
        break;
      }
      if (shift <= tolerance) break;
      System.arraycopy(labels, 0, previous, 0, n);
    }
    if (!strict) assign(x, n, d, centres, k, labels);
    float[] out = new float[k * d];
    for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) out[c * d + j] = centres[c * d + j] + mean[j];
    return new Clustering(labels, new Embeddings(k, d, out), CentroidUpdate.inertia(data, n, d, labels, out), iter);
  }

  /** numpy's float32 {@code mean(axis=0)}: each column summed over the rows in order, divided by n in float32. */
  static float[] columnMeans(float[] data, int n, int d) {
    float[] sum = new float[d];
    for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) sum[j] += data[i * d + j];
    for (int j = 0; j < d; j++) sum[j] /= (float) n;
    return sum;
  }

  private static float[] centred(float[] rows, int n, int d, float[] mean) {
    float[] out = new float[n * d];
    for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) out[i * d + j] = rows[i * d + j] - mean[j];
    return out;
  }

  /**
   * numpy's {@code einsum("ij,ij->i")} in float32 (scikit-learn's {@code row_norms}): four lanes, groups of four
   * vectors added last to first, a remaining vector at a time, then (lane 0 + lane 1) + (lane 2 + lane 3).
   */
  static float squaredNorm(float[] v, int off, int d) {
    float[] acc = new float[4];
    int g = 0;
    for (; g + 16 <= d; g += 16) {
      for (int u = 3; u >= 0; u--) {
        for (int lane = 0; lane < 4; lane++) {
          float a = v[off + g + 4 * u + lane];
          acc[lane] = a * a + acc[lane];
        }
      }
    }
    for (; g < d; g += 4) {
      for (int lane = 0; lane < 4 && g + lane < d; lane++) {
        float a = v[off + g + lane];
        acc[lane] = a * a + acc[lane];
      }
    }
    return (acc[0] + acc[1]) + (acc[2] + acc[3]);
  }

  /** The blocks of the shared dimension d that OpenBLAS's level-3 driver multiplies one after another. */
  static int[] kBlocks(int d) {
    int[] blocks = new int[d / GEMM_Q + 2];
    int count = 0;
    for (int done = 0; done < d; ) {
      int size = d - done;
      if (size >= 2 * GEMM_Q) size = GEMM_Q;
      else if (size > GEMM_Q) size = (size / 2 + GEMM_UNROLL - 1) / GEMM_UNROLL * GEMM_UNROLL;
      blocks[count++] = size;
      done += size;
    }
    return Arrays.copyOf(blocks, count);
  }

  /** Labels by scikit-learn's float32 distances ({@code ||c||² − 2 x·c}); ties to the lower centre. */
  static void assign(float[] x, int n, int d, float[] centres, int k, int[] labels) {
    float[] norms = new float[k];
    for (int c = 0; c < k; c++) norms[c] = squaredNorm(centres, c * d, d);
    // Centres by dimension, so the multiply-adds of one point run over k independent sums side by side.
    float[] byDim = new float[d * k];
    for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) byDim[j * k + c] = centres[c * d + j];
    int[] blocks = kBlocks(d);
    int tasks = (n + POINTS_PER_TASK - 1) / POINTS_PER_TASK;
    IntStream.range(0, tasks).parallel().forEach(t -> {
      float[] dist = new float[k];
      float[] acc = new float[k];
      for (int i = t * POINTS_PER_TASK, end = Math.min(n, i + POINTS_PER_TASK); i < end; i++) {
        System.arraycopy(norms, 0, dist, 0, k);
        int lo = 0;
        for (int size : blocks) {
          Arrays.fill(acc, 0f);
          for (int j = lo; j < lo + size; j++) {
            float xj = x[i * d + j];
            int base = j * k;
            for (int c = 0; c < k; c++) acc[c] = Math.fma(xj, byDim[base + c], acc[c]);
          }
          // −2·acc is exact, so this one rounding is OpenBLAS's fused C = alpha·acc + C.
          for (int c = 0; c < k; c++) dist[c] += -2f * acc[c];
          lo += size;
        }
        int best = 0;
        for (int c = 1; c < k; c++) if (dist[c] < dist[best]) best = c;
        labels[i] = best;
      }
    });
  }

  /** The points [from, to) each thread of the static schedule over 256-point chunks sums (libgomp's split). */
  static int[][] threadRanges(int n, int threads) {
    int chunks = (n + CHUNK - 1) / CHUNK;
    int used = Math.max(1, Math.min(threads, chunks));
    int q = chunks / used;
    int r = chunks % used;
    int[][] out = new int[used][];
    int start = 0;
    for (int t = 0; t < used; t++) {
      int size = q + (t < r ? 1 : 0);
      out[t] = new int[] {Math.min(n, start * CHUNK), Math.min(n, (start + size) * CHUNK)};
      start += size;
    }
    return out;
  }

  /**
   * New centres: float32 sums per thread in point order, added in thread order, times float32(1 / count);
   * empty clusters take the points farthest from their old centres first.
   */
  static float[] means(float[] x, int n, int d, int k, int[] labels, float[] old, int threads) {
    int[][] ranges = threadRanges(n, threads);
    float[][] partial = new float[ranges.length][];
    IntStream.range(0, ranges.length).parallel().forEach(t -> {
      float[] p = new float[k * d];
      for (int i = ranges[t][0]; i < ranges[t][1]; i++) {
        int base = labels[i] * d;
        for (int j = 0; j < d; j++) p[base + j] += x[i * d + j];
      }
      partial[t] = p;
    });
    float[] sums = new float[k * d];
    for (float[] p : partial) for (int v = 0; v < sums.length; v++) sums[v] += p[v];
    int[] counts = new int[k];
    for (int i = 0; i < n; i++) counts[labels[i]]++;
    relocateEmpty(x, n, d, k, labels, old, sums, counts);
    for (int c = 0; c < k; c++) {
      if (counts[c] == 0) continue;
      float alpha = (float) (1.0 / counts[c]);
      for (int j = 0; j < d; j++) sums[c * d + j] *= alpha;
    }
    return sums;
  }

  /** scikit-learn's relocation: the farthest points (from their old centres) start the empty clusters; labels stay. */
  private static void relocateEmpty(float[] x, int n, int d, int k, int[] labels, float[] old, float[] sums, int[] counts) {
    int empty = 0;
    for (int c : counts) if (c == 0) empty++;
    if (empty == 0) return;
    double[] dist = new double[n];
    for (int i = 0; i < n; i++) dist[i] = SquaredDistance.between(x, i * d, old, labels[i] * d, d);
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (a, b) -> dist[a] != dist[b] ? Double.compare(dist[b], dist[a]) : Integer.compare(a, b));
    int next = 0;
    for (int c = 0; c < k; c++) {
      if (counts[c] != 0) continue;
      int p = order[next++];
      int from = labels[p];
      for (int j = 0; j < d; j++) {
        sums[from * d + j] -= x[p * d + j];
        sums[c * d + j] = x[p * d + j];
      }
      counts[from]--;
      counts[c] = 1;
    }
  }

  /** Σ over centres of the squared Euclidean shift, in double. */
  private static double squaredShift(float[] before, float[] after) {
    double total = 0;
    for (int v = 0; v < before.length; v++) {
      double diff = (double) after[v] - before[v];
      total += diff * diff;
    }
    return total;
  }
}
