package org.interestlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.interestlab.UserException;
import org.interestlab.encode.Embeddings;
import org.junit.jupiter.api.Test;

/**
 * What only Elkan's bounds ({@code elkan}) need beyond {@link KMeansAccelerationTest}, which checks
 * every accelerated algorithm against plain Lloyd (overlapping groups, duplicates, k close to n,
 * emptied clusters): many dimensions and centres, where most open points are decided from a few
 * reference distances; cosine; its memory limit.
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

  @Test
  void highDimensionsSameAsLloyd() {
    // Many dimensions and k: most open points are decided by a few reference distances, the rest by
    // rows of the product; both paths must agree with Lloyd.
    Embeddings x = groups(21, 6000, 96, 80, 1.2);
    assertElkanSameAsLloyd(new KMeans(60, KMeans.Init.RANDOM, 1, 40, 0.0, 0L, "cpu"), x, firstRows(x, 60));
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
