package org.interestlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.interestlab.params.ParameterException;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;

class DbscanTest {
  static final Embeddings LINE = Embeddings.of(new float[][] {{0}, {0.5f}, {1.0f}, {5}, {5.4f}, {10}});

  /**
   * Worked by hand, eps 0.6: 0.5 has three points within reach (0, 0.5, 1) and is the only core
   * point with min_samples 3; 0 and 1 are its border points; 5 and 5.4 have two each, 10 one.
   */
  @Test
  void corePointsBorderPointsAndNoise() {
    Clustering c = new Dbscan(0.6, 3, DistanceMetric.EUCLIDEAN, "cpu").fit(LINE);
    assertThat(c.labels()).containsExactly(0, 0, 0, -1, -1, -1);
    assertThat(c.numClusters()).isEqualTo(1);
    assertThat(c.centroids().row(0)).containsExactly(0.5f);
    assertThat(c.sizes()).containsExactly(3);

    Clustering two = new Dbscan(0.6, 2, DistanceMetric.EUCLIDEAN, "cpu").fit(LINE);
    assertThat(two.labels()).containsExactly(0, 0, 0, 1, 1, -1);
    // min_samples 1: every point is a core point, nothing is noise.
    assertThat(new Dbscan(0.6, 1, DistanceMetric.EUCLIDEAN, "cpu").fit(LINE).labels()).containsExactly(0, 0, 0, 1, 1, 2);
  }

  /** The radius is inclusive (distance ≤ eps), as in scikit-learn. */
  @Test
  void radiusIsInclusive() {
    Embeddings x = Embeddings.of(new float[][] {{0}, {1}});
    assertThat(new Dbscan(1.0, 2, DistanceMetric.EUCLIDEAN, "cpu").fit(x).labels()).containsExactly(0, 0);
    assertThat(new Dbscan(0.999, 2, DistanceMetric.EUCLIDEAN, "cpu").fit(x).labels()).containsExactly(-1, -1);
  }

  @Test
  void cosineIgnoresLengthAndRejectsZeroVectors() {
    Embeddings x = Embeddings.of(new float[][] {{1, 0}, {9, 0.1f}, {0, 3}, {0.05f, 8}});
    assertThat(new Dbscan(0.01, 2, DistanceMetric.COSINE, "cpu").fit(x).labels()).containsExactly(0, 0, 1, 1);
    assertThatThrownBy(() -> new Dbscan(0.1, 2, DistanceMetric.COSINE, "cpu").fit(Embeddings.of(new float[][] {{1, 0}, {0, 0}})))
        .isInstanceOf(UserException.class).hasMessageContaining("point 1 is a zero vector");
  }

  @Test
  void badParameters() {
    // The constructor checks the declarations a config is checked against, with the same exception and wording.
    assertThatThrownBy(() -> new Dbscan(0, 2, DistanceMetric.EUCLIDEAN, "cpu")).isInstanceOf(ParameterException.class)
        .hasMessage("eps: 0.0 is out of range — allowed: a number > 0");
    assertThatThrownBy(() -> new Dbscan(0.5, 0, DistanceMetric.EUCLIDEAN, "cpu")).isInstanceOf(ParameterException.class)
        .hasMessage("min_samples: 0 is out of range — allowed: an integer ≥ 1 and ≤ 1000000");
    assertThatThrownBy(() -> new Dbscan(0.5, 2, DistanceMetric.EUCLIDEAN, "tpu")).isInstanceOf(ParameterException.class)
        .hasMessage("device: 'tpu' is not allowed — allowed: one of auto, cpu, gpu");
    assertThatThrownBy(() -> DistanceMetric.parse("manhattan")).isInstanceOf(UserException.class)
        .hasMessageContaining("allowed: euclidean, cosine");
  }
}
