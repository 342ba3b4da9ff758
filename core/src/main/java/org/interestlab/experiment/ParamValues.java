package org.interestlab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Validated parameters for a component outside a config file: from a notebook's map or from
 * {@code key=value} pairs typed on a command line. The same checks as a config: unknown keys,
 * wrong types and out-of-range values are rejected naming the source, the key, the value and what
 * is allowed; missing values take their defaults.
 *
 * <pre>{@code
 * ComponentSpec<?> spec = Registry.standard().spec(Stage.CLUSTERER, "dbscan");
 * Params p = ParamValues.resolve(spec, Map.of("eps", 0.3), "--param", "clusterer");
 * Clusterer c = (Clusterer) spec.create(p, 42L);
 * }</pre>
 */
public final class ParamValues {
  private ParamValues() {}

  /**
   * @param raw values as YAML reads them (Integer, Double, String, Boolean)
   * @param source what the values came from (a file, {@code --param}), first in error messages
   * @param path the key prefix in error messages, e.g. {@code clusterer}
   */
  public static Params resolve(ComponentSpec<?> spec, Map<String, ?> raw, String source, String path) {
    for (String key : raw.keySet()) {
      if (spec.param(key) == null) {
        List<String> allowed = new ArrayList<>(spec.paramNames());
        throw ConfigException.at(source, path + "." + key, "unknown key for '" + spec.kind() + "' — allowed keys: "
            + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (ParamSpec p : spec.params()) {
      Object v = raw.get(p.name());
      if (v == null) {
        if (p.required()) throw ConfigException.at(source, path + "." + p.name(), "missing — required, allowed: " + p.allowedText());
        v = p.defaultValue();
      } else {
        v = p.coerce(v, source, path + "." + p.name());
      }
      out.put(p.name(), v);
    }
    return new Params(out);
  }

  /** A typed value as YAML would read it: {@code 12} → Integer, {@code 0.5} → Double, {@code true} → Boolean, else the text. */
  public static Object scalar(String text) {
    try {
      Object v = new Yaml().load(text);
      if (v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof Boolean) return v;
      if (v instanceof String s && s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)")) return Double.parseDouble(s);
    } catch (RuntimeException e) {
      // not a YAML scalar: keep the text
    }
    return text;
  }
}
