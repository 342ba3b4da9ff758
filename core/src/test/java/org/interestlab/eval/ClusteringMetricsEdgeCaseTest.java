package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;

/** Purity by hand, the bad inputs, sampling, and the pieces the scikit-learn comparison relies on. */
class ClusteringMetricsEdgeCaseTest {
  private static final double[][] FOUR = {{0, 0}, {0, 1}, {5, 5}, {5, 6}};

  private static final List<ClusteringMetric> INTERNAL =
      List.of(Silhouette.euclidean(), Silhouette.cosine(), new DaviesBouldin(), new CalinskiHarabasz());

  @Test
  void identicalPointsHaveDocumentedAnswers() {
    // Five equal points in clusters {0, 0, 1, 1, 2}: every a(i) = b(i) = 0 so s(i) = 0; every spread
    // S_k = 0 so Davies-Bouldin is 0; within-cluster dispersion W = 0 so Calinski-Harabasz is 1.
    // (scikit-learn 1.2.1 gives 0.0, 0.0, 0.0, 1.0 for np.ones((5, 3)) with these labels.)
    double[][] same = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
    int[] labels = {0, 0, 1, 1, 2};
    assertThat(InternalClusterMetrics.silhouette(same, labels)).isEqualTo(0.0);
    assertThat(InternalClusterMetrics.silhouetteCosine(same, labels)).isEqualTo(0.0);
    assertThat(InternalClusterMetrics.daviesBouldin(same, labels)).isEqualTo(0.0);
    assertThat(InternalClusterMetrics.calinskiHarabasz(same, labels)).isEqualTo(1.0);
  }

  @Test
  void emptyInputAndOnePointAreRejected() {
    for (ClusteringMetric m : INTERNAL) {
      assertThatThrownBy(() -> m.score(new double[0][], new int[0]))
          .isInstanceOf(IllegalArgumentException.class).hasMessage(m.name() + ": no points");
      assertThatThrownBy(() -> m.score(new double[][] {{1, 2}}, new int[] {0}))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("number of clusters is 1");
    }
  }

  @Test
  void embeddingsReadInPlaceScoreBitForBitAsTheirDoubleRows() {
    // Davies-Bouldin and Calinski-Harabasz read float32 embeddings row by row (no double copy):
    // the same values in the same order, so exactly the scores of the promoted double rows.
    Random r = new Random(3);
    int n = 300;
    int d = 7;
    float[] data = new float[n * d];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 4;
      for (int j = 0; j < d; j++) data[i * d + j] = (float) (r.nextGaussian() + 3 * labels[i]);
    }
    Embeddings e = new Embeddings(n, d, data);
    for (ClusteringMetric m : List.of(new DaviesBouldin(), new CalinskiHarabasz())) {
      assertThat(m.score(e, labels)).isEqualTo(m.score(e.toDoubleRows(), labels));
      float[] bad = data.clone();
      bad[5 * d + 2] = Float.NaN;
      assertThatThrownBy(() -> m.score(new Embeddings(n, d, bad), labels))
          .isInstanceOf(IllegalArgumentException.class).hasMessage(m.name() + ": point 5 has a non-finite value (NaN) in column 2");
    }
  }

  @Test
  void purityByHand() {
    // Cluster 0 holds classes {a, a, b}: majority 2. Cluster 1 holds {b, b, c, a}: majority 2.
    // Cluster 2 holds {c}: majority 1. Purity = (2 + 2 + 1) / 8 = 0.625
    int a = 0, b = 1, c = 2;
    int[] truth = {a, a, b, b, b, c, a, c};
    int[] pred = {0, 0, 0, 1, 1, 1, 1, 2};
    assertThat(ExternalClusterMetrics.purity(truth, pred)).isCloseTo(0.625, within(1e-15));
    // Renaming labels changes nothing; one cluster per point is trivially pure.
    assertThat(ExternalClusterMetrics.purity(truth, new int[] {9, 9, 9, -1, -1, -1, -1, 4})).isCloseTo(0.625, within(1e-15));
    assertThat(ExternalClusterMetrics.purity(truth, new int[] {0, 1, 2, 3, 4, 5, 6, 7})).isEqualTo(1.0);
    // All in one cluster: the largest class (a or b, 3 points each) / 8
    assertThat(ExternalClusterMetrics.purity(truth, new int[8])).isCloseTo(3.0 / 8, within(1e-15));
    assertThat(MetricSpec.parse("purity").externalClusteringMetric().score(truth, pred)).isCloseTo(0.625, within(1e-15));
  }

  @Test
  void silhouetteByHand() {
    // Two clusters of two points, 1 apart inside, far apart across.
    // Point (0,0): a = 1; b = mean(dist to (5,5), (5,6)) = (sqrt(50) + sqrt(61)) / 2
    double b0 = (Math.sqrt(50) + Math.sqrt(61)) / 2;
    // Point (0,1): a = 1; b = (sqrt(25 + 16) + sqrt(25 + 25)) / 2
    double b1 = (Math.sqrt(41) + Math.sqrt(50)) / 2;
    // By symmetry (5,5) mirrors (0,1) and (5,6) mirrors (0,0).
    double expected = ((b0 - 1) / b0 + (b1 - 1) / b1) / 2;
    assertThat(InternalClusterMetrics.silhouette(FOUR, new int[] {0, 0, 1, 1})).isCloseTo(expected, within(1e-14));
  }

  @Test
  void singletonClusterPointsScoreZero() {
    // Labels {0, 0, 1, 2}: points 2 and 3 are alone in their clusters and contribute s = 0.
    // Point (0,0): a = 1, b = min(sqrt(50), sqrt(61)) = sqrt(50); s = 1 - 1/sqrt(50)
    // Point (0,1): a = 1, b = min(sqrt(41), sqrt(50)) = sqrt(41); s = 1 - 1/sqrt(41)
    double expected = ((1 - 1 / Math.sqrt(50)) + (1 - 1 / Math.sqrt(41)) + 0 + 0) / 4;
    // 3 clusters among 4 points is allowed (2..n-1)
    assertThat(InternalClusterMetrics.silhouette(FOUR, new int[] {0, 0, 1, 2})).isCloseTo(expected, within(1e-14));
  }

  @Test
  void lengthMismatchIsRejected() {
    for (ClusteringMetric m : INTERNAL) {
      assertThatThrownBy(() -> m.score(FOUR, new int[] {0, 1, 1}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(m.name()).hasMessageContaining("4 points but 3 labels");
    }
    assertThatThrownBy(() -> ExternalClusterMetrics.adjustedRand(new int[] {0, 1}, new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ari").hasMessageContaining("2 true labels but 1 predicted");
    assertThatThrownBy(() -> ExternalClusterMetrics.adjustedMutualInfo(new int[0], new int[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no labels");
  }

  @Test
  void aSingleClusterIsRejectedWithTheMetricAndTheCount() {
    for (ClusteringMetric m : INTERNAL) {
      assertThatThrownBy(() -> m.score(FOUR, new int[] {3, 3, 3, 3}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(m.name() + ": number of clusters is 1; valid values are 2 to n_samples - 1 = 3 (inclusive)");
    }
  }

  @Test
  void oneClusterPerPointIsRejectedAsInScikitLearn() {
    assertThatThrownBy(() -> InternalClusterMetrics.daviesBouldin(FOUR, new int[] {0, 1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("number of clusters is 4");
  }

  @Test
  void nonFiniteValuesAreRejected() {
    double[][] withNaN = {{0, 0}, {0, Double.NaN}, {5, 5}, {5, 6}};
    for (ClusteringMetric m : INTERNAL) {
      assertThatThrownBy(() -> m.score(withNaN, new int[] {0, 0, 1, 1}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(m.name() + ": point 1 has a non-finite value (NaN) in column 1");
    }
    double[][] withInf = {{0, 0}, {0, 1}, {Double.POSITIVE_INFINITY, 5}, {5, 6}};
    assertThatThrownBy(() -> InternalClusterMetrics.calinskiHarabasz(withInf, new int[] {0, 0, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point 2").hasMessageContaining("Infinity");
    Embeddings emb = Embeddings.of(new float[][] {{0, 0}, {0, 1}, {5, Float.NaN}, {5, 6}});
    assertThatThrownBy(() -> InternalClusterMetrics.silhouetteCosine(emb, new int[] {0, 0, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("silhouette-cosine: point 2");
  }

  @Test
  void raggedRowsAreRejected() {
    double[][] ragged = {{0, 0}, {0, 1, 2}, {5, 5}, {5, 6}};
    assertThatThrownBy(() -> InternalClusterMetrics.silhouette(ragged, new int[] {0, 0, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point 1 has 3 values, point 0 has 2");
  }

  @Test
  void inputsAreNotMutated() {
    double[][] points = {{0, 0}, {0, 1}, {5, 5}, {5, 6}, {1, 0}};
    int[] labels = {4, 4, -1, -1, 4};
    double[][] pointsCopy = Arrays.stream(points).map(double[]::clone).toArray(double[][]::new);
    int[] labelsCopy = labels.clone();
    for (ClusteringMetric m : INTERNAL) m.score(points, labels);
    ExternalClusterMetrics.adjustedMutualInfo(labels, new int[] {0, 1, 0, 1, 0});
    assertThat(points).isDeepEqualTo(pointsCopy);
    assertThat(labels).containsExactly(labelsCopy);
  }

  @Test
  void silhouetteSampleOfAllPointsEqualsTheFullScore() {
    double[][] pts = blobs(500, 3, 8, 1);
    int[] labels = blobLabels(500, 3);
    double full = InternalClusterMetrics.silhouette(pts, labels);
    assertThat(Silhouette.euclidean().withSample(500, 7).score(pts, labels)).isEqualTo(full);
    assertThat(Silhouette.euclidean().withSample(10_000, 7).score(pts, labels)).isEqualTo(full);
  }

  @Test
  void silhouetteSampleIsSeededAndIsTheSilhouetteOfTheSampledPoints() {
    double[][] pts = blobs(500, 3, 8, 2);
    int[] labels = blobLabels(500, 3);
    Silhouette sampled = Silhouette.cosine().withSample(120, 99);
    int[] idx = sampled.sampleIndices(500);
    assertThat(idx).hasSize(120).doesNotHaveDuplicates();
    assertThat(Arrays.stream(idx).allMatch(i -> i >= 0 && i < 500)).isTrue();
    assertThat(sampled.sampleIndices(500)).containsExactly(idx);
    double[][] sub = new double[idx.length][];
    int[] subLabels = new int[idx.length];
    for (int r = 0; r < idx.length; r++) {
      sub[r] = pts[idx[r]];
      subLabels[r] = labels[idx[r]];
    }
    double value = sampled.score(pts, labels);
    assertThat(value).isEqualTo(sampled.score(pts, labels));
    assertThat(value).isEqualTo(Silhouette.cosine().score(sub, subLabels));
    // Same answer through the Embeddings path, which samples before converting.
    float[][] f = new float[500][];
    for (int i = 0; i < 500; i++) {
      f[i] = new float[8];
      for (int j = 0; j < 8; j++) f[i][j] = (float) pts[i][j];
    }
    double[][] rounded = Embeddings.of(f).toDoubleRows();
    assertThat(sampled.score(Embeddings.of(f), labels)).isEqualTo(sampled.score(rounded, labels));
  }

  @Test
  void silhouetteDoesNotDependOnBlockBoundaries() {
    // 3 * BLOCK + 5 points: four blocks, the last one short; compare with a direct O(n^2) loop here.
    int n = 3 * Silhouette.BLOCK + 5;
    double[][] pts = blobs(n, 4, 5, 3);
    int[] labels = blobLabels(n, 4);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double[] within = new double[4];
      int[] size = new int[4];
      for (int j = 0; j < n; j++) {
        size[labels[j]]++;
        if (j == i) continue;
        double d = 0;
        for (int t = 0; t < 5; t++) d += (pts[i][t] - pts[j][t]) * (pts[i][t] - pts[j][t]);
        within[labels[j]] += Math.sqrt(d);
      }
      double a = within[labels[i]] / (size[labels[i]] - 1);
      double b = Double.MAX_VALUE;
      for (int c = 0; c < 4; c++) if (c != labels[i]) b = Math.min(b, within[c] / size[c]);
      sum += (b - a) / Math.max(a, b);
    }
    assertThat(InternalClusterMetrics.silhouette(pts, labels)).isCloseTo(sum / n, within(1e-12));
  }

  @Test
  void badSampleSizesAreRejected() {
    assertThatThrownBy(() -> Silhouette.euclidean().withSample(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Silhouette(Silhouette.Distance.EUCLIDEAN, -1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSampleWithOneClusterNamesTheSample() {
    // 99 points in cluster 0 and one in cluster 1: a sample of 2 from seed 1 misses cluster 1 unless lucky,
    // so try seeds until one does; the message must say the sample was the problem.
    double[][] pts = blobs(100, 1, 2, 4);
    int[] labels = new int[100];
    labels[0] = 1;
    for (long seed = 0; seed < 50; seed++) {
      Silhouette s = Silhouette.euclidean().withSample(2, seed);
      if (Arrays.stream(s.sampleIndices(100)).noneMatch(i -> i == 0)) {
        assertThatThrownBy(() -> s.score(pts, labels))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("silhouette (sample of 2 points): number of clusters is 1");
        return;
      }
    }
    throw new AssertionError("no seed drew a one-cluster sample");
  }

  @Test
  void logFactorialMatchesPythonsLgamma() {
    // math.lgamma(m + 1) from Python 3.11: ln(21!), ln(25!), ln(100!), ln(1000!), ln(100000!)
    assertThat(ExternalClusterMetrics.logFactorial(21)).isCloseTo(45.38013889847691, within(1e-12));
    assertThat(ExternalClusterMetrics.logFactorial(25)).isCloseTo(58.00360522298052, within(1e-12));
    assertThat(ExternalClusterMetrics.logFactorial(100)).isCloseTo(363.73937555556347, within(1e-11));
    assertThat(ExternalClusterMetrics.logFactorial(1000)).isCloseTo(5912.128178488163, within(1e-10));
    assertThat(ExternalClusterMetrics.logFactorial(100000)).isCloseTo(1051299.221899122, within(1e-7));
    // 5! = 120 exactly
    assertThat(ExternalClusterMetrics.logFactorial(5)).isCloseTo(Math.log(120), within(1e-15));
  }

  /** n points around k centres spaced 4 apart on the diagonal, label i % k. */
  private static double[][] blobs(int n, int k, int d, long seed) {
    Random rnd = new Random(seed);
    double[][] out = new double[n][d];
    for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) out[i][j] = 4.0 * (i % k) + rnd.nextGaussian();
    return out;
  }

  private static int[] blobLabels(int n, int k) {
    int[] l = new int[n];
    for (int i = 0; i < n; i++) l[i] = i % k;
    return l;
  }
}
