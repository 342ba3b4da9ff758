package org.interestlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.interestlab.UserException;
import org.interestlab.encode.Embeddings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Elkan's bounds ({@code elkan}) must give exactly what plain Lloyd gives — labels, centres bit for bit, inertia, iterations — on the data sets of
 * {@link KMeansAccelerationTest}: overlapping groups, duplicates, k close to n, emptied clusters.
 */
class KMeansElkanTest {

  /** Gaussian groups in d dimensions, offset from the origin (as in {@link KMeansAccelerationTest}). */
  private static Embeddings groups(long seed, int n, int d, int groups, double spread) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] centres = new float[groups][d];
    for (float[] c : centres) for (int t = 0; t < d; t++) c[t] = (float) rng.nextGaussian();
    float[][] pts = new float[n][d];
    for (int i = 0; i < n; i++) {
      float[] c = centres[rng.nextInt(groups)];
      for (int t = 0; t < d; t++) pts[i][t] = (float) (3 + c[t] + spread * rng.nextGaussian());
    }
    return Embeddings.of(pts);
  }

  private static Embeddings firstRows(Embeddings x, int k) {
    int[] idx = new int[k];
    for (int i = 0; i < k; i++) idx[i] = i;
    return x.select(idx);
  }

  private static void assertElkanSameAsLloyd(KMeans base, Embeddings x, Embeddings init) {
    Clustering lloyd = base.withAlgorithm(KMeans.Algorithm.LLOYD).fitFrom(x, init);
    Clustering elkan = base.withAlgorithm(KMeans.Algorithm.ELKAN).fitFrom(x, init);
    assertThat(elkan.labels()).as("labels").containsExactly(lloyd.labels());
    assertThat(elkan.centroids().data()).as("centroids").containsExactly(lloyd.centroids().data());
    assertThat(elkan.iterations()).as("iterations").isEqualTo(lloyd.iterations());
    assertThat(elkan).isEqualTo(lloyd);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void overlappingGroupsSameAsLloyd(long seed) {
    // Seeds 1, 2 use the engine's float32 products for the open points, seeds 3, 4 the all-Java distances.
    int n = seed <= 2 ? 8000 : 3000;
    assertThat((double) n * 25 * 24 >= LloydIterations.ENGINE_MIN_WORK).isEqualTo(seed <= 2);
    Embeddings x = groups(seed, n, 24, 40, 0.8);
    assertElkanSameAsLloyd(new KMeans(25, KMeans.Init.RANDOM, 1, 100, 0.0, seed, "cpu"), x, firstRows(x, 25));
  }

  @Test
  void highDimensionsSameAsLloyd() {
    // Many dimensions and k: most open points are decided by a few reference distances, the rest by
    // rows of the product; both paths must agree with Lloyd.
    Embeddings x = groups(21, 6000, 96, 80, 1.2);
    assertElkanSameAsLloyd(new KMeans(60, KMeans.Init.RANDOM, 1, 40, 0.0, 0L, "cpu"), x, firstRows(x, 60));
  }

  @Test
  void seededFitSameAsLloydWithRestartsAndTolerance() {
    Embeddings x = groups(9, 2000, 16, 12, 1.0);
    KMeans km = new KMeans(30, KMeans.Init.K_MEANS_PLUS_PLUS, 2, 50, 1e-4, 5L, "cpu");
    Clustering lloyd = km.withAlgorithm(KMeans.Algorithm.LLOYD).fit(x);
    assertThat(km.withAlgorithm(KMeans.Algorithm.ELKAN).fit(x)).isEqualTo(lloyd);
  }

  @Test
  void duplicatePointsAndDuplicateCentresSameAsLloyd() {
    Embeddings base = groups(11, 60, 8, 6, 0.5);
    int[] idx = new int[300];
    for (int i = 0; i < 300; i++) idx[i] = (i * 7) % 60;
    Embeddings x = base.select(idx);
    Embeddings init = x.select(new int[] {0, 0, 1, 1, 2, 3, 3, 4, 5, 6});
    assertElkanSameAsLloyd(new KMeans(10, KMeans.Init.RANDOM, 1, 100, 0.0, 0L, "cpu"), x, init);
  }

  @Test
  void kCloseToNSameAsLloyd() {
    Embeddings x = groups(12, 40, 5, 4, 0.3);
    assertElkanSameAsLloyd(new KMeans(37, KMeans.Init.RANDOM, 1, 100, 0.0, 0L, "cpu"), x, firstRows(x, 37));
    assertElkanSameAsLloyd(new KMeans(40, KMeans.Init.RANDOM, 1, 100, 0.0, 0L, "cpu"), x, firstRows(x, 40));
  }

  @Test
  void emptyClustersAreRefilledAlike() {
    Embeddings x = groups(13, 500, 6, 5, 0.6);
    float[] init = new float[8 * 6];
    System.arraycopy(x.data(), 0, init, 0, 5 * 6);
    for (int j = 5; j < 8; j++) for (int t = 0; t < 6; t++) init[j * 6 + t] = 100 + j;
    assertElkanSameAsLloyd(new KMeans(8, KMeans.Init.RANDOM, 1, 100, 0.0, 0L, "cpu"), x, new Embeddings(8, 6, init));
  }

  @Test
  void cosineSameAsLloyd() {
    Embeddings x = groups(16, 4000, 20, 30, 1.0);
    KMeans km = new KMeans(20, KMeans.Init.RANDOM, 1, 60, 0.0, 0L, "cpu").withMetric(DistanceMetric.COSINE);
    assertElkanSameAsLloyd(km, x, firstRows(x, 20));
  }

  @Test
  void parseNamesEveryAlgorithm() {
    assertThat(KMeans.Algorithm.parse("elkan")).isEqualTo(KMeans.Algorithm.ELKAN);
    assertThatThrownBy(() -> KMeans.Algorithm.parse("elcan"))
        .hasMessage("algorithm 'elcan' — allowed: hamerly, elkan, yinyang, lloyd");
  }

  @Test
  void elkanRefusesMoreBoundsThanItsLimit() {
    // k = 2^14 and n = 2^14 + 1 one-dimensional points: n·k = 2^28 + 2^14, just above the limit;
    // refused before anything is allocated.
    int k = 1 << 14;
    int n = k + 1;
    Embeddings x = new Embeddings(n, 1, new float[n]);
    KMeans km = new KMeans(k, KMeans.Init.RANDOM, 1, 3, 0.0, 0L, "cpu").withAlgorithm(KMeans.Algorithm.ELKAN);
    assertThatThrownBy(() -> km.fit(x)).isInstanceOf(UserException.class)
        .hasMessage("kmeans: algorithm elkan keeps n·k = 268451840 bounds, more than 268435456 (1 GB) — use algorithm hamerly or yinyang");
  }
}
