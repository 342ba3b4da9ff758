package org.interestlab.plot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ClusterSizesTest {
  @Test
  void largestFirstNoiseLast() {
    // cluster 0: 2 users, cluster 1: 1, cluster 2: 3, noise: 1
    JsonNode t = FigureJson.parse(ClusterSizes.ofLabels(new int[] {0, 0, 1, 2, 2, 2, -1})).get("data").get(0);
    assertThat(FigureJson.strings(t.get("x"))).containsExactly("cluster 2", "cluster 0", "cluster 1", "noise");
    assertThat(FigureJson.doubles(t.get("y"))).containsExactly(3.0, 2.0, 1.0, 1.0);
  }

  @Test
  void emptyClustersAreLeftOut() {
    JsonNode t = FigureJson.parse(ClusterSizes.of(new int[] {5, 0, 7})).get("data").get(0);
    assertThat(FigureJson.strings(t.get("x"))).containsExactly("cluster 2", "cluster 0");
  }
}
