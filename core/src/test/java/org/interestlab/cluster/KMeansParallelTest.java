package org.interestlab.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.interestlab.compute.Device;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;

/** k-means|| seeding: candidates and weights worked out by hand, the sampling probabilities, determinism. */
class KMeansParallelTest {

  /**
   * Points 0, 0, 0, 10, 10 on a line, k = 2, one round with ℓ = 200, so every point at a positive
   * distance is kept (probability min(1, 200 D² / φ) = 1). By hand:
   * first centre a 0 (points 0–2): candidates [first, 3, 4], weights [3, 2, 0] (point 4 ties
   * between 3 and itself, the earlier candidate wins);
   * first centre point 3: φ = 300, candidates [3, 0, 1, 2], weights [2, 3, 0, 0];
   * first centre point 4: candidates [4, 0, 1, 2], weights [2, 3, 0, 0].
   * The reduction to k = 2 can then only pick one centre at 0 and one at 10.
   */
  @Test
  void candidatesAndWeightsAsWorkedOutByHand() {
    float[] x = {0, 0, 0, 10, 10};
    boolean[] firstSeen = new boolean[5];
    for (long seed = 0; seed < 40; seed++) {
      KMeansParallel.Candidates c = KMeansParallel.candidates(x, 5, 1, 2, 1, 100, new SplittableRandom(seed), Device.cpu());
      int first = c.points()[0];
      firstSeen[first] = true;
      if (first <= 2) {
        assertArrayEquals(new int[] {first, 3, 4}, c.points());
        assertArrayEquals(new double[] {3, 2, 0}, c.weights());
      } else {
        assertArrayEquals(new int[] {first, 0, 1, 2}, c.points());
        assertArrayEquals(new double[] {2, 3, 0, 0}, c.weights());
      }
      float[] centres = KMeansParallel.seed(x, 5, 1, 2, 1, 100, new SplittableRandom(seed), Device.cpu());
      Arrays.sort(centres);
      assertArrayEquals(new float[] {0, 10}, centres);
    }
    for (boolean seen : firstSeen) assertTrue(seen, "the first candidate is drawn uniformly: every point within 40 seeds");
  }

  /**
   * Points 0, 1, 3, k = 1, ℓ = 1, one round: after first centre f each other point is kept with
   * probability D²/φ, independently. By hand: f = 0: D² = (0, 1, 9), P(1) = 0.1, P(3) = 0.9;
   * f = 1: D² = (1, 0, 4), P(0) = 0.2, P(3) = 0.8; f = 3: D² = (9, 4, 0), P(0) = 9/13, P(1) = 4/13.
   * Over 30,000 fixed seeds the six kept-counts' chi-square (6 degrees of freedom) must stay below
   * 22.46, the 0.1% critical value, and the first centre's three counts' (2 degrees) below 13.82.
   */
  @Test
  void keepsEachPointWithProbabilityOversamplingTimesItsShareOfThePotential() {
    float[] x = {0f, 1f, 3f};
    double[][] expected = {{0, 0.1, 0.9}, {0.2, 0, 0.8}, {9.0 / 13, 4.0 / 13, 0}};
    int runs = 30_000;
    int[] firsts = new int[3];
    int[][] kept = new int[3][3];
    for (long seed = 0; seed < runs; seed++) {
      KMeansParallel.Candidates c = KMeansParallel.candidates(x, 3, 1, 1, 1, 1, new SplittableRandom(seed), Device.cpu());
      assertEquals(3, Arrays.stream(c.weights()).sum(), 0, "weights sum to n");
      int f = c.points()[0];
      firsts[f]++;
      for (int r = 1; r < c.points().length; r++) kept[f][c.points()[r]]++;
    }
    double firstChi = 0;
    for (int f = 0; f < 3; f++) firstChi += Math.pow(firsts[f] - runs / 3.0, 2) / (runs / 3.0);
    assertTrue(firstChi < 13.82, "first centre uniform, chi-square " + firstChi);
    double chi = 0;
    for (int f = 0; f < 3; f++) {
      for (int j = 0; j < 3; j++) {
        double p = expected[f][j];
        if (p == 0) {
          assertEquals(0, kept[f][j]);
          continue;
        }
        double mean = firsts[f] * p;
        chi += Math.pow(kept[f][j] - mean, 2) / (mean * (1 - p));
      }
    }
    assertTrue(chi < 22.46, "kept counts against min(1, ℓ D²/φ), chi-square " + chi + ", counts " + Arrays.deepToString(kept));
  }

  /**
   * On blobs large enough for the engine's products: each weight is the number of points whose
   * nearest candidate (exact double distances computed here, ties to the earlier candidate) it is,
   * the weights sum to n, and the same seed gives the same centres.
   */
  @Test
  void weightsCountTheNearestPointsAndTheSeedingIsDeterministic() {
    int n = 4000;
    int d = 32;
    int k = 20;
    float[] x = blobs(n, d, 8, 11);
    KMeansParallel.Candidates c = KMeansParallel.candidates(x, n, d, k, 3, 2, new SplittableRandom(3), Device.cpu());
    int m = c.points().length;
    assertTrue(m >= k && m < 1 + 3 * 2 * k * 2, "about 1 + rounds · ℓ candidates: " + m);
    double[] counted = new double[m];
    for (int i = 0; i < n; i++) {
      int best = 0;
      double bestDist = Double.POSITIVE_INFINITY;
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int t = 0; t < d; t++) {
          double e = (double) x[i * d + t] - x[c.points()[j] * d + t];
          s += e * e;
        }
        if (s < bestDist) {
          bestDist = s;
          best = j;
        }
      }
      counted[best]++;
    }
    assertArrayEquals(counted, c.weights());
    assertEquals(n, Arrays.stream(c.weights()).sum(), 0);
    float[] a = KMeansParallel.seed(x, n, d, k, 3, 2, new SplittableRandom(5), Device.cpu());
    float[] b = KMeansParallel.seed(x, n, d, k, 3, 2, new SplittableRandom(5), Device.cpu());
    assertArrayEquals(a, b);
    assertEquals(k * d, a.length);
  }

  @Test
  void tooFewCandidatesAreFilledUpToK() {
    // ℓ = 0.01 · 10: almost nothing is kept in one round; uniform draws fill up to k distinct points.
    float[] x = blobs(500, 4, 3, 2);
    KMeansParallel.Candidates c = KMeansParallel.candidates(x, 500, 4, 10, 1, 0.01, new SplittableRandom(1), Device.cpu());
    assertTrue(c.points().length >= 10);
    assertEquals(c.points().length, Arrays.stream(c.points()).distinct().count());
    assertEquals(500, Arrays.stream(c.weights()).sum(), 0);
  }

  @Test
  void kMeansWithKMeansParallelInitFindsWellSeparatedBlobs() {
    int n = 600;
    int d = 8;
    float[] x = blobs(n, d, 3, 4);
    KMeans km = new KMeans(3, KMeans.Init.K_MEANS_PARALLEL, 1, 50, 1e-4, 9L, "cpu", KMeans.Algorithm.AUTO, DistanceMetric.EUCLIDEAN, 5, 2.0);
    int[] labels = km.fit(new Embeddings(n, d, x)).labels();
    // Blob b holds points i with i % 3 == b: each blob one label, three labels in all.
    for (int i = 3; i < n; i++) assertEquals(labels[i % 3], labels[i], "point " + i);
    assertEquals(3, Arrays.stream(labels).distinct().count());
  }

  /** n points in {@code groups} Gaussian blobs (point i in blob i mod groups), centres uniform in [0, 100 · groups) per axis, σ = 1. */
  private static float[] blobs(int n, int d, int groups, long seed) {
    Random r = new Random(seed);
    float[][] centre = new float[groups][d];
    for (int g = 0; g < groups; g++) for (int t = 0; t < d; t++) centre[g][t] = (float) (r.nextDouble() * 100 * groups);
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) for (int t = 0; t < d; t++) x[i * d + t] = centre[i % groups][t] + (float) r.nextGaussian();
    return x;
  }
}
