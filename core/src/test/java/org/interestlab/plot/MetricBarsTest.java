package org.interestlab.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class MetricBarsTest {
  static Table metrics() {
    return Table.create("m",
        StringColumn.create("run", "a", "a", "a", "b", "b"),
        StringColumn.create("component", "pop", "knn", "knn", "pop", "knn"),
        StringColumn.create("metric", "ndcg@10", "ndcg@10", "recall@10", "ndcg@10", "ndcg@10"),
        DoubleColumn.create("value", 0.30, 0.50, 0.9, 0.20, 0.40),
        DoubleColumn.create("ci_low", 0.25, 0.45, 0.8, Double.NaN, 0.35),
        DoubleColumn.create("ci_high", 0.32, 0.60, 1.0, Double.NaN, 0.41));
  }

  @Test
  void oneTracePerRunWithAsymmetricIntervals() {
    JsonNode data = FigureJson.parse(MetricBars.of(metrics(), "ndcg@10")).get("data");
    assertThat(data).hasSize(2);
    JsonNode a = data.get(0);
    assertThat(a.get("name").asText()).isEqualTo("a");
    assertThat(FigureJson.strings(a.get("x"))).containsExactly("pop", "knn");
    assertThat(FigureJson.doubles(a.get("y"))).containsExactly(0.30, 0.50);
    // whiskers: high − value above, value − low below: 0.32 − 0.30, 0.60 − 0.50; 0.30 − 0.25, 0.50 − 0.45
    assertThat(FigureJson.doubles(a.get("error_y").get("array")).get(0)).isCloseTo(0.02, within(1e-12));
    assertThat(FigureJson.doubles(a.get("error_y").get("array")).get(1)).isCloseTo(0.10, within(1e-12));
    assertThat(FigureJson.doubles(a.get("error_y").get("arrayminus")).get(0)).isCloseTo(0.05, within(1e-12));
    assertThat(FigureJson.doubles(a.get("error_y").get("arrayminus")).get(1)).isCloseTo(0.05, within(1e-12));
    assertThat(a.get("error_y").get("symmetric").asBoolean()).isFalse();
    JsonNode b = data.get(1);
    assertThat(FigureJson.doubles(b.get("y"))).containsExactly(0.20, 0.40);
    assertThat(b.get("error_y").get("array").get(0).isNull()).as("no interval, no whisker").isTrue();
  }

  @Test
  void unknownMetricIsAClearError() {
    assertThatThrownBy(() -> MetricBars.of(metrics(), "map@10")).hasMessageContaining("map@10");
  }
}
