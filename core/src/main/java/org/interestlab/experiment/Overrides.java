package org.interestlab.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --set key.path=value}: the value is read as a YAML scalar ({@code 8}, {@code 0.5},
 * {@code true}, {@code kmeans}); list elements are addressed by index ({@code recommenders.2.neighbours=20}).
 */
final class Overrides {
  private Overrides() {}

  static void apply(Map<String, Object> tree, String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) throw new ConfigException("--set: '" + override + "' — expected key.path=value, e.g. clusterer.k=8");
    set(tree, override.substring(0, eq).trim(), ParamValues.scalar(override.substring(eq + 1)), "--set " + override);
  }

  /** Puts {@code value} at a dotted key path, copying the maps and lists on the way (the tree may be shared). */
  @SuppressWarnings("unchecked")
  static void set(Map<String, Object> tree, String dottedPath, Object value, String override) {
    String[] path = dottedPath.split("\\.");
    Object node = tree;
    for (int i = 0; i < path.length; i++) {
      String key = path[i];
      boolean last = i == path.length - 1;
      if (node instanceof Map<?, ?> m) {
        Map<String, Object> map = (Map<String, Object>) m;
        if (last) {
          map.put(key, value);
        } else {
          Object next = map.get(key);
          if (next == null) {
            next = new LinkedHashMap<String, Object>();
            map.put(key, next);
          } else if (next instanceof Map<?, ?> nm) {
            next = new LinkedHashMap<>(nm); // the YAML tree may be immutable
            map.put(key, next);
          } else if (next instanceof List<?> nl) {
            next = new java.util.ArrayList<>(nl);
            map.put(key, next);
          }
          node = next;
        }
      } else if (node instanceof List<?> l) {
        List<Object> list = (List<Object>) l;
        int idx;
        try {
          idx = Integer.parseInt(key);
        } catch (NumberFormatException e) {
          throw new ConfigException(override + ": '" + key + "' is not a list index — allowed: 0.." + (list.size() - 1));
        }
        if (idx < 0 || idx >= list.size()) throw new ConfigException(override + ": index " + idx + " out of range — allowed: 0.." + (list.size() - 1));
        if (last) {
          list.set(idx, value);
        } else {
          Object next = list.get(idx);
          if (next instanceof Map<?, ?> nm) {
            next = new LinkedHashMap<>(nm);
            list.set(idx, next);
          }
          node = next;
        }
      } else {
        throw new ConfigException(override + ": '" + String.join(".", java.util.Arrays.copyOf(path, i)) + "' is not a mapping or list");
      }
    }
  }
}
