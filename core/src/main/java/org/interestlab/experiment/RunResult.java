package org.interestlab.experiment;

import java.nio.file.Path;
import java.util.Map;

/**
 * A finished run: its folder and its metrics, as written to {@code metrics.json}.
 *
 * @param metrics component → metric → value, clusterer first, then recommenders in config order
 */
public record RunResult(Path directory, Map<String, Map<String, Double>> metrics, Map<String, Object> metricsJson) {}
