package org.interestlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;

class AgglomerativeTest {
  static final Embeddings LINE = Embeddings.of(new float[][] {{0}, {1}, {5}, {6}});

  /**
   * Worked by hand: {0,1} and {5,6} merge at distance 1, then the pairs at Ward distance
   * √(2·2·2/4) · 5 = 5√2. Cutting into two, scikit-learn's heap puts node 5 = {5,6} first.
   */
  @Test
  void wardTreeOfFourPointsOnALine() {
    Agglomerative.Tree t = Agglomerative.ward(2).tree(LINE);
    assertThat(t.children()).isDeepEqualTo(new int[][] {{0, 1}, {2, 3}, {4, 5}});
    assertThat(t.distances()).containsExactly(new double[] {1, 1, 5 * Math.sqrt(2)}, within(1e-12));
    Clustering c = Agglomerative.ward(2).fit(LINE);
    assertThat(c.labels()).containsExactly(1, 1, 0, 0);
    assertThat(c.centroids().row(0)).containsExactly(5.5f);
    assertThat(c.centroids().row(1)).containsExactly(0.5f);
    assertThat(c.inertia()).isCloseTo(1.0, within(1e-12)); // 4 × 0.5²
    assertThat(t.clustersAt(2.0)).isEqualTo(2);
    assertThat(t.clustersAt(1.0)).isEqualTo(4); // merges at or above the threshold are undone, as in scikit-learn
    assertThat(t.clustersAt(8.0)).isEqualTo(1);
  }

  /** Complete linkage: the pairs join at the largest distance between them, 6; average: the mean, 5. */
  @Test
  void completeAndAverageHeights() {
    assertThat(new Agglomerative(1, Agglomerative.Linkage.COMPLETE, DistanceMetric.EUCLIDEAN, 0, 100).tree(LINE).distances())
        .containsExactly(new double[] {1, 1, 6}, within(1e-12));
    assertThat(new Agglomerative(1, Agglomerative.Linkage.AVERAGE, DistanceMetric.EUCLIDEAN, 0, 100).tree(LINE).distances())
        .containsExactly(new double[] {1, 1, 5}, within(1e-12));
  }

  @Test
  void distanceThresholdCutsTheTree() {
    Clustering c = new Agglomerative(1, Agglomerative.Linkage.WARD, DistanceMetric.EUCLIDEAN, 3.0, 100).fit(LINE);
    assertThat(c.numClusters()).isEqualTo(2);
    assertThat(c.labels()).containsExactly(1, 1, 0, 0);
  }

  @Test
  void userErrors() {
    assertThatThrownBy(() -> new Agglomerative(2, Agglomerative.Linkage.WARD, DistanceMetric.COSINE, 0, 100))
        .isInstanceOf(UserException.class).hasMessageContaining("linkage ward needs metric euclidean");
    assertThatThrownBy(() -> new Agglomerative(2, Agglomerative.Linkage.WARD, DistanceMetric.EUCLIDEAN, 0, 3).fit(LINE))
        .isInstanceOf(UserException.class).hasMessageContaining("4 points is above max_points=3").hasMessageContaining("raise max_points");
    assertThatThrownBy(() -> new Agglomerative(2, Agglomerative.Linkage.AVERAGE, DistanceMetric.COSINE, 0, 100)
        .fit(Embeddings.of(new float[][] {{1, 0}, {0, 0}, {0, 1}})))
        .isInstanceOf(UserException.class).hasMessageContaining("point 1 is a zero vector");
    assertThatThrownBy(() -> Agglomerative.ward(5).fit(LINE)).isInstanceOf(UserException.class).hasMessageContaining("k=5");
    assertThatThrownBy(() -> Agglomerative.Linkage.parse("single")).isInstanceOf(UserException.class)
        .hasMessage("linkage: 'single' is not allowed — allowed: one of ward, average, complete");
  }

  /** Cosine ignores vector length: parallel vectors are at distance 0. */
  @Test
  void cosineIgnoresLength() {
    Embeddings x = Embeddings.of(new float[][] {{1, 0}, {5, 0}, {0, 2}, {0, 7}});
    Clustering c = new Agglomerative(2, Agglomerative.Linkage.AVERAGE, DistanceMetric.COSINE, 0, 100).fit(x);
    assertThat(c.labels()[0]).isEqualTo(c.labels()[1]);
    assertThat(c.labels()[2]).isEqualTo(c.labels()[3]);
    assertThat(c.labels()[0]).isNotEqualTo(c.labels()[2]);
  }
}
