package org.interestlab.plot;

import java.util.LinkedHashMap;
import java.util.Map;

/** Plotly attribute maps written inline: {@code Attributes.of("type", "bar", "x", xs)}. */
final class Attributes {
  private Attributes() {}

  /** Keys and values alternating; null values are left out (plotly then uses its default). */
  static Map<String, Object> of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values must alternate");
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** A layout with a title and, when given, axis titles. */
  static Map<String, Object> layout(String title, String xTitle, String yTitle) {
    return of("title", of("text", title), "xaxis", xTitle == null ? null : of("title", of("text", xTitle)),
        "yaxis", yTitle == null ? null : of("title", of("text", yTitle)), "margin", of("t", 50));
  }
}
