package org.interestlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cold-start run end to end on the bundled synthetic data (items with text, TF-IDF vectors): the
 * held-out items reach no model through interactions, so popularity — which scores every warm item at
 * least 1 and every held-out item 0, and leaves every user more than ten unseen warm items — lists no
 * held-out item and scores exactly 0; the models reading text find them.
 */
class ColdStartRunTest {
  static final String CONFIG = """
      name: cold
      seed: 5
      dataset: { source: synthetic-interests }
      split: { kind: held-out-items, share: 0.2 }
      profile: { kind: mean }
      encoder: { kind: tfidf, dimension: 32 }
      clusterer: { kind: kmeans, k: 4 }
      recommenders:
        - { kind: most-popular }
        - { kind: item-knn, neighbours: 50 }
        - { kind: content-knn }
        - { kind: learned-hybrid, lambda: 100, content_weight: 64 }
        - { kind: cluster-hybrid, lambda: 100, popularity_weight: 0, centroid_weight: 64 }
      metrics: [ndcg@10, hitrate@10]
      """;

  @Test
  void collaborativeModelsFindNoHeldOutItemAndTextModelsDo(@TempDir Path tmp) {
    Registry registry = Registry.standard();
    ExperimentConfig c = new ConfigLoader(registry).parse("cold.yaml", CONFIG, List.of());
    RunResult r = new Runner(registry, Path.of(".."), tmp, new PrintStream(OutputStream.nullOutputStream())).run(c);
    Map<String, Map<String, Double>> m = r.metrics();
    assertThat(m.get("most-popular").get("hitrate@10")).isZero();
    double content = m.get("content-knn").get("hitrate@10");
    assertThat(content).isGreaterThan(0.2);
    // Item-kNN scores held-out items 0 too; it can only list one when fewer than ten warm items score above 0.
    assertThat(m.get("item-knn").get("hitrate@10")).isLessThan(content / 5);
    assertThat(m.get("learned-hybrid").get("hitrate@10")).isGreaterThan(0.2);
    assertThat(m.get("cluster-hybrid").get("hitrate@10")).isGreaterThan(0.2);
  }

  /** Held-out items 0 and 2 of items 0..3: one without text of its own (item 2) is half, no warning; both are. */
  @Test
  void mostHeldOutItemsWithoutTextEarnAWarning() {
    Dataset test = Dataset.builder("t")
        .item(new Item("i0", "", "", List.of())).item(new Item("i1", "", "", List.of()))
        .item(new Item("i2", "", "", List.of())).item(new Item("i3", "", "", List.of()))
        .interaction("u0", "i0", 1, 0, "").interaction("u1", "i2", 1, 0, "").interaction("u1", "i0", 1, 1, "")
        .build();
    assertThat(VectorChecks.heldOutItemsWithoutText(new boolean[] {true, true, false, true}, test)).isNull();
    assertThat(VectorChecks.heldOutItemsWithoutText(new boolean[] {false, true, false, true}, test))
        .startsWith("split held-out-items: 2 of 2 held-out items have no text of their own");
  }
}
