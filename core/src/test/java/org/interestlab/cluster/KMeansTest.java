package org.interestlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interestlab.params.ParameterException;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.interestlab.testing.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KMeansTest {

  /** Expected labels come from scikit-learn's lloyd run from the same initial centroids (see make_kmeans_expected.py). */
  @ParameterizedTest
  @ValueSource(strings = {"blobs", "overlap", "sphere"})
  void sameLabelsAsScikitLearnFromSameInit(String name) {
    Embeddings x = TestFiles.matrix("/cluster/kmeans_" + name + "_points.csv");
    Embeddings init = TestFiles.matrix("/cluster/kmeans_" + name + "_init.csv");
    int[] expected = TestFiles.ints("/cluster/kmeans_" + name + "_expected.csv");
    Matcher m = Pattern.compile("inertia=([0-9.eE+-]+)").matcher(TestFiles.lines("/cluster/kmeans_" + name + "_expected.csv").get(0));
    assertThat(m.find()).isTrue();
    double expectedInertia = Double.parseDouble(m.group(1));

    KMeans km = new KMeans(init.rows(), KMeans.Init.K_MEANS_PLUS_PLUS, 1, 300, 1e-4, 0L, "cpu");
    Clustering c = km.fitFrom(x, init);

    assertThat(c.labels()).containsExactly(expected);
    // scikit-learn accumulates inertia in float32; ours is double.
    assertThat(c.inertia()).isCloseTo(expectedInertia, within(expectedInertia * 1e-5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lloyd", "hamerly", "elkan", "yinyang"})
  void labelsAreForTheFinalCentres(String algorithm) {
    // Worked by hand: points 0, 3, 7, 10 on a line, centres 0 and 4, one iteration. The assignment
    // gives {0} and {3, 7, 10}; the update moves the centres to 0 and 20/3. Point 3 is then nearer
    // 0 (distance 3) than 20/3 (11/3), so the reported labels, taken against the final centres as
    // scikit-learn's final E-step does, are 0, 0, 1, 1, not the assignment's 0, 1, 1, 1.
    // Inertia 3² + (1/3)² + (10/3)² = 9 + 101/9. scikit-learn 1.2.1 agrees (labels [0 0 1 1], n_iter_ 1).
    Embeddings x = Embeddings.of(new float[][] {{0}, {3}, {7}, {10}});
    Embeddings init = Embeddings.of(new float[][] {{0}, {4}});
    Clustering c = new KMeans(2, KMeans.Init.RANDOM, 1, 1, 0.0, 0L, "cpu", KMeans.Algorithm.parse(algorithm),
        DistanceMetric.EUCLIDEAN).fitFrom(x, init);
    assertThat(c.labels()).containsExactly(0, 0, 1, 1);
    assertThat(c.centroids().row(1)[0]).isEqualTo(20f / 3);
    assertThat(c.iterations()).isEqualTo(1);
    assertThat(c.inertia()).isCloseTo(9 + 101.0 / 9, within(1e-5));
  }

  @Test
  void kMeansPlusPlusRecoversSeparatedBlobs() {
    // Three tight groups around (0,0), (10,0), (0,10): any sensible k-means finds them.
    float[][] pts = new float[30][];
    for (int i = 0; i < 30; i++) {
      float dx = (i % 5) * 0.01f;
      pts[i] = switch (i / 10) {
        case 0 -> new float[] {dx, 0};
        case 1 -> new float[] {10 + dx, 0};
        default -> new float[] {dx, 10};
      };
    }
    Clustering c = new KMeans(3, KMeans.Init.K_MEANS_PLUS_PLUS, 2, 100, 1e-4, 7L, "cpu").fit(Embeddings.of(pts));
    int[] l = c.labels();
    for (int g = 0; g < 3; g++) {
      for (int i = g * 10; i < g * 10 + 10; i++) assertThat(l[i]).isEqualTo(l[g * 10]);
    }
    assertThat(Arrays.stream(l).distinct().count()).isEqualTo(3);
    assertThat(c.sizes()).containsExactlyInAnyOrder(10, 10, 10);
    // Within each group the points are 0, .01, .02, .03, .04 twice apart from the mean .02 in x:
    // 2 × (.02² + .01² + 0 + .01² + .02²) = 0.002 per group, 0.006 in all.
    assertThat(c.inertia()).isCloseTo(0.006, within(1e-6));
  }

  @Test
  void sameSeedSameResultAndInputUntouched() {
    Embeddings x = TestFiles.matrix("/cluster/kmeans_overlap_points.csv");
    float[] before = x.data().clone();
    KMeans km = new KMeans(8, KMeans.Init.K_MEANS_PLUS_PLUS, 2, 50, 1e-4, 123L, "cpu");
    Clustering a = km.fit(x);
    Clustering b = km.fit(x);
    assertThat(a).isEqualTo(b);
    assertThat(x.data()).containsExactly(before);
    assertThat(new KMeans(8, KMeans.Init.RANDOM, 1, 50, 1e-4, 5L, "cpu").fit(x).labels()).hasSize(500);
  }

  @Test
  void onePointAndDuplicatePoints() {
    Clustering one = KMeans.of(1).fit(Embeddings.of(new float[][] {{1, 2}}));
    assertThat(one.labels()).containsExactly(0);
    assertThat(one.centroids().row(0)).containsExactly(1, 2);
    assertThat(one.inertia()).isZero();

    // Five identical points, k = 2: both centres end on the same spot and ties go to the lower
    // index, so one cluster stays empty -- scikit-learn gives the same labels (with a warning).
    float[][] same = new float[5][];
    Arrays.fill(same, new float[] {3, 3});
    Clustering dup = KMeans.of(2).fit(Embeddings.of(same));
    assertThat(dup.sizes()).containsExactly(5, 0);
    assertThat(dup.centroids().row(1)).containsExactly(3, 3);
    assertThat(dup.inertia()).isZero();
  }

  @Test
  void badInputGivesClearErrors() {
    assertThatThrownBy(() -> KMeans.of(2).fit(Embeddings.zeros(0, 3)))
        .isInstanceOf(UserException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> KMeans.of(5).fit(Embeddings.of(new float[][] {{1}, {2}})))
        .isInstanceOf(UserException.class).hasMessageContaining("k=5").hasMessageContaining("(2)");
    assertThatThrownBy(() -> KMeans.of(1).fit(Embeddings.of(new float[][] {{Float.NaN}})))
        .isInstanceOf(UserException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> KMeans.of(0)).isInstanceOf(ParameterException.class)
        .hasMessage("k: 0 is out of range — allowed: an integer ≥ 1 and ≤ 1000000");
    assertThatThrownBy(() -> new KMeans(2, KMeans.Init.RANDOM, 0, 100, 1e-4, 0L, "cpu")).isInstanceOf(ParameterException.class)
        .hasMessage("n_init: 0 is out of range — allowed: an integer ≥ 1 and ≤ 1000");
    assertThatThrownBy(() -> new KMeans(2, KMeans.Init.RANDOM, 1, 100, Double.NaN, 0L, "cpu")).isInstanceOf(ParameterException.class)
        .hasMessage("tol: NaN is out of range — allowed: a number ≥ 0 and ≤ 1");
  }
  @Test
  void autoTakesElkanWhileItsBoundsFitAndHamerlyAbove() {
    // 2^26 bounds: 100,000 × 100 is 10^7 (Elkan), 1,000,000 × 1000 is 10^9 (Hamerly).
    assertThat(KMeans.Algorithm.AUTO.forSize(100_000, 100)).isEqualTo(KMeans.Algorithm.ELKAN);
    assertThat(KMeans.Algorithm.AUTO.forSize(1 << 16, 1 << 10)).isEqualTo(KMeans.Algorithm.ELKAN);
    assertThat(KMeans.Algorithm.AUTO.forSize((1 << 16) + 1, 1 << 10)).isEqualTo(KMeans.Algorithm.HAMERLY);
    assertThat(KMeans.Algorithm.AUTO.forSize(1_000_000, 1000)).isEqualTo(KMeans.Algorithm.HAMERLY);
    assertThat(KMeans.Algorithm.YINYANG.forSize(10, 2)).isEqualTo(KMeans.Algorithm.YINYANG);
    assertThat(KMeans.Algorithm.parse("auto")).isEqualTo(KMeans.Algorithm.AUTO);
  }
}
