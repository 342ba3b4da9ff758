package org.interestlab.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The pruned k-means++ seeding: the same centres as the unpruned reference for the same seed, and
 * the greedy k-means++ distribution on a case worked out by hand.
 */
class KMeansPlusPlusTest {

  @Test
  void sameCentresAsTheUnprunedSeedingOnBlobs() {
    float[] x = blobs(3000, 16, 10, 1.0f, 5);
    for (long seed = 0; seed < 3; seed++) assertSameSeeding(x, 3000, 16, 25, seed);
  }

  @Test
  void sameCentresAsTheUnprunedSeedingOnUnclusteredData() {
    Random r = new Random(11);
    float[] x = new float[2000 * 8];
    for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
    for (long seed = 0; seed < 3; seed++) assertSameSeeding(x, 2000, 8, 50, seed);
  }

  @Test
  void sameCentresWithDuplicatePointsAndMoreCentresThanDistinctPoints() {
    // 7 distinct points, each repeated: later draws find every point at distance 0 from a centre.
    int n = 70;
    int d = 3;
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) for (int t = 0; t < d; t++) x[i * d + t] = (i % 7) * (t + 1);
    for (long seed = 0; seed < 5; seed++) assertSameSeeding(x, n, d, 10, seed);
  }

  @Test
  void sameCentresOnTightBlobsFarApart() {
    // Whole centres passed over: the pruned path skips most points.
    float[] x = blobs(4000, 32, 40, 0.01f, 9);
    for (long seed = 0; seed < 2; seed++) assertSameSeeding(x, 4000, 32, 60, seed);
  }

  @Test
  void sameCentresOnBlobsFarFromTheOrigin() {
    // An offset of 1000 in every dimension: the byte copy's bounds (about 1000/254 per value) settle
    // almost nothing, so the float32 products and reference distances decide.
    float[] x = blobs(3000, 24, 12, 1.0f, 13);
    for (int i = 0; i < x.length; i++) x[i] += 1000;
    for (long seed = 0; seed < 2; seed++) assertSameSeeding(x, 3000, 24, 30, seed);
  }

  /**
   * Points 0, 1 and 3 on a line, k = 2 (2 + ⌊ln 2⌋ = 2 candidates, the one of lower potential kept,
   * the first drawn on a tie). By hand, first centre f uniform (1/3 each), then:
   * f = 0: D² = (0, 1, 9) / 10; potential with 1 is 4, with 3 is 1, so 1 only when both draws are
   * 1: P(1) = 0.01, P(3) = 0.99.
   * f = 1: D² = (1, 0, 4) / 5; potential with 0 is 4, with 3 is 1: P(0) = 0.2² = 0.04, P(3) = 0.96.
   * f = 3: D² = (9, 4, 0) / 13; potential with 0 or 1 is 1 either way, a tie: the first draw wins,
   * P(0) = 9/13, P(1) = 4/13.
   * A chi-square test over 30,000 fixed seeds (5 degrees of freedom) must stay below 20.52, the
   * 0.1% critical value.
   */
  @Test
  void secondCentreFollowsTheGreedyKMeansPlusPlusDistribution() {
    float[] x = {0f, 1f, 3f};
    double[][] expected = {
        {0, 0.01 / 3, 0.99 / 3},
        {0.04 / 3, 0, 0.96 / 3},
        {(9.0 / 13) / 3, (4.0 / 13) / 3, 0}};
    int runs = 30_000;
    int[][] counts = new int[3][3];
    for (long seed = 0; seed < runs; seed++) {
      float[] c = KMeansPlusPlus.seed(x, 3, 1, 2, new SplittableRandom(seed));
      counts[index(c[0])][index(c[1])]++;
    }
    double chiSquare = 0;
    for (int f = 0; f < 3; f++) {
      for (int s = 0; s < 3; s++) {
        double e = expected[f][s] * runs;
        if (e == 0) {
          assertEquals(0, counts[f][s], "a pair k-means++ never draws: first " + f + ", second " + s);
        } else {
          chiSquare += (counts[f][s] - e) * (counts[f][s] - e) / e;
        }
      }
    }
    assertTrue(chiSquare < 20.52, "chi-square " + chiSquare + " over the 6 possible pairs");
  }

  private static int index(float v) {
    return v == 0f ? 0 : v == 1f ? 1 : 2;
  }

  private static void assertSameSeeding(float[] x, int n, int d, int k, long seed) {
    float[] expected = KMeansPlusPlusReference.seed(x, n, d, k, new SplittableRandom(seed));
    float[] actual = KMeansPlusPlus.seed(x, n, d, k, new SplittableRandom(seed));
    assertArrayEquals(expected, actual, "seed " + seed);
  }

  /** n points around {@code groups} centres spread over [−10, 10]^d, with the given spread. */
  static float[] blobs(int n, int d, int groups, float spread, long seed) {
    Random r = new Random(seed);
    float[] centres = new float[groups * d];
    for (int i = 0; i < centres.length; i++) centres[i] = 20 * r.nextFloat() - 10;
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) {
      int g = r.nextInt(groups);
      for (int t = 0; t < d; t++) x[i * d + t] = centres[g * d + t] + spread * (float) r.nextGaussian();
    }
    return x;
  }
}
