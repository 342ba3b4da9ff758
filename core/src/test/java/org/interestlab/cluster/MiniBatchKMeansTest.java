package org.interestlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.interestlab.params.ParameterException;
import org.interestlab.compute.Embeddings;
import org.interestlab.eval.ExternalClusterMetrics;
import org.interestlab.testing.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * Mini-batch k-means differs from scikit-learn's in its sampling and reassignment details, so it is
 * checked by properties that any correct mini-batch k-means has.
 */
class MiniBatchKMeansTest {

  /** 8 groups of 600 points (σ = 1) around centres at least ~10σ apart in 16 dimensions. */
  static Embeddings blobs(int[] truth) {
    SplittableRandom rng = new SplittableRandom(21);
    int k = 8;
    int d = 16;
    float[][] centres = new float[k][d];
    for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) centres[c][j] = (float) rng.nextDouble(-20, 20);
    int n = truth.length;
    float[] data = new float[n * d];
    for (int i = 0; i < n; i++) {
      int c = rng.nextInt(k);
      truth[i] = c;
      for (int j = 0; j < d; j++) data[i * d + j] = centres[c][j] + (float) gaussian(rng);
    }
    return new Embeddings(n, d, data);
  }

  static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  @Test
  void recoversSeparatedBlobsAndMatchesKMeansInertia() {
    int[] truth = new int[4800];
    Embeddings x = blobs(truth);
    Clustering mb = new MiniBatchKMeans(8, 256, 20, 3, 0.01, 10, 7L, "cpu").fit(x);
    assertThat(ExternalClusterMetrics.adjustedRand(truth, mb.labels())).isEqualTo(1.0);
    Clustering full = new KMeans(8, KMeans.Init.K_MEANS_PLUS_PLUS, 3, 300, 1e-4, 7L, "cpu").fit(x);
    assertThat(ExternalClusterMetrics.adjustedRand(truth, full.labels())).isEqualTo(1.0);
    assertThat(mb.inertia()).isBetween(full.inertia() * 0.999, full.inertia() * 1.02);
    // The reported inertia is the within-cluster sum of squares of the final labels and centres.
    assertThat(mb.inertia()).isCloseTo(ClusterStats.inertia(x, mb.labels(), mb.centroids()), org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void overlappingDataStaysCloseToKMeans() {
    Embeddings x = TestFiles.matrix("/cluster/kmeans_overlap_points.csv");
    double full = new KMeans(8, KMeans.Init.K_MEANS_PLUS_PLUS, 5, 300, 1e-4, 3L, "cpu").fit(x).inertia();
    // Like Lloyd's algorithm, mini-batch k-means can settle in a worse local optimum for some seeds
    // (scikit-learn's MiniBatchKMeans does so for 1 of 5 seeds here, KMeans with one init for 1 of 8):
    // most seeds must come within 2%.
    int close = 0;
    for (long seed = 0; seed < 8; seed++) {
      double mb = new MiniBatchKMeans(8, 64, 50, 3, 0.01, 10, seed, "cpu").fit(x).inertia();
      assertThat(mb).isGreaterThanOrEqualTo(full * 0.999);
      if (mb <= full * 1.02) close++;
    }
    assertThat(close).isGreaterThanOrEqualTo(5);
  }

  @Test
  void stepsAreBoundedByEpochsAndEarlyStoppingShortensThem() {
    int[] truth = new int[4800];
    Embeddings x = blobs(truth);
    // 4800 / 256 → 19 steps per epoch; 2 epochs without early stopping run exactly 38.
    assertThat(new MiniBatchKMeans(8, 256, 2, 1, 0.01, 0, 1L, "cpu").fit(x).iterations()).isEqualTo(38);
    assertThat(new MiniBatchKMeans(8, 256, 50, 1, 0.01, 10, 1L, "cpu").fit(x).iterations()).isLessThan(50 * 19);
  }

  /**
   * Points far from the origin (coordinates near 300, spread 0.1) make the float32 products
   * ‖x‖² − 2 x·c + ‖c‖² err by far more than the distances between centres; on the engine (8192 ×
   * 8 × 128 multiply-adds per final pass) the labels must still be the nearest centres by double
   * distance, computed here in plain loops.
   */
  @Test
  void labelsAreTheNearestCentresInDoubleWhateverTheEngineRounds() {
    SplittableRandom rng = new SplittableRandom(5);
    int n = 8192;
    int d = 128;
    float[] data = new float[n * d];
    for (int i = 0; i < data.length; i++) data[i] = (float) (300 + 0.1 * gaussian(rng));
    Clustering c = new MiniBatchKMeans(8, 1024, 2, 1, 0.01, 0, 3L, "cpu").fit(new Embeddings(n, d, data));
    float[] centres = c.centroids().data();
    int wrong = 0;
    for (int i = 0; i < n; i++) {
      int best = 0;
      double bestDist = Double.POSITIVE_INFINITY;
      for (int j = 0; j < 8; j++) {
        double s = 0;
        for (int t = 0; t < d; t++) {
          double diff = (double) data[i * d + t] - centres[j * d + t];
          s += diff * diff;
        }
        if (s < bestDist) {
          bestDist = s;
          best = j;
        }
      }
      if (c.labels()[i] != best) wrong++;
    }
    assertThat(wrong).as("points not labelled with their nearest centre").isZero();
  }

  @Test
  void badParametersAreRejected() {
    assertThatThrownBy(() -> new MiniBatchKMeans(0, 10, 1, 1, 0.01, 10, 0L, "cpu")).isInstanceOf(ParameterException.class)
        .hasMessage("k: 0 is out of range — allowed: an integer ≥ 1 and ≤ 1000000");
    assertThatThrownBy(() -> new MiniBatchKMeans(2, 0, 1, 1, 0.01, 10, 0L, "cpu"))
        .hasMessage("batch_size: 0 is out of range — allowed: an integer ≥ 1 and ≤ 10000000");
    assertThatThrownBy(() -> new MiniBatchKMeans(2, 10, 1, 1, 2, 10, 0L, "cpu"))
        .hasMessage("reassignment_ratio: 2.0 is out of range — allowed: a number ≥ 0 and ≤ 1");
  }
}
