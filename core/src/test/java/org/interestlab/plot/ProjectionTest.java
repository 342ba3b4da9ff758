package org.interestlab.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;

class ProjectionTest {
  /**
   * Points p = (1, 1, 1) + t·(0.6, 0.8, 0) + s·(0, 0, 1) with t = −2…2 and small s uncorrelated with t: the first principal
   * axis is (0.6, 0.8, 0) with scores t (variance 10/4 ≫ that of s), the second (0, 0, 1) with scores s,
   * each up to the sign of the axis.
   */
  @Test
  void pcaScoresAreTheCoordinatesAlongTheKnownAxes() {
    double[] t = {-2, -1, 0, 1, 2};
    double[] s = {0.1, -0.2, 0.2, -0.2, 0.1}; // mean 0 and Σ t·s = 0: uncorrelated with t
    float[][] p = new float[5][];
    for (int i = 0; i < 5; i++) p[i] = new float[] {(float) (1 + 0.6 * t[i]), (float) (1 + 0.8 * t[i]), (float) (1 + s[i])};
    int[] labels = {0, 0, 1, 1, 1};
    JsonNode data = FigureJson.parse(Projection.pca(Embeddings.of(p), labels, List.of("a", "b", "c", "d", "e"), 7L)).get("data");
    assertThat(data).hasSize(2);
    assertThat(data.get(0).get("name").asText()).isEqualTo("cluster 0");
    assertThat(FigureJson.strings(data.get(1).get("text"))).containsExactly("c", "d", "e");
    double[] x = new double[5];
    double[] y = new double[5];
    int[][] members = {{0, 1}, {2, 3, 4}};
    for (int c = 0; c < 2; c++) {
      for (int j = 0; j < members[c].length; j++) {
        x[members[c][j]] = data.get(c).get("x").get(j).asDouble();
        y[members[c][j]] = data.get(c).get("y").get(j).asDouble();
      }
    }
    double signX = Math.signum(x[4]);
    double signY = Math.signum(y[0]);
    for (int i = 0; i < 5; i++) {
      assertThat(x[i]).isCloseTo(signX * t[i], within(1e-5));
      assertThat(y[i]).isCloseTo(signY * s[i], within(1e-5));
    }
  }

  @Test
  void noiseIsGrey() {
    JsonNode data = FigureJson.parse(Projection.of(new double[][] {{0, 0}, {1, 1}}, new int[] {-1, 0}, null, "t", "x", "y")).get("data");
    assertThat(data.get(0).get("name").asText()).isEqualTo("noise");
    assertThat(data.get(0).get("marker").get("color").asText()).isEqualTo("#bbbbbb");
  }
}
