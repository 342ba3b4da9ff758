package org.interestlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.interestlab.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The accelerated assignment paths (Yinyang, Hamerly) must give exactly what plain Lloyd gives:
 * the same labels, centres (bit for bit), inertia and iteration count, on data chosen to stress
 * the bounds (overlapping groups, duplicates, k close to n, clusters that empty out).
 */
class KMeansAccelerationTest {

  /** Gaussian groups in d dimensions, offset from the origin; {@code spread} = noise / centre scale. */
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

  private static void assertSameForAllAlgorithms(KMeans base, Embeddings x, Embeddings init) {
    Clustering lloyd = base.withAlgorithm(KMeans.Algorithm.LLOYD).fitFrom(x, init);
    for (KMeans.Algorithm a : List.of(KMeans.Algorithm.HAMERLY, KMeans.Algorithm.ELKAN, KMeans.Algorithm.YINYANG)) {
      Clustering fast = base.withAlgorithm(a).fitFrom(x, init);
      assertThat(fast.labels()).as(a + " labels").containsExactly(lloyd.labels());
      assertThat(fast.centroids().data()).as(a + " centroids").containsExactly(lloyd.centroids().data());
      assertThat(fast.iterations()).as(a + " iterations").isEqualTo(lloyd.iterations());
      assertThat(fast).isEqualTo(lloyd);
    }
  }

  private static Embeddings firstRows(Embeddings x, int k) {
    int[] idx = new int[k];
    for (int i = 0; i < k; i++) idx[i] = i;
    return x.select(idx);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void overlappingGroupsSameAsLloyd(long seed) {
    // 40 groups but k = 25: centres keep moving for many iterations, bounds are tested hard.
    // Seeds 1, 2 are large enough for the engine's float32 products (with their error filter),
    // seeds 3, 4 small enough for the all-Java distances: both must equal plain Lloyd.
    int n = seed <= 2 ? 8000 : 3000;
    assertThat((double) n * 25 * 24 >= LloydIterations.ENGINE_MIN_WORK).isEqualTo(seed <= 2);
    Embeddings x = groups(seed, n, 24, 40, 0.8);
    KMeans km = new KMeans(25, KMeans.Init.RANDOM, 1, 100, 0.0, seed, "cpu");
    assertSameForAllAlgorithms(km, x, firstRows(x, 25));
  }

  @Test
  void seededFitSameAsLloydWithRestartsAndTolerance() {
    Embeddings x = groups(9, 2000, 16, 12, 1.0);
    KMeans km = new KMeans(30, KMeans.Init.K_MEANS_PLUS_PLUS, 2, 50, 1e-4, 5L, "cpu");
    Clustering lloyd = km.withAlgorithm(KMeans.Algorithm.LLOYD).fit(x);
    assertThat(km.withAlgorithm(KMeans.Algorithm.YINYANG).fit(x)).isEqualTo(lloyd);
    assertThat(km.withAlgorithm(KMeans.Algorithm.HAMERLY).fit(x)).isEqualTo(lloyd);
    assertThat(km.withAlgorithm(KMeans.Algorithm.ELKAN).fit(x)).isEqualTo(lloyd);
  }

  @Test
  void duplicatePointsAndDuplicateCentresSameAsLloyd() {
    // Each of 60 distinct points appears 5 times; the initial centres include exact duplicates,
    // so distance ties (to the lower index) and clusters emptied at once must be handled alike.
    Embeddings base = groups(11, 60, 8, 6, 0.5);
    int[] idx = new int[300];
    for (int i = 0; i < 300; i++) idx[i] = (i * 7) % 60;
    Embeddings x = base.select(idx);
    Embeddings init = x.select(new int[] {0, 0, 1, 1, 2, 3, 3, 4, 5, 6});
    KMeans km = new KMeans(10, KMeans.Init.RANDOM, 1, 100, 0.0, 0L, "cpu");
    assertSameForAllAlgorithms(km, x, init);
    Clustering c = km.fitFrom(x, init);
    // Duplicated points always share a label.
    int[] l = c.labels();
    for (int i = 60; i < 300; i++) assertThat(l[i]).isEqualTo(l[i % 60]); // row i is point (7i mod 60), as is row i mod 60
  }

  @Test
  void kCloseToNSameAsLloyd() {
    Embeddings x = groups(12, 40, 5, 4, 0.3);
    KMeans km = new KMeans(37, KMeans.Init.RANDOM, 1, 100, 0.0, 0L, "cpu");
    assertSameForAllAlgorithms(km, x, firstRows(x, 37));
    assertSameForAllAlgorithms(new KMeans(40, KMeans.Init.RANDOM, 1, 100, 0.0, 0L, "cpu"), x, firstRows(x, 40));
  }

  @Test
  void emptyClustersAreRefilledAlike() {
    // Three initial centres far from all data: their clusters are empty after the first assignment
    // and take the farthest points; the others start on data points.
    Embeddings x = groups(13, 500, 6, 5, 0.6);
    float[] init = new float[8 * 6];
    System.arraycopy(x.data(), 0, init, 0, 5 * 6);
    for (int j = 5; j < 8; j++) for (int t = 0; t < 6; t++) init[j * 6 + t] = 100 + j;
    Embeddings start = new Embeddings(8, 6, init);
    KMeans km = new KMeans(8, KMeans.Init.RANDOM, 1, 100, 0.0, 0L, "cpu");
    assertSameForAllAlgorithms(km, x, start);
    assertThat(Arrays.stream(km.fitFrom(x, start).sizes()).min().getAsInt()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(KMeans.Algorithm.class)
  void oneCluster(KMeans.Algorithm a) {
    Embeddings x = groups(14, 50, 3, 2, 1.0);
    Clustering c = new KMeans(1, KMeans.Init.RANDOM, 1, 10, 0.0, 0L, "cpu", a, DistanceMetric.EUCLIDEAN).fit(x);
    assertThat(c.sizes()).containsExactly(50);
    // The centre of one cluster is the mean of all points.
    for (int t = 0; t < 3; t++) {
      double mean = 0;
      for (int i = 0; i < 50; i++) mean += x.get(i, t);
      assertThat((double) c.centroids().get(0, t)).isCloseTo(mean / 50, within(1e-5));
    }
  }

  /** Expected labels, centres and iterations from an independent numpy implementation (make_spherical_expected.py). */
  @ParameterizedTest
  @EnumSource(KMeans.Algorithm.class)
  void cosineIsSphericalKMeans(KMeans.Algorithm a) {
    Embeddings x = TestFiles.matrix("/cluster/spherical_points.csv");
    Embeddings init = TestFiles.matrix("/cluster/spherical_init.csv");
    List<String> lines = TestFiles.lines("/cluster/spherical_expected.csv");
    int[] expected = TestFiles.ints("/cluster/spherical_expected.csv");
    Matcher m = Pattern.compile("inertia=([0-9.eE+-]+) n_iter=(\\d+)").matcher(lines.get(0));
    assertThat(m.find()).isTrue();

    Clustering c = new KMeans(4, KMeans.Init.RANDOM, 1, 300, 0.0, 0L, "cpu", a, DistanceMetric.COSINE).fitFrom(x, init);

    assertThat(c.labels()).containsExactly(expected);
    assertThat(c.iterations()).isEqualTo(Integer.parseInt(m.group(2)));
    assertThat(c.inertia()).isCloseTo(Double.parseDouble(m.group(1)), within(1e-4));
    List<String> centres = lines.subList(lines.indexOf("# centroids") + 1, lines.size());
    for (int j = 0; j < 4; j++) {
      String[] v = centres.get(j).substring(2).split(",");
      for (int t = 0; t < v.length; t++) assertThat((double) c.centroids().get(j, t)).isCloseTo(Double.parseDouble(v[t]), within(1e-6));
    }
  }

  @Test
  void cosineGroupsByDirectionNotLength() {
    // By hand: two directions, lengths 1 and 10 each; starts (1, .1) and (7, 7).
    // Euclidean: (10, .5) is 81.2 from (1, .1) and 51.25 from (7, 7), so it pairs by length:
    // labels 0 1 0 1, centres (.5, .5) and (5.25, 5.25), stable.
    // Cosine: (10, .5) has cosine .999 with (1, .1) and .742 with (7, 7); (0, 1) .0995 and .707:
    // labels 0 0 1 1 (by direction), stable.
    Embeddings x = Embeddings.of(new float[][] {{1, 0}, {10, 0.5f}, {0, 1}, {0.5f, 10}});
    Embeddings init = Embeddings.of(new float[][] {{1, 0.1f}, {7, 7}});
    KMeans km = new KMeans(2, KMeans.Init.RANDOM, 1, 50, 0.0, 0L, "cpu");
    assertThat(km.fitFrom(x, init).labels()).containsExactly(0, 1, 0, 1);
    Clustering cos = km.withMetric(DistanceMetric.COSINE).fitFrom(x, init);
    assertThat(cos.labels()).containsExactly(0, 0, 1, 1);
    // Centres are unit vectors.
    for (int j = 0; j < 2; j++) {
      float[] r = cos.centroids().row(j);
      assertThat(Math.hypot(r[0], r[1])).isCloseTo(1.0, within(1e-6));
    }
  }

  @Test
  void blockBoundariesDoNotMatter() {
    // More points than one block of the distance search: labels still equal the reference distance's arg-min.
    int k = 600;
    int n = CentroidSearch.BLOCK_VALUES / k + 777;
    Embeddings x = groups(15, n, 4, 50, 0.4);
    Embeddings init = firstRows(x, k);
    Clustering c = new KMeans(k, KMeans.Init.RANDOM, 1, 1, 0.0, 0L, "cpu", KMeans.Algorithm.LLOYD, DistanceMetric.EUCLIDEAN)
        .fitFrom(x, init);
    // After one iteration the labels are the nearest final centres by the double-precision distance.
    float[] cd = c.centroids().data();
    SplittableRandom pick = new SplittableRandom(3);
    for (int s = 0; s < 300; s++) {
      int i = pick.nextInt(n);
      int best = 0;
      double bestD = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        double dd = SquaredDistance.between(x.data(), i * 4, cd, j * 4, 4);
        if (dd < bestD) {
          bestD = dd;
          best = j;
        }
      }
      assertThat(c.label(i)).as("point " + i).isEqualTo(best);
    }
    assertThat(Arrays.stream(c.sizes()).sum()).isEqualTo(n);
  }

  @Test
  void highDimensionsSameAsLloyd() {
    // Many dimensions and k: most open points are decided by a few reference distances, the rest by
    // rows of the product; both paths must agree with Lloyd.
    Embeddings x = groups(21, 6000, 96, 80, 1.2);
    assertSameForAllAlgorithms(new KMeans(60, KMeans.Init.RANDOM, 1, 40, 0.0, 0L, "cpu"), x, firstRows(x, 60));
  }

  @Test
  void cosineSameAsLloydOnManyPoints() {
    Embeddings x = groups(16, 4000, 20, 30, 1.0);
    KMeans km = new KMeans(20, KMeans.Init.RANDOM, 1, 60, 0.0, 0L, "cpu").withMetric(DistanceMetric.COSINE);
    assertSameForAllAlgorithms(km, x, firstRows(x, 20));
  }

  @Test
  void parseNamesEveryAlgorithm() {
    assertThat(KMeans.Algorithm.parse("elkan")).isEqualTo(KMeans.Algorithm.ELKAN);
    assertThatThrownBy(() -> KMeans.Algorithm.parse("elcan"))
        .hasMessage("algorithm: 'elcan' is not allowed — allowed: one of auto, hamerly, elkan, yinyang, lloyd");
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
