package org.interestlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.interestlab.data.Interaction;
import org.interestlab.data.RatioSplit;
import org.interestlab.data.Split;
import org.interestlab.data.Splitter;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.ParamSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameters listed in a config are chosen on validation data carved from the training part, and
 * the choice never depends on the test part: two runs whose splits share the training part but not
 * the test part choose identically (same selection.csv byte for byte) while their test metrics
 * differ.
 */
class SelectionTest {
  static final String CONFIG = """
      name: select
      seed: 3
      dataset: { source: synthetic-interests }
      split: { kind: ratio-test-halved, halve: HALVE }
      profile: { kind: mean }
      encoder: { kind: tfidf, dimension: 16 }
      recommenders:
        - { kind: most-popular }
        - { kind: item-knn, neighbours: [1, 20, 300] }
      metrics: [recall@10, ndcg@10]
      validation: { metric: ndcg@10, share: 0.2 }
      """;

  /** A per-user ratio split whose test part, with {@code halve}, keeps every second test interaction. */
  record RatioTestHalved(RatioSplit inner, boolean halve) implements Splitter {
    @Override
    public Split split(org.interestlab.data.Dataset d) {
      Split s = inner.split(d);
      if (!halve) return s;
      List<Interaction> kept = new ArrayList<>();
      for (int i = 0; i < s.test().interactions().size(); i += 2) kept.add(s.test().interactions().get(i));
      return new Split(s.train(), s.test().withInteractions(kept, List.of()));
    }

    @Override
    public Splitter forValidation(double share) {
      return inner.forValidation(share);
    }
  }

  static Registry registry;

  @BeforeAll
  static void register() {
    registry = Registry.standard();
    registry.register(Stage.SPLIT, new ComponentSpec<Splitter>("ratio-test-halved", "test split for selection",
        ParamList.of(ParamSpec.bool("halve", false, "")), (p, seed) -> new RatioTestHalved(new RatioSplit(0.75, seed), p.getBool("halve"))));
  }

  static RunResult run(boolean halve, Path runs) {
    ExperimentConfig c = new ConfigLoader(registry).parse("select.yaml", CONFIG.replace("HALVE", String.valueOf(halve)), List.of());
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    return new Runner(registry, Path.of(".."), runs, quiet).run(c);
  }

  @Test
  void theChoiceDependsOnTheTrainingPartOnly(@TempDir Path tmp) throws IOException {
    RunResult full = run(false, tmp.resolve("full"));
    RunResult halved = run(true, tmp.resolve("halved"));
    String selection = Files.readString(full.directory().resolve("selection.csv"));
    assertThat(Files.readString(halved.directory().resolve("selection.csv"))).isEqualTo(selection);
    assertThat(halved.metricsJson().get("selected")).isEqualTo(full.metricsJson().get("selected"));
    // The test parts really differ: so do the test metrics.
    assertThat(halved.metrics().get("item-knn")).isNotEqualTo(full.metrics().get("item-knn"));

    // One row per candidate, exactly one chosen: the best validation value, the first on ties. A
    // recommender without listed values has its one row, scored on validation too.
    assertThat(selection.lines().skip(1).filter(r -> r.startsWith("most-popular,0,,")).toList()).singleElement().asString().endsWith(",true");
    List<String> rows = selection.lines().skip(1).filter(r -> r.startsWith("item-knn,")).toList();
    assertThat(rows).hasSize(3);
    double best = Double.NEGATIVE_INFINITY;
    int bestRow = -1;
    for (int i = 0; i < rows.size(); i++) {
      double v = Double.parseDouble(rows.get(i).split(",")[3]);
      if (v > best) {
        best = v;
        bestRow = i;
      }
    }
    for (int i = 0; i < rows.size(); i++) assertThat(rows.get(i)).endsWith(i == bestRow ? ",true" : ",false");
    int chosen = List.of(1, 20, 300).get(bestRow);
    assertThat(full.metricsJson().get("selected")).isEqualTo(Map.of("item-knn", Map.of("neighbours", chosen)));
    assertThat(Files.readString(full.directory().resolve("config.yaml"))).contains("  neighbours:\n  - 1\n  - 20\n  - 300\n");
    assertThat(full.validation()).containsOnlyKeys("most-popular", "item-knn");
    assertThat(full.validation().get("item-knn")).isCloseTo(best, org.assertj.core.api.Assertions.within(1e-9));
  }
}
