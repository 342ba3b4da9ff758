package org.interestlab.plot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class BenchmarkBarsTest {
  @Test
  void oneTracePerMachineWithErrors() {
    Table t = Table.create("bench",
        StringColumn.create("benchmark", "encode", "kmeans", "encode", "kmeans"),
        StringColumn.create("machine", "vm", "vm", "laptop", "laptop"),
        DoubleColumn.create("score", 250, 0.13, 400, 0.09),
        DoubleColumn.create("error", 10, 0.01, 20, 0.02),
        StringColumn.create("unit", "ops/s", "ops/s", "ops/s", "ops/s"));
    JsonNode j = FigureJson.parse(BenchmarkBars.of(t));
    JsonNode data = j.get("data");
    assertThat(data).hasSize(2);
    assertThat(data.get(1).get("name").asText()).isEqualTo("laptop");
    assertThat(FigureJson.strings(data.get(1).get("x"))).containsExactly("encode", "kmeans");
    assertThat(FigureJson.doubles(data.get(1).get("y"))).containsExactly(400.0, 0.09);
    assertThat(FigureJson.doubles(data.get(1).get("error_y").get("array"))).containsExactly(20.0, 0.02);
    assertThat(j.get("layout").get("yaxis").get("title").get("text").asText()).isEqualTo("ops/s");
  }
}
