package org.interestlab.plot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class InterestsOverTimeTest {
  /**
   * Window 0: cluster 0 has 10 users, cluster 1 has 5. Window 1: 8, 5 and a new cluster 2 with 4.
   * Window 2: cluster 1 is gone, 0 has 9, 2 has 6. Bands stack in cluster order, so the tops are
   * cluster 0: 10, 8, 9; cluster 1: 15, 13, 9; cluster 2: 15, 17, 15.
   */
  @Test
  void stackedBandsAndEventMarkersOnTheirBands() {
    Table sizes = Table.create("sizes",
        IntColumn.create("window", 0, 0, 1, 1, 1, 2, 2),
        StringColumn.create("start", "2023-01-01", "2023-01-01", "2023-02-15", "2023-02-15", "2023-02-15", "2023-04-01", "2023-04-01"),
        IntColumn.create("cluster", 0, 1, 0, 1, 2, 0, 2),
        IntColumn.create("size", 10, 5, 8, 5, 4, 9, 6));
    Table events = Table.create("events",
        IntColumn.create("window", 1, 1, 2),
        StringColumn.create("event", "continue", "birth", "death"),
        StringColumn.create("from", "0", "", "1"),
        StringColumn.create("to", "0", "2", ""));
    JsonNode data = FigureJson.parse(InterestsOverTime.of(sizes, events)).get("data");
    assertThat(data).hasSize(5); // three bands, birth and death markers
    assertThat(FigureJson.strings(data.get(0).get("x"))).containsExactly("2023-01-01", "2023-02-15", "2023-04-01");
    assertThat(FigureJson.doubles(data.get(1).get("y"))).containsExactly(5.0, 5.0, 0.0);
    assertThat(FigureJson.doubles(data.get(2).get("y"))).containsExactly(0.0, 4.0, 6.0);
    assertThat(data.get(2).get("stackgroup").asText()).isEqualTo(data.get(0).get("stackgroup").asText());
    JsonNode birth = data.get(3);
    assertThat(birth.get("name").asText()).isEqualTo("birth");
    assertThat(FigureJson.strings(birth.get("x"))).containsExactly("2023-02-15");
    assertThat(FigureJson.doubles(birth.get("y"))).containsExactly(17.0);
    JsonNode death = data.get(4);
    assertThat(FigureJson.strings(death.get("x"))).containsExactly("2023-02-15");
    assertThat(FigureJson.doubles(death.get("y"))).containsExactly(13.0);
  }
}
