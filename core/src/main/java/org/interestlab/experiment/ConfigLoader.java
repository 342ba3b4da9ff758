package org.interestlab.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.interestlab.UserException;
import org.interestlab.eval.MetricDefinition;
import org.interestlab.eval.MetricRegistry;
import org.interestlab.eval.MetricSpec;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamSpec;
import org.interestlab.params.Params;
import org.interestlab.profile.ItemDocuments;
import org.interestlab.recommend.Recommender;

/**
 * Reads an experiment YAML file, applies {@code --set key.path=value} overrides, and validates every
 * key against the {@link Registry} before any work starts: unknown keys, wrong types, out-of-range
 * values and unknown kinds each end in one {@link ConfigException} naming the file, the key path,
 * the bad value and what is allowed.
 *
 * <pre>{@code
 * ExperimentConfig c = new ConfigLoader(Registry.standard()).load(Path.of("experiments/configs/quickstart.yaml"), List.of("clusterer.k=8"));
 * }</pre>
 */
public final class ConfigLoader {
  static final List<String> TOP_LEVEL = List.of(
      "name", "description", "seed", "dataset", "split", "profile", "encoder", "clusterer", "hierarchy", "dynamic", "recommenders",
      "baseline", "metrics", "validation", "item_documents", "outputs", "sweep");
  /** Most candidate combinations one recommender may list (each is fitted once on validation). */
  static final int MAX_CANDIDATES = 1000;
  /** The cutoff when no metric names one. */
  public static final int DEFAULT_TOP_K = 10;
  private static final List<String> REQUIRED = List.of("name", "dataset", "encoder", "profile", "recommenders", "metrics");
  /** With a {@code hierarchy:} or {@code dynamic:} section a run may evaluate no recommender. */
  private static final List<String> REQUIRED_WITHOUT_RECOMMENDERS = List.of("recommenders", "metrics");

  private final Registry registry;

  public ConfigLoader(Registry registry) {
    this.registry = registry;
  }

  /** Loads a config without a {@code sweep:}; see {@link #loadAll} for sweeps. */
  public ExperimentConfig load(Path file, List<String> overrides) {
    List<ExperimentConfig> all = loadAll(file, overrides);
    if (all.size() != 1) throw new ConfigException(file + ": sweep: this config has " + all.size() + " variants — run it with loadAll");
    return all.get(0);
  }

  /**
   * Loads a config; with a {@code sweep:} section, one validated config per combination of the
   * swept values (see {@link Sweep}), in grid order.
   */
  public List<ExperimentConfig> loadAll(Path file, List<String> overrides) {
    String shown = file.toString();
    String text;
    try {
      if (Files.isDirectory(file)) throw new ConfigException(shown + ": is a folder — give a config file such as experiments/configs/quickstart.yaml");
      long size = Files.size(file);
      // Refused before reading: parsing time grows quickly with the size of one value.
      if (size > ConfigYamlReader.MAX_CHARS) throw ConfigYamlReader.tooLarge(shown, size);
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(shown + ": no such config file");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new ConfigException(shown + ": not UTF-8 text — save the config as UTF-8");
    } catch (IOException e) {
      throw new ConfigException(shown + ": cannot read — " + org.interestlab.compute.AtomicFiles.reason(e));
    }
    return parseAll(shown, text, overrides);
  }

  /** Parses config text without a sweep; {@code file} is used in messages only. */
  public ExperimentConfig parse(String file, String text, List<String> overrides) {
    List<ExperimentConfig> all = parseAll(file, text, overrides);
    if (all.size() != 1) throw new ConfigException(file + ": sweep: this config has " + all.size() + " variants — run it with parseAll");
    return all.get(0);
  }

  /** Parses config text, expanding a {@code sweep:} section into one config per variant. */
  public List<ExperimentConfig> parseAll(String file, String text, List<String> overrides) {
    Object root = ConfigYamlReader.read(file, text);
    if (root == null) root = new LinkedHashMap<String, Object>();
    if (!(root instanceof Map)) throw new ConfigException(file + ": the config must be a mapping of keys (name, seed, dataset, …)");
    Map<String, Object> tree = copyMap(asMap(root));
    for (String o : overrides) Overrides.apply(tree, o);
    Object sweep = tree.remove("sweep");
    if (sweep == null) return List.of(validate(file, tree));
    List<ExperimentConfig> out = new ArrayList<>();
    for (Sweep.Variant v : Sweep.variants(file, sweep)) {
      Map<String, Object> copy = copyMap(tree);
      v.values().forEach((path, value) -> Overrides.set(copy, path, value, "sweep." + path));
      if (copy.get("name") instanceof String n) copy.put("name", n + "-" + Sweep.suffix(v));
      out.add(validate(file, copy));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  private static Map<String, Object> copyMap(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), e.getValue());
    return out;
  }

  private ExperimentConfig validate(String file, Map<String, Object> tree) {
    for (String key : tree.keySet()) {
      if (!TOP_LEVEL.contains(key)) throw ConfigException.at(file, key, "unknown key — allowed keys: " + String.join(", ", TOP_LEVEL));
    }
    boolean hasAnalysis = ConfigSections.keys().stream().anyMatch(tree::containsKey);
    for (String key : REQUIRED) {
      if (hasAnalysis && REQUIRED_WITHOUT_RECOMMENDERS.contains(key) && !tree.containsKey(key)) continue;
      if (tree.get(key) == null) throw ConfigException.at(file, key, "missing — this key is required");
    }
    Object nameRaw = tree.get("name");
    if (!(nameRaw instanceof String name) || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}")) {
      throw ConfigException.at(file, "name", ConfigText.show(nameRaw) + " — allowed: letters, digits, '.', '_', '-' (1–80 characters)");
    }
    Object seedRaw = tree.getOrDefault("seed", 42);
    if (!(seedRaw instanceof Integer || seedRaw instanceof Long)) {
      throw ConfigException.at(file, "seed", ConfigText.show(seedRaw) + " is not an integer — allowed: an integer");
    }
    long seed = ((Number) seedRaw).longValue();
    Object description = tree.get("description");
    if (description != null && !(description instanceof String)) {
      throw ConfigException.at(file, "description", ConfigText.show(description) + " is not a string — allowed: a string");
    }

    Map<String, Object> resolved = new LinkedHashMap<>();
    resolved.put("name", name);
    if (description != null) resolved.put("description", description);
    resolved.put("seed", seed);

    ComponentConfig dataset = component(file, Stage.DATASET, "dataset", tree.get("dataset"), seed, resolved);
    ComponentConfig split = component(file, Stage.SPLIT, "split",
        tree.getOrDefault("split", Map.of("kind", "temporal")), seed, resolved);
    ComponentConfig profile = component(file, Stage.PROFILE, "profile", tree.get("profile"), seed, resolved);
    ComponentConfig encoder = component(file, Stage.ENCODER, "encoder", tree.get("encoder"), seed, resolved);
    ComponentConfig clusterer = tree.get("clusterer") == null ? null
        : component(file, Stage.CLUSTERER, "clusterer", tree.get("clusterer"), seed, resolved);
    Map<String, ConfigSections.Section> sections = new LinkedHashMap<>();
    // Only when written, so configs without it keep their resolved text (and hash).
    if (tree.containsKey(ItemDocuments.KEY)) {
      sections.put(ItemDocuments.KEY, ConfigSections.validate(file, ItemDocuments.KEY, ItemDocuments.PARAMS, tree.get(ItemDocuments.KEY), seed, resolved));
    }
    for (String key : ConfigSections.keys()) {
      if (tree.containsKey(key)) sections.put(key, ConfigSections.validate(file, key, tree.get(key), seed, resolved));
    }

    Object recsRaw = hasAnalysis && !tree.containsKey("recommenders") ? List.of() : tree.get("recommenders");
    if (!(recsRaw instanceof List<?> recList) || recList.isEmpty() && !hasAnalysis) {
      throw ConfigException.at(file, "recommenders", ConfigText.show(recsRaw) + " — allowed: a non-empty list of { kind: … } ("
          + String.join(", ", registry.kinds(Stage.RECOMMENDER)) + ")");
    }
    List<ComponentConfig> recommenders = new ArrayList<>();
    List<Object> resolvedRecs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < recList.size(); i++) {
      String path = "recommenders[" + i + "]";
      Map<String, Object> out = new LinkedHashMap<>();
      ComponentConfig rc = component(file, Stage.RECOMMENDER, path, recList.get(i), seed, out);
      if (reservedNames(clusterer).contains(rc.name())) {
        throw ConfigException.at(file, path + ".name", "'" + rc.name() + "' is the name of the clusterer or an analysis section, whose "
            + "metrics are reported under it — give the recommender another name: …");
      }
      if (!names.add(rc.name())) {
        throw ConfigException.at(file, path + ".name", "'" + rc.name() + "' is used twice — give each recommender a distinct name: …");
      }
      recommenders.add(rc);
      resolvedRecs.add(out.get(path));
      if (clusterer == null && rc.create(registry, Recommender.class).needsClusters()) {
        throw ConfigException.at(file, path + ".kind", "'" + rc.kind() + "' needs user clusters — add a clusterer: { kind: … } section");
      }
    }
    resolved.put("recommenders", resolvedRecs);
    String baseline = baseline(file, tree.get("baseline"), recommenders);
    if (baseline != null) resolved.put("baseline", baseline);

    Object metricsRaw = hasAnalysis && !tree.containsKey("metrics") ? List.of() : tree.get("metrics");
    if (!(metricsRaw instanceof List<?> metricList) || metricList.isEmpty() && !hasAnalysis) {
      throw ConfigException.at(file, "metrics", ConfigText.show(metricsRaw) + " — allowed: a non-empty list of metric names such as ndcg@10, ari");
    }
    List<String> metrics = new ArrayList<>();
    int topK = 0;
    for (int i = 0; i < metricList.size(); i++) {
      Object m = metricList.get(i);
      String path = "metrics[" + i + "]";
      if (!(m instanceof String s)) {
        throw ConfigException.at(file, path, ConfigText.show(m) + " is not a metric name — allowed: " + String.join(", ", MetricSpec.allowedNames()));
      }
      MetricSpec spec;
      try {
        spec = MetricSpec.parse(s);
      } catch (UserException e) {
        throw ConfigException.at(file, path, e.getMessage());
      }
      if (spec.kind().needsClusters() && clusterer == null) {
        throw ConfigException.at(file, path, "'" + s + "' is a clustering metric but the config has no clusterer");
      }
      if (metrics.contains(spec.name())) throw ConfigException.at(file, path, "'" + s + "' is listed twice");
      metrics.add(spec.name());
      if (spec.k().isPresent()) topK = Math.max(topK, spec.k().getAsInt());
    }
    // Metrics written without @K use the run's cutoff: the largest K named, else 10.
    if (topK == 0) topK = DEFAULT_TOP_K;
    resolved.put("metrics", metrics);
    if (tree.containsKey(SelectionSettings.KEY) || recommenders.stream().anyMatch(ComponentConfig::selects)) {
      sections.put(SelectionSettings.KEY, selection(file, tree.get(SelectionSettings.KEY), metrics, seed, resolved));
    }
    RunOutputs.validate(file, tree.get(RunOutputs.KEY), resolved);
    return new ExperimentConfig(file, name, seed, dataset, split, profile, encoder, clusterer, recommenders, metrics, topK, resolved, sections, baseline);
  }

  /** The {@code baseline:} recommender's name, checked against the config's recommenders; null when absent. */
  private static String baseline(String file, Object raw, List<ComponentConfig> recommenders) {
    if (raw == null) return null;
    List<String> names = recommenders.stream().map(ComponentConfig::name).toList();
    if (!(raw instanceof String s) || !names.contains(s)) {
      throw ConfigException.at(file, "baseline", ConfigText.show(raw) + " is not one of the config's recommenders — allowed: "
          + (names.isEmpty() ? "none (the config has no recommenders)" : String.join(", ", names)));
    }
    return s;
  }

  /** The {@code validation:} section, its metric defaulting to the config's first per-user metric. */
  private static ConfigSections.Section selection(String file, Object raw, List<String> metrics, long seed, Map<String, Object> resolved) {
    ConfigSections.Section s = ConfigSections.validate(file, SelectionSettings.KEY, SelectionSettings.PARAMS, raw, seed, resolved);
    String metric = s.params().getString("metric");
    List<String> perUser = metrics.stream().filter(m -> MetricSpec.parse(m).isPerUser()).toList();
    if (metric.isEmpty()) {
      if (perUser.isEmpty()) {
        throw ConfigException.at(file, SelectionSettings.KEY + ".metric", "no per-user metric in metrics: to choose by — add one such as ndcg@10");
      }
      metric = perUser.get(0);
    } else {
      MetricSpec spec;
      try {
        spec = MetricSpec.parse(metric);
      } catch (UserException e) {
        throw ConfigException.at(file, SelectionSettings.KEY + ".metric", e.getMessage());
      }
      if (!spec.isPerUser()) {
        throw ConfigException.at(file, SelectionSettings.KEY + ".metric", "'" + metric + "' is not a per-user metric — allowed: "
            + String.join(", ", MetricRegistry.standard().allowedNames(MetricDefinition::isPerUser)));
      }
      metric = spec.name();
    }
    Map<String, Object> values = new LinkedHashMap<>(s.params().values());
    values.put("metric", metric);
    resolved.put(SelectionSettings.KEY, new LinkedHashMap<>(values));
    return new ConfigSections.Section(SelectionSettings.KEY, new Params(values), s.seed());
  }

  /** Names results are already reported under: the clusterer's kind and the analysis sections. */
  private static Set<String> reservedNames(ComponentConfig clusterer) {
    Set<String> reserved = new HashSet<>(ConfigSections.keys());
    if (clusterer != null) reserved.add(clusterer.kind());
    return reserved;
  }

  /**
   * Validates a single component section exactly as a config section is validated (kind,
   * parameter names, types, ranges, defaults), for commands that build one component from
   * command-line options. {@code source} names where the values came from in error messages.
   */
  public ComponentConfig component(String source, Stage stage, String path, Map<String, Object> section, long seed) {
    return component(source, stage, path, section, seed, new LinkedHashMap<>());
  }

  /** Validates one component section, fills its defaults into {@code resolved} under {@code path}. */
  private ComponentConfig component(String file, Stage stage, String path, Object raw, long runSeed, Map<String, Object> resolved) {
    String kindKey = stage.kindKey();
    List<String> kinds = registry.kinds(stage);
    if (raw instanceof String s) raw = Map.of(kindKey, s); // shorthand: `split: temporal`
    if (!(raw instanceof Map<?, ?> rawMap)) {
      throw ConfigException.at(file, path, ConfigText.show(raw) + " — allowed: a mapping { " + kindKey + ": " + String.join(" | ", kinds) + ", … }");
    }
    Map<String, Object> section = copyMap(rawMap);
    Object kindRaw = section.get(kindKey);
    if (kindRaw == null) throw ConfigException.at(file, path + "." + kindKey, "missing — allowed: " + String.join(", ", kinds));
    String kind = String.valueOf(kindRaw);
    ComponentSpec<?> spec = registry.spec(stage, kind);
    if (spec == null) {
      throw ConfigException.at(file, path + "." + kindKey, "'" + kind + "' is not known — allowed: " + String.join(", ", kinds) + languageHint(kinds, kind));
    }

    boolean named = stage == Stage.RECOMMENDER;
    Map<String, Object> given = new LinkedHashMap<>();
    Map<String, List<Object>> selectBlock = named && section.containsKey(SelectBlock.KEY)
        ? SelectBlock.expand(file, path, section.get(SelectBlock.KEY), spec, kind) : Map.of();
    for (Map.Entry<String, Object> e : section.entrySet()) {
      String key = e.getKey();
      if (key.equals(kindKey) || (named && (key.equals("name") || key.equals(SelectBlock.KEY)))) continue;
      if (selectBlock.containsKey(key)) {
        throw ConfigException.at(file, path + "." + key, "given both here and in " + SelectBlock.KEY + ": — allowed: one of the two");
      }
      ParamSpec p = spec.param(key);
      if (p == null) {
        List<String> allowed = new ArrayList<>(spec.paramNames());
        allowed.add(0, kindKey);
        if (named) allowed.add(1, "name");
        if (named) allowed.add(SelectBlock.KEY);
        throw ConfigException.at(file, path + "." + key, "unknown key for " + kindKey + " '" + kind + "' — allowed keys: " + String.join(", ", allowed));
      }
      if (e.getValue() == null) throw ConfigException.at(file, path + "." + key, "empty value — allowed: " + p.allowedText());
      if (p.type() == ParamSpec.Type.COMPONENTS) nestedSections(file, path + "." + key, e.getValue(), kind);
      given.put(key, e.getValue());
    }
    given.putAll(selectBlock);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(kindKey, kind);
    String name = kind;
    if (named && section.get("name") != null) {
      Object n = section.get("name");
      if (!(n instanceof String s) || !s.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}")) {
        throw ConfigException.at(file, path + ".name", ConfigText.show(n) + " — allowed: letters, digits, '.', '_', '-'");
      }
      name = s;
    }
    if (named) out.put("name", name);
    List<Params> candidates = candidates(spec, given, file, path, named);
    Params params = candidates.get(0);
    out.putAll(params.values());
    // A listed parameter is written as its list of validated values.
    given.forEach((key, v) -> {
      if (v instanceof List<?> && spec.param(key).type() != ParamSpec.Type.COMPONENTS) {
        out.put(key, candidates.stream().map(c -> c.values().get(key)).distinct().toList());
      }
    });
    resolved.put(path, out);
    long seed = Seeds.derive(runSeed, named ? "recommender:" + name : stage.key());
    return new ComponentConfig(stage, kind, name, params, seed, candidates);
  }

  /**
   * Checks the recommender sections nested in a component ({@code components: [{kind: …}, …]}) as top-level ones,
   * so a bad nested value is reported with its full key path when the config is loaded. A composite may not nest
   * its own kind.
   */
  private void nestedSections(String file, String path, Object raw, String outerKind) {
    if (!(raw instanceof List<?> sections)) return; // the parameter's own check names the problem
    for (int j = 0; j < sections.size(); j++) {
      String at = path + "[" + j + "]";
      if (sections.get(j) instanceof Map<?, ?> m && outerKind.equals(m.get(Stage.RECOMMENDER.kindKey()))) {
        throw ConfigException.at(file, at + "." + Stage.RECOMMENDER.kindKey(), "'" + outerKind + "' inside " + outerKind
            + " — allowed: any other recommender");
      }
      component(file, Stage.RECOMMENDER, at, sections.get(j), 0L, new LinkedHashMap<>());
    }
  }

  /** A recommender section nested in another component, validated as a top-level one; its seed derives from {@code seed}. */
  ComponentConfig nested(String path, Object raw, long seed) {
    return component("config", Stage.RECOMMENDER, path, raw, seed, new LinkedHashMap<>());
  }

  /** {@code synthetic-interests-zh} is listed as a dataset but is a language of {@code synthetic-interests}: say how to write it. */
  private static String languageHint(List<String> kinds, String kind) {
    for (String k : kinds) {
      String rest = kind.startsWith(k + "-") ? kind.substring(k.length() + 1) : "";
      if (rest.matches("[a-z]{2}")) return " ('" + kind + "' is written { source: " + k + ", language: " + rest + " })";
    }
    return "";
  }

  /**
   * The validated parameters of every combination of listed values, in declaration order (the
   * last declared parameter varies fastest). Only recommenders may list values: they are chosen on
   * validation. Elsewhere a list is validated as the single value it is (and rejected).
   */
  private static List<Params> candidates(ComponentSpec<?> spec, Map<String, Object> given, String file, String path, boolean listsAllowed) {
    List<Map<String, Object>> grid = new ArrayList<>();
    grid.add(new LinkedHashMap<>(given));
    if (listsAllowed) {
      for (String key : spec.paramNames()) {
        if (!(given.get(key) instanceof List<?> values) || spec.param(key).type() == ParamSpec.Type.COMPONENTS) continue;
        if (values.isEmpty()) {
          throw ConfigException.at(file, path + "." + key, "[] — allowed: one value, or a non-empty list of values to choose from on validation");
        }
        List<Map<String, Object>> next = new ArrayList<>();
        for (Map<String, Object> g : grid) {
          for (Object v : values) {
            Map<String, Object> m = new LinkedHashMap<>(g);
            m.put(key, v);
            next.add(m);
          }
        }
        grid = next;
      }
      if (grid.size() > MAX_CANDIDATES) {
        throw ConfigException.at(file, path, grid.size() + " combinations of listed values — allowed: at most " + MAX_CANDIDATES);
      }
    }
    List<Params> out = new ArrayList<>();
    for (Map<String, Object> g : grid) out.add(ParamValues.resolve(spec, g, file, path));
    return out;
  }
}
