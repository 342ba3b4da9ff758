package org.interestlab.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.interestlab.eval.ConfidenceInterval;

/**
 * A finished run: its folder and its metrics, as written to {@code metrics.json}.
 *
 * @param metrics component → metric → value, clusterer first, then recommenders in config order
 * @param intervals recommender → per-user metric → 95% bootstrap interval over users
 * @param comparisons the paired comparisons with the config's baseline (empty without one), as in
 *     {@code significance.csv}
 * @param validation recommender → its validation value (the chosen candidate's) by the {@code
 *     validation:} metric, as in {@code selection.csv}; empty when the config has no validation
 */
public record RunResult(Path directory, Map<String, Map<String, Double>> metrics, Map<String, Object> metricsJson,
    Map<String, Map<String, ConfidenceInterval>> intervals, List<PairedComparison> comparisons, Map<String, Double> validation) {
  public RunResult {
    intervals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(intervals));
    comparisons = List.copyOf(comparisons);
    validation = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(validation));
  }
}
