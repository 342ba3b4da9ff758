package org.interestlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lab run} on a sweep writes, besides one run folder per point, a folder with {@code
 * summary.csv}: one row per point and recommender, and for each recommender exactly one row marked
 * best — the one with the highest validation value, whatever the test values say.
 */
class SweepCliTest {
  @TempDir Path tmp;

  @BeforeAll
  static void root() {
    LabCliTest.locateRoot();
  }

  @Test
  void aSweepWritesItsSummaryWithTheBestPointByValidation() throws IOException {
    Path config = tmp.resolve("grid.yaml");
    Files.writeString(config, """
        name: grid
        seed: 5
        dataset: { source: synthetic-interests }
        split: { kind: ratio, train_ratio: 0.75 }
        profile: { kind: mean }
        encoder: { kind: tfidf, dimension: 16 }
        clusterer: { kind: kmeans, k: 4 }
        recommenders:
          - { kind: cluster-popular }
          - { kind: item-knn, select: { neighbours: { from: 5, to: 50, points: 2 } } }
        metrics: [ndcg@10]
        validation: { metric: ndcg@10, share: 0.2 }
        sweep:
          clusterer.k: [2, 8]
        """);
    Path runs = tmp.resolve("runs");
    LabCliTest.Result r = LabCliTest.lab("run", config.toString(), "--runs-dir", runs.toString(), "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("sweep summary: ").contains("best point per recommender marked by its validation value");

    List<Path> summaries;
    try (Stream<Path> s = Files.list(runs)) {
      summaries = s.filter(p -> p.getFileName().toString().matches("\\d{8}T\\d{6}Z-grid-sweep-[0-9a-f]{8}-\\d+")).toList();
    }
    assertThat(summaries).hasSize(1);
    List<String> lines = Files.readAllLines(summaries.get(0).resolve("summary.csv"));
    assertThat(lines.get(0)).isEqualTo("variant,clusterer.k,component,validation ndcg@10,ndcg@10,run,best");
    List<String[]> rows = lines.stream().skip(1).map(l -> l.split(",")).toList();
    assertThat(rows).hasSize(4);
    for (String recommender : List.of("cluster-popular", "item-knn")) {
      List<String[]> mine = rows.stream().filter(c -> c[2].equals(recommender)).toList();
      assertThat(mine).extracting(c -> c[1]).containsExactly("2", "8");
      String[] best = mine.stream().max((a, b) -> Double.compare(Double.parseDouble(a[3]), Double.parseDouble(b[3]))).orElseThrow();
      for (String[] c : mine) assertThat(c[6]).as(Arrays.toString(c)).isEqualTo(c == best ? "true" : "false");
      // each row names the run folder it came from
      for (String[] c : mine) assertThat(runs.resolve(c[5]).resolve("metrics.json")).isRegularFile();
    }
  }
}
