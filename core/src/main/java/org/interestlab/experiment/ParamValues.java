package org.interestlab.experiment;

import java.util.List;
import java.util.Map;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParameterException;
import org.interestlab.params.Params;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

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
   * @throws ConfigException {@code <source>: <path>.<key>: …} for the first bad key
   */
  public static Params resolve(ComponentSpec<?> spec, Map<String, ?> raw, String source, String path) {
    try {
      return spec.params().resolve(spec.kind(), raw);
    } catch (ParameterException e) {
      throw ConfigException.at(source, path, e);
    }
  }

  /**
   * A value typed on a command line ({@code --set}, {@code --param}), read as YAML reads it:
   * {@code 12} → Integer, {@code 0.5} and {@code 1e-3} → Double, {@code true} → Boolean,
   * {@code [a, b]} / {@code {kind: x}} → a list / map, nothing ({@code key=}) → null (an empty
   * value); anything else is the text itself.
   */
  public static Object scalar(String text) {
    try {
      Object v = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
      if (v == null || v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof Boolean) return v;
      if (v instanceof Map<?, ?> || v instanceof List<?>) return v;
      // YAML 1.1 reads 1e-3 (no dot) as text; a number is meant.
      if (v instanceof String s && s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)")) return Double.parseDouble(s);
    } catch (RuntimeException e) {
      // not YAML: keep the text
    }
    return text;
  }
}
