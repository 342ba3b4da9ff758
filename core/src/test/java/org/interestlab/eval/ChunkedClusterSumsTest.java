package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;

/**
 * Davies–Bouldin and Calinski–Harabasz on embeddings large enough for the parallel chunked sums,
 * against values worked out by hand.
 *
 * <p>K = 5 clusters of equal size with centres μ_c = c·L·e₀ (L = 8); every point is its centre plus
 * or minus e_j (j ≥ 1), in ± pairs, so each centroid is exactly μ_c and every point lies at distance
 * a = 1 from it. Davies–Bouldin: S_c = a, the nearest other centre is L away, so DB = 2a / L = 0.25.
 * Calinski–Harabasz: the mean is 2L·e₀, B = (n / K) L² Σ_c (c − 2)² = (n / K) L² · 10 = 2 n L²,
 * W = n a², so CH = (B / (K − 1)) / (W / (n − K)) = 2 L² (n − K) / (4 a²) = 32 (n − K).
 */
class ChunkedClusterSumsTest {
  private static final int K = 5;
  private static final int D = 64;
  private static final float L = 8;

  @Test
  void handWorkedValuesOverManyChunks() {
    // 26,215 pairs per cluster: n = 262,150 rows, n·d just above the parallel threshold, the last chunk partial.
    int pairs = 26_215;
    int n = 2 * K * pairs;
    Embeddings x = points(n);
    assertThat(ChunkedClusterSums.applies(x)).isTrue();
    assertThat(n % ChunkedClusterSums.CHUNK_ROWS).as("last chunk partial").isNotZero();
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) labels[i] = i % K;

    assertThat(new DaviesBouldin().score(x, labels)).isCloseTo(0.25, within(1e-12));
    assertThat(new CalinskiHarabasz().score(x, labels)).isCloseTo(32.0 * (n - K), within(1e-9 * 32.0 * n));
  }

  @Test
  void smallInputsKeepTheSequentialSums() {
    Embeddings x = points(2 * K * 100);
    assertThat(ChunkedClusterSums.applies(x)).isFalse();
    int[] labels = new int[x.rows()];
    for (int i = 0; i < labels.length; i++) labels[i] = i % K;
    assertThat(new DaviesBouldin().score(x, labels)).isCloseTo(0.25, within(1e-12));
    assertThat(new CalinskiHarabasz().score(x, labels)).isCloseTo(32.0 * (x.rows() - K), within(1e-9 * 32.0 * x.rows()));
  }

  /** Row i: cluster i mod K, pair (i / K) / 2, sign + for even (i / K), − for odd, direction e_(1 + pair mod (D − 1)). */
  private static Embeddings points(int n) {
    float[] data = new float[n * D];
    for (int i = 0; i < n; i++) {
      int c = i % K;
      int inCluster = i / K;
      int pair = inCluster / 2;
      data[i * D] = c * L;
      data[i * D + 1 + pair % (D - 1)] += inCluster % 2 == 0 ? 1 : -1;
    }
    return new Embeddings(n, D, data);
  }
}
