package org.interestlab.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** A figure's JSON read back by an independent parser (Jackson), so tests check what plotly receives. */
final class FigureJson {
  private FigureJson() {}

  static JsonNode parse(PlotlyFigure f) {
    try {
      return new ObjectMapper().readTree(f.toJson());
    } catch (Exception e) {
      throw new AssertionError("figure JSON does not parse: " + f.toJson(), e);
    }
  }

  static List<Double> doubles(JsonNode array) {
    List<Double> out = new ArrayList<>();
    array.forEach(n -> out.add(n.isNull() ? Double.NaN : n.asDouble()));
    return out;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
