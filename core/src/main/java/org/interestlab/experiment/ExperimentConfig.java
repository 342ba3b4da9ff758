package org.interestlab.experiment;

import java.util.List;
import java.util.Map;

/**
 * A validated experiment config, every default filled in.
 *
 * @param file where it was read from (as the user named it)
 * @param clusterer {@code null} when the config has none
 * @param metrics metric names as written ({@code ndcg@10}, {@code ari}, ...), in config order
 * @param topK list length recommended to each user: the largest K among the metrics
 * @param resolved the config as a YAML tree with defaults filled (written to {@code config.yaml})
 * @param sections the optional analysis sections present ({@code hierarchy}, {@code dynamic}: see
 *     {@link ConfigSections}), by name, with their validated parameters
 * @param baseline the recommender every other one is compared with (paired tests, {@code
 *     significance.csv}), or null when the config names none
 */
public record ExperimentConfig(
    String file, String name, long seed, ComponentConfig dataset, ComponentConfig split, ComponentConfig profile,
    ComponentConfig encoder, ComponentConfig clusterer, List<ComponentConfig> recommenders, List<String> metrics,
    int topK, Map<String, Object> resolved, Map<String, ConfigSections.Section> sections, String baseline) {

  public ExperimentConfig {
    recommenders = List.copyOf(recommenders);
    metrics = List.copyOf(metrics);
    sections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sections));
  }

  /** The config without a baseline. */
  public ExperimentConfig(String file, String name, long seed, ComponentConfig dataset, ComponentConfig split,
      ComponentConfig profile, ComponentConfig encoder, ComponentConfig clusterer, List<ComponentConfig> recommenders,
      List<String> metrics, int topK, Map<String, Object> resolved, Map<String, ConfigSections.Section> sections) {
    this(file, name, seed, dataset, split, profile, encoder, clusterer, recommenders, metrics, topK, resolved, sections, null);
  }

  /** The config without analysis sections. */
  public ExperimentConfig(String file, String name, long seed, ComponentConfig dataset, ComponentConfig split,
      ComponentConfig profile, ComponentConfig encoder, ComponentConfig clusterer, List<ComponentConfig> recommenders,
      List<String> metrics, int topK, Map<String, Object> resolved) {
    this(file, name, seed, dataset, split, profile, encoder, clusterer, recommenders, metrics, topK, resolved, Map.of(), null);
  }

  /** An analysis section ({@code hierarchy}, {@code dynamic}), or null when the config has none. */
  public ConfigSections.Section section(String key) {
    return sections.get(key);
  }
}
