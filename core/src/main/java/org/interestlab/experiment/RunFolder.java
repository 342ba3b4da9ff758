package org.interestlab.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.UserException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One finished run folder as read back: its id, its resolved config flattened to dotted keys
 * ({@code clusterer.k → "12"}, {@code recommenders.1.kind → "cluster-popular"}) and its
 * {@code metrics.json}. A folder without {@code metrics.json} or {@code config.yaml} is not a run: a
 * {@link UserException}.
 *
 * <pre>{@code
 * RunFolder r = RunFolder.read(Path.of("experiments/runs/20261203T120000Z-quickstart-c500a142-1"), "quickstart-run");
 * String k = r.config().get("clusterer.k");   // "12"
 * }</pre>
 *
 * @param folder where the run lives
 * @param id the run's name in tables (the folder's path below the folder that was loaded)
 * @param config the resolved config, dotted key → value as YAML prints it, in file order
 * @param metrics {@code metrics.json} as maps, lists, numbers and strings
 */
public record RunFolder(Path folder, String id, Map<String, String> config, Map<String, Object> metrics) {
  public static final String METRICS = "metrics.json";
  public static final String CONFIG = "config.yaml";

  public RunFolder {
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** Whether this folder looks like a finished run (it has metrics.json and config.yaml). */
  public static boolean isRun(Path folder) {
    return Files.isRegularFile(folder.resolve(METRICS)) && Files.isRegularFile(folder.resolve(CONFIG));
  }

  public static RunFolder read(Path folder, String id) {
    if (!isRun(folder)) throw new UserException(folder + ": not a run folder (it needs " + METRICS + " and " + CONFIG + ")");
    Map<String, String> config;
    try (Reader in = Files.newBufferedReader(folder.resolve(CONFIG), StandardCharsets.UTF_8)) {
      config = flatten(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
    } catch (IOException e) {
      throw new UserException(folder.resolve(CONFIG) + ": cannot read (" + e.getMessage() + ")");
    } catch (RuntimeException e) {
      throw new UserException(folder.resolve(CONFIG) + ": not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    Map<String, Object> metrics;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = new ObjectMapper().readValue(folder.resolve(METRICS).toFile(), LinkedHashMap.class);
      metrics = m;
    } catch (IOException e) {
      throw new UserException(folder.resolve(METRICS) + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    return new RunFolder(folder, id, config, metrics);
  }

  /** The config's {@code name}. */
  public String name() {
    return config.getOrDefault("name", folder.getFileName().toString());
  }

  /** A file of the run, or null when the run did not write it. */
  public Path file(String name) {
    Path p = folder.resolve(name);
    return Files.isRegularFile(p) ? p : null;
  }

  /**
   * A config tree as dotted keys, the paths {@code --set} takes ({@code clusterer.k},
   * {@code recommenders.1.lambda}); a list of plain values is one entry, joined by ", ".
   */
  static Map<String, String> flatten(Object tree) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", tree, out);
    return out;
  }

  private static void flatten(String prefix, Object node, Map<String, String> out) {
    if (node instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(), out);
    } else if (node instanceof List<?> l && l.stream().anyMatch(x -> x instanceof Map || x instanceof List)) {
      for (int i = 0; i < l.size(); i++) flatten(prefix + "." + i, l.get(i), out);
    } else if (node instanceof List<?> l) {
      out.put(prefix, String.join(", ", l.stream().map(String::valueOf).toList()));
    } else if (!prefix.isEmpty()) {
      out.put(prefix, node == null ? "" : String.valueOf(node));
    }
  }
}
