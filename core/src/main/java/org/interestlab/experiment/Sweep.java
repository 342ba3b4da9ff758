package org.interestlab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid over config values: {@code sweep: { encoder: [{kind: tfidf}, {kind: minilm-l6}], clusterer.k: [8, 12] }}
 * runs every combination (here four), each a complete config validated on its own and written to
 * its own run folder named {@code <name>-<variant>}. Keys are dotted paths as in {@code --set};
 * values replace what the config has there. A sweep has at most {@value #MAX_VARIANTS} variants,
 * counted before any is built.
 */
final class Sweep {
  /** Most combinations a sweep may have: each is a complete run, and all are validated before the first. */
  static final int MAX_VARIANTS = 1000;

  private Sweep() {}

  /** One combination: a label such as {@code encoder=minilm-l6,clusterer.k=8} and the values to set. */
  record Variant(String label, Map<String, Object> values) {}

  static List<Variant> variants(String file, Object raw) {
    if (!(raw instanceof Map<?, ?> m) || m.isEmpty()) {
      throw ConfigException.at(file, "sweep", ConfigText.show(raw) + " — allowed: a mapping of key paths to lists of values, e.g. { clusterer.k: [8, 12] }");
    }
    double count = 1;
    for (Object values : m.values()) if (values instanceof List<?> l) count *= Math.max(1, l.size());
    if (count > MAX_VARIANTS) {
      throw ConfigException.at(file, "sweep", String.format(java.util.Locale.ROOT, "%.0f", count)
          + " combinations — allowed: at most " + MAX_VARIANTS + " (split the sweep into several configs)");
    }
    List<Variant> out = new ArrayList<>();
    out.add(new Variant("", new LinkedHashMap<>()));
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String path = String.valueOf(e.getKey());
      if (path.startsWith("sweep") || path.equals("name")) {
        throw ConfigException.at(file, "sweep." + path, "cannot be swept");
      }
      if (!(e.getValue() instanceof List<?> values) || values.isEmpty()) {
        throw ConfigException.at(file, "sweep." + path, ConfigText.show(e.getValue()) + " — allowed: a non-empty list of values");
      }
      List<Variant> next = new ArrayList<>();
      for (Variant v : out) {
        for (Object value : values) {
          Map<String, Object> vals = new LinkedHashMap<>(v.values());
          vals.put(path, value);
          String part = path + "=" + label(value);
          next.add(new Variant(v.label().isEmpty() ? part : v.label() + "," + part, vals));
        }
      }
      out = next;
    }
    return out;
  }

  /** A short name for a swept value: a component's name or kind, else the value itself. */
  static String label(Object value) {
    if (value instanceof Map<?, ?> m) {
      Object n = m.get("name");
      if (n == null) n = m.get("kind");
      if (n == null) n = m.get("source");
      return String.valueOf(n);
    }
    return String.valueOf(value);
  }

  /** The variant's suffix for run names: letters, digits, '.', '_', '-' only. */
  static String suffix(Variant v) {
    StringBuilder sb = new StringBuilder();
    for (Object value : v.values().values()) {
      if (sb.length() > 0) sb.append('-');
      sb.append(label(value).replaceAll("[^A-Za-z0-9._-]", "_"));
    }
    return sb.toString();
  }
}
