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
 */
public record ExperimentConfig(
    String file, String name, long seed, ComponentConfig dataset, ComponentConfig split, ComponentConfig profile,
    ComponentConfig encoder, ComponentConfig clusterer, List<ComponentConfig> recommenders, List<String> metrics,
    int topK, Map<String, Object> resolved) {

  public ExperimentConfig {
    recommenders = List.copyOf(recommenders);
    metrics = List.copyOf(metrics);
  }
}
