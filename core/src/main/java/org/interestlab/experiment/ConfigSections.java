package org.interestlab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.params.ParamList;
import org.interestlab.params.ParamSpec;
import org.interestlab.params.ParameterException;
import org.interestlab.params.Params;

/**
 * The optional top-level analysis sections of a config — {@code hierarchy:} (an {@link
 * InterestHierarchyJob interest hierarchy} of the user profiles) and {@code dynamic:} ({@link
 * DynamicInterestsJob interests over time windows}) — with their parameters declared as data. Unlike
 * a stage they name no {@code kind}: each section is one analysis, configured by its parameters.
 * They are validated with the rest of the config, before any work starts.
 */
public final class ConfigSections {
  private ConfigSections() {}

  /** A validated section: its parameters with defaults filled, and the seed derived for it from the run seed. */
  public record Section(String key, Params params, long seed) {}

  /** Section key → its parameters, in the order they are documented and resolved. */
  public static final Map<String, ParamList> SPECS;

  static {
    Map<String, ParamList> m = new LinkedHashMap<>();
    m.put(InterestHierarchyJob.KEY, InterestHierarchyJob.PARAMS);
    m.put(DynamicInterestsJob.KEY, DynamicInterestsJob.PARAMS);
    SPECS = java.util.Collections.unmodifiableMap(m);
  }

  /** Validates one section, fills its defaults into {@code resolved} under {@code key}. */
  static Section validate(String file, String key, Object raw, long runSeed, Map<String, Object> resolved) {
    return validate(file, key, SPECS.get(key), raw, runSeed, resolved);
  }

  /** Validates a section declared by {@code specs}, fills its defaults into {@code resolved} under {@code key}. */
  static Section validate(String file, String key, ParamList specs, Object raw, long runSeed, Map<String, Object> resolved) {
    List<String> names = specs.names();
    if (raw == null || raw instanceof Boolean b && b) raw = Map.of(); // `hierarchy: {}` or `hierarchy: true`: all defaults
    if (!(raw instanceof Map<?, ?> map)) {
      throw ConfigException.at(file, key, ConfigText.show(raw) + " — allowed: a mapping of " + String.join(", ", names) + " (or {} for the defaults)");
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String k = String.valueOf(e.getKey());
      if (!names.contains(k)) throw ConfigException.at(file, key + "." + k, "unknown key for " + key + " — allowed keys: " + String.join(", ", names));
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParamSpec p : specs) {
      Object v = map.get(p.name());
      if (map.containsKey(p.name()) && v == null) throw ConfigException.at(file, key + "." + p.name(), "empty value — allowed: " + p.allowedText());
      try {
        v = v == null ? p.defaultValue() : p.coerce(v);
      } catch (ParameterException e) {
        throw ConfigException.at(file, key, e);
      }
      values.put(p.name(), v);
    }
    resolved.put(key, new LinkedHashMap<>(values));
    return new Section(key, new Params(values), Seeds.derive(runSeed, key));
  }

  /** Every section key. */
  static List<String> keys() {
    return new ArrayList<>(SPECS.keySet());
  }
}
