package org.interestlab.plot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class KSweepCurvesTest {
  @Test
  void onePanelPerCriterionWithValuesAndNoBicWithoutMixtures() {
    double nan = Double.NaN;
    Table t = Table.create("sweep", IntColumn.create("k", 2, 4, 8),
        DoubleColumn.create("silhouette", 0.2, 0.5, 0.3),
        DoubleColumn.create("davies_bouldin", 1.5, 0.9, 1.1),
        DoubleColumn.create("calinski_harabasz", 100, 300, 250),
        DoubleColumn.create("inertia", 90, 40, 30),
        DoubleColumn.create("bic", nan, nan, nan));
    JsonNode j = FigureJson.parse(KSweepCurves.of(t));
    JsonNode data = j.get("data");
    assertThat(data).hasSize(4);
    java.util.List<String> names = new java.util.ArrayList<>();
    data.forEach(tr -> names.add(tr.get("name").asText()));
    assertThat(names)
        .containsExactly("silhouette", "davies_bouldin", "calinski_harabasz", "inertia");
    assertThat(FigureJson.doubles(data.get(0).get("x"))).containsExactly(2.0, 4.0, 8.0);
    assertThat(FigureJson.doubles(data.get(1).get("y"))).containsExactly(1.5, 0.9, 1.1);
    assertThat(data.get(3).get("yaxis").asText()).isEqualTo("y4");
    assertThat(j.get("layout").get("grid").get("rows").asInt()).isEqualTo(4);
    assertThat(j.get("layout").get("yaxis4").get("title").get("text").asText()).startsWith("inertia");
  }
}
