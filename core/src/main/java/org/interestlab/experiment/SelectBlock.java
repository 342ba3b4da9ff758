package org.interestlab.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamSpec;

/**
 * A recommender's {@code select:} block: the parameters to choose on validation, each as a list of
 * values or as a numeric range that is turned into one. It is the same choice as listing values in
 * place ({@code lambda: [10, 100]}) — the block only groups them and spares writing long grids.
 *
 * <pre>{@code
 * - kind: ease
 *   select:
 *     lambda: { from: 10, to: 1000, points: 5, scale: log }   # 10, 31.6228, 100, 316.228, 1000
 * - kind: als
 *   select: { factors: [64, 128], regularization: { from: 1, to: 100, points: 3, scale: log } }
 * }</pre>
 *
 * <p>A range has {@code points ≥ 2} values from {@code from} to {@code to}, both included, evenly
 * spaced ({@code scale: linear}, the default) or evenly spaced in logarithm ({@code scale: log}, which
 * needs {@code from > 0}). Values of an integer parameter are rounded to whole numbers (duplicates
 * dropped); others are rounded to 6 significant digits, so the grid reads the same in {@code config.yaml}.
 */
final class SelectBlock {
  static final String KEY = "select";
  private static final Set<String> RANGE_KEYS = Set.of("from", "to", "points", "scale");

  private SelectBlock() {}

  /**
   * The block's parameters, each as its list of values, in the block's order.
   *
   * @param path the recommender's config path ({@code recommenders[2]}), for messages
   */
  static Map<String, List<Object>> expand(String file, String path, Object raw, ComponentSpec<?> spec, String kind) {
    String at = path + "." + KEY;
    if (!(raw instanceof Map<?, ?> block) || block.isEmpty()) {
      throw ConfigException.at(file, at, ConfigText.show(raw)
          + " — allowed: a mapping of parameters to lists or ranges, e.g. { lambda: { from: 10, to: 1000, points: 5, scale: log } }");
    }
    Map<String, List<Object>> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : block.entrySet()) {
      String key = String.valueOf(e.getKey());
      ParamSpec p = spec.param(key);
      if (p == null) {
        throw ConfigException.at(file, at + "." + key, "unknown key for kind '" + kind + "' — allowed keys: " + String.join(", ", spec.paramNames()));
      }
      Object value = e.getValue();
      if (value instanceof List<?> list && !list.isEmpty()) {
        out.put(key, new ArrayList<>(list));
      } else if (value instanceof Map<?, ?> range) {
        out.put(key, range(file, at + "." + key, range, p));
      } else {
        throw ConfigException.at(file, at + "." + key, ConfigText.show(value)
            + " — allowed: a non-empty list of values, or a range { from, to, points, scale: linear|log }");
      }
    }
    return out;
  }

  private static List<Object> range(String file, String at, Map<?, ?> range, ParamSpec p) {
    for (Object key : range.keySet()) {
      if (!RANGE_KEYS.contains(String.valueOf(key))) {
        throw ConfigException.at(file, at + "." + key, "unknown key — allowed keys: from, to, points, scale");
      }
    }
    boolean integer = p.type() == ParamSpec.Type.INT || p.type() == ParamSpec.Type.INT_OR_ALL;
    if (!integer && p.type() != ParamSpec.Type.DOUBLE) {
      throw ConfigException.at(file, at, "a range needs a numeric parameter; '" + p.name() + "' is " + p.allowedText() + " — list its values instead");
    }
    double from = number(file, at + ".from", range.get("from"));
    double to = number(file, at + ".to", range.get("to"));
    if (!(from < to)) throw ConfigException.at(file, at + ".to", ConfigText.show(range.get("to")) + " — allowed: a number > from (" + ConfigText.show(range.get("from")) + ")");
    Object pointsRaw = range.get("points");
    if (!(pointsRaw instanceof Integer points) || points < 2 || points > ConfigLoader.MAX_CANDIDATES) {
      throw ConfigException.at(file, at + ".points", ConfigText.show(pointsRaw) + " — allowed: an integer ≥ 2 and ≤ " + ConfigLoader.MAX_CANDIDATES);
    }
    Object scale = range.containsKey("scale") ? range.get("scale") : "linear";
    boolean log;
    if ("log".equals(scale)) {
      if (from <= 0) throw ConfigException.at(file, at + ".from", ConfigText.show(range.get("from")) + " — allowed: a number > 0 with scale: log");
      log = true;
    } else if ("linear".equals(scale)) {
      log = false;
    } else {
      throw ConfigException.at(file, at + ".scale", ConfigText.show(scale) + " — allowed: linear, log");
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      double t = (double) i / (points - 1);
      double v = i == points - 1 ? to : log ? from * Math.pow(to / from, t) : from + (to - from) * t;
      Object value = integer ? (Object) Math.toIntExact(Math.round(v)) : new BigDecimal(v).round(new MathContext(6)).doubleValue();
      if (!out.contains(value)) out.add(value);
    }
    return out;
  }

  private static double number(String file, String at, Object raw) {
    if (!(raw instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw ConfigException.at(file, at, (raw == null ? "missing" : ConfigText.show(raw)) + " — allowed: a number");
    }
    return n.doubleValue();
  }
}
