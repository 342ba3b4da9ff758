package org.interestlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code summary.csv} of a sweep: one row per point and component, swept values as columns, and for
 * each recommender the point with the best VALIDATION value marked — here deliberately not the one
 * with the best test value, so marking by test would fail.
 */
class SweepSummaryTest {
  static final String CONFIG = """
      name: grid
      dataset: { source: synthetic-interests }
      split: { kind: ratio, train_ratio: 0.75 }
      profile: { kind: mean }
      encoder: { kind: tfidf }
      clusterer: { kind: kmeans, k: 4 }
      recommenders:
        - { kind: cluster-popular }
        - { kind: most-popular }
      metrics: [ndcg@10]
      VALIDATION
      sweep:
        clusterer.k: [4, 8, 16]
      """;

  static List<ExperimentConfig> variants(boolean validation) {
    return new ConfigLoader(Registry.standard()).parseAll("grid.yaml",
        CONFIG.replace("VALIDATION", validation ? "validation: { metric: ndcg@10, share: 0.1 }" : ""), List.of());
  }

  /** A finished run with the given test and validation values per recommender. */
  static RunResult result(String folder, double popTest, double popValidation, double mpTest, double mpValidation) {
    Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
    metrics.put("cluster-popular", Map.of("ndcg@10", popTest));
    metrics.put("most-popular", Map.of("ndcg@10", mpTest));
    Map<String, Double> validation = new LinkedHashMap<>();
    validation.put("cluster-popular", popValidation);
    validation.put("most-popular", mpValidation);
    return new RunResult(Path.of("runs", folder), metrics, Map.of(), Map.of(), List.of(), validation);
  }

  @Test
  void oneRowPerPointAndRecommenderTheBestByValidationMarked() {
    List<RunResult> results = List.of(
        result("r4", 0.30, 0.20, 0.10, 0.05),
        result("r8", 0.25, 0.22, 0.10, 0.05),    // best cluster-popular on validation, not on test
        result("r16", 0.35, 0.21, 0.10, 0.05));  // most-popular ties everywhere: the first point wins
    assertThat(SweepSummary.csv(variants(true), results)).isEqualTo("""
        variant,clusterer.k,component,validation ndcg@10,ndcg@10,run,best
        grid-4,4,cluster-popular,0.2,0.3,r4,false
        grid-4,4,most-popular,0.05,0.1,r4,true
        grid-8,8,cluster-popular,0.22,0.25,r8,true
        grid-8,8,most-popular,0.05,0.1,r8,false
        grid-16,16,cluster-popular,0.21,0.35,r16,false
        grid-16,16,most-popular,0.05,0.1,r16,false
        """);
  }

  @Test
  void withoutValidationNothingIsMarked(@TempDir Path runs) throws Exception {
    List<RunResult> results = List.of(
        new RunResult(Path.of("runs", "a"), Map.of("most-popular", Map.of("ndcg@10", 0.5)), Map.of(), Map.of(), List.of(), Map.of()),
        new RunResult(Path.of("runs", "b"), Map.of("most-popular", Map.of("ndcg@10", 0.4)), Map.of(), Map.of(), List.of(), Map.of()),
        new RunResult(Path.of("runs", "c"), Map.of("most-popular", Map.of("ndcg@10", 0.6)), Map.of(), Map.of(), List.of(), Map.of()));
    String csv = SweepSummary.csv(variants(false), results);
    assertThat(csv.lines()).containsExactly(
        "variant,clusterer.k,component,validation,ndcg@10,run,best",
        "grid-4,4,most-popular,,0.5,a,false",
        "grid-8,8,most-popular,,0.4,b,false",
        "grid-16,16,most-popular,,0.6,c,false");

    Path folder = SweepSummary.write(runs, variants(false), results);
    assertThat(folder.getFileName().toString()).matches("\\d{8}T\\d{6}Z-grid-sweep-[0-9a-f]{8}-\\d+");
    assertThat(Files.readString(folder.resolve(SweepSummary.FILE))).isEqualTo(csv);
    try (var s = Files.list(runs)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
    }
  }
}
