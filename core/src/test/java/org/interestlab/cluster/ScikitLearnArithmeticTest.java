package org.interestlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;

/**
 * {@code arithmetic: scikit-learn} ({@link ScikitLearnLloyd}) against scikit-learn 1.2.1, numpy 1.24 and OpenBLAS
 * 0.3.21 (Debian): every expected value was printed by {@code cluster/make_sklearn_arithmetic_expected.py} (its output
 * is {@code cluster/sklearn_arithmetic_expected.txt}).
 */
class ScikitLearnArithmeticTest {
  private static final int D = 64;
  private static final int K = 64;
  private static final int N = 768;

  /** The script's data: x[i, j] = ((37 i + 11 j + (i j) mod 13) mod 97 + 1) / 98 in float32, 64 columns. */
  private static float[] data(int n) {
    float[] x = new float[n * D];
    for (int i = 0; i < n; i++) for (int j = 0; j < D; j++) x[i * D + j] = ((i * 37 + j * 11 + (i * j) % 13) % 97 + 1) / 98f;
    return x;
  }

  /** Rows 0..31, then the same rows with their first coordinate one float32 step up: many near ties. */
  private static float[] nearTieCentres(float[] x) {
    float[] c = new float[K * D];
    System.arraycopy(x, 0, c, 0, 32 * D);
    System.arraycopy(x, 0, c, 32 * D, 32 * D);
    for (int r = 32; r < K; r++) c[r * D] = Math.nextUp(c[r * D]);
    return c;
  }

  private static String digits(int[] labels) {
    return java.util.Arrays.stream(labels).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(","));
  }

  @Test
  void centreSumsAreFloat32PerThreadOfTheStaticSchedule() {
    // 300 points (2^24, 0.1) then (1, 0.1), one cluster. By hand: float32 rounds 2^24 + 1 back to 2^24, so one
    // thread's sum of the first column stays 2^24; on two threads, points 256..299 are summed apart (44) and
    // 2^24 + 44 is exact. Either is then multiplied by float32(1/300); the float64 mean would be 55925.05.
    float[] x = new float[600];
    for (int i = 0; i < 300; i++) {
      x[2 * i] = i == 0 ? 16777216f : 1f;
      x[2 * i + 1] = 0.1f;
    }
    float[] old = {16777216f, 0.1f};
    float alpha = (float) (1.0 / 300);
    float[] one = ScikitLearnLloyd.means(x, 300, 2, 1, new int[300], old, 1);
    float[] two = ScikitLearnLloyd.means(x, 300, 2, 1, new int[300], old, 2);
    assertThat(one[0]).isEqualTo(16777216f * alpha).isEqualTo(0x1.b4e81cp+15f);
    assertThat(two[0]).isEqualTo(16777260f * alpha).isEqualTo(0x1.b4e868p+15f);
    // 0.1f added 300 times in float32 (scikit-learn's values; the two orders round apart).
    assertThat(one[1]).isEqualTo(0x1.9999ep-4f);
    assertThat(two[1]).isEqualTo(0x1.9999dp-4f);
  }

  @Test
  void rowNormsFollowNumpysEinsumOrder() {
    float[] x = data(3);
    assertThat(ScikitLearnLloyd.squaredNorm(x, 0, D)).isEqualTo(0x1.466bbp+4f);
    assertThat(ScikitLearnLloyd.squaredNorm(x, D, D)).isEqualTo(0x1.53a22cp+4f);
    assertThat(ScikitLearnLloyd.squaredNorm(x, 2 * D, D)).isEqualTo(0x1.608954p+4f);
  }

  @Test
  void sharedDimensionBlocksAsOpenBlasMultipliesThem() {
    assertThat(ScikitLearnLloyd.kBlocks(64)).containsExactly(64);
    assertThat(ScikitLearnLloyd.kBlocks(300)).containsExactly(300);
    assertThat(ScikitLearnLloyd.kBlocks(384)).containsExactly(192, 192);
    assertThat(ScikitLearnLloyd.kBlocks(768)).containsExactly(320, 224, 224);
    assertThat(ScikitLearnLloyd.kBlocks(1000)).containsExactly(320, 320, 180, 180);
  }

  @Test
  void nearTieLabelsAreScikitLearnsFloat32Ones() {
    float[] x = data(N);
    int[] labels = new int[N];
    ScikitLearnLloyd.assign(x, N, D, nearTieCentres(x), K, labels);
    // scikit-learn's labels; 428 of them are not the exact nearest centre.
    assertThat(digits(labels)).isEqualTo(expected("near-tie labels"));
  }

  /** From rows 0..63 (no cluster empties: scikit-learn's relocation order is not reproduced), 10 iterations, tol 0. */
  @Test
  void fitGivesScikitLearnsLabelsOnOneAndTwoThreads() {
    Embeddings points = new Embeddings(N, D, data(N));
    Embeddings init = new Embeddings(K, D, java.util.Arrays.copyOf(data(N), K * D));
    KMeans exact = new KMeans(K, KMeans.Init.RANDOM, 1, 10, 0.0, 0L, "cpu", KMeans.Algorithm.LLOYD, DistanceMetric.EUCLIDEAN);
    for (int threads : new int[] {1, 2}) {
      Clustering c = exact.withScikitLearnArithmetic(threads).fitFrom(points, init);
      assertThat(digits(c.labels())).as("%d threads", threads).isEqualTo(expected("fit labels, " + threads + " thread"));
      assertThat(c.iterations()).isEqualTo(7);
    }
    // The default arithmetic ends with other labels from the same start, so the labels above are scikit-learn's rounding.
    assertThat(digits(exact.fitFrom(points, init).labels())).isNotEqualTo(expected("fit labels, 2 thread"));
  }

  @Test
  void cosineIsRefusedWithOneClearLine() {
    KMeans km = new KMeans(2, KMeans.Init.RANDOM, 1, 5, 0.0, 0L, "cpu", KMeans.Algorithm.LLOYD, DistanceMetric.COSINE)
        .withScikitLearnArithmetic(1);
    assertThatThrownBy(() -> km.fitFrom(new Embeddings(4, 2, new float[] {1, 0, 0, 1, 1, 1, 2, 1}), new Embeddings(2, 2, new float[] {1, 0, 0, 1})))
        .isInstanceOf(org.interestlab.UserException.class).hasMessageContaining("arithmetic scikit-learn").hasMessageContaining("cosine");
  }

  /** The script's output line starting with {@code prefix}, after its last ": ". */
  private static String expected(String prefix) {
    try (java.io.InputStream in = ScikitLearnArithmeticTest.class.getResourceAsStream("/cluster/sklearn_arithmetic_expected.txt")) {
      String line = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
      return line.substring(line.lastIndexOf(": ") + 2).trim();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
