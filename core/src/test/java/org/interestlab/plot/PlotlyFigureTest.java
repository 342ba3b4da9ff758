package org.interestlab.plot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlotlyFigureTest {
  @Test
  void jsonHoldsTracesAndLayoutWithNaNAsNull() {
    PlotlyFigure f = PlotlyFigure.of(List.of(Map.of("type", "bar", "y", new double[] {1.5, Double.NaN, 3})),
        Map.of("title", Map.of("text", "t")));
    JsonNode j = FigureJson.parse(f);
    assertThat(j.get("data")).hasSize(1);
    assertThat(j.get("data").get(0).get("type").asText()).isEqualTo("bar");
    assertThat(j.get("data").get(0).get("y").toString()).isEqualTo("[1.5,null,3]");
    assertThat(j.get("layout").get("title").get("text").asText()).isEqualTo("t");
    assertThat(f.getTraces()).hasSize(1);
  }

  @Test
  void textCannotCloseTheScriptElement() {
    PlotlyFigure f = PlotlyFigure.of(List.of(Map.of("type", "bar", "name", "</script><b>x")), Map.of());
    String html = f.html("fig1");
    assertThat(html).contains("id='fig1'").contains("Plotly.newPlot(document.getElementById('fig1')");
    assertThat(html.indexOf("</script>")).isEqualTo(html.lastIndexOf("</script>"));
    assertThat(FigureJson.parse(f).get("data").get(0).get("name").asText()).isEqualTo("</script><b>x");
  }
}
