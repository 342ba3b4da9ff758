package org.interestlab.robustness;

import static org.interestlab.robustness.Cli.assertNoRunFolder;
import static org.interestlab.robustness.Cli.assertUserError;
import static org.interestlab.robustness.Cli.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configs a careless user writes, each run through {@code ./lab run}: exit code 2, one line naming
 * the file and the key, no stack trace, and no run folder (nor temporary one) left behind. Each
 * case is a working config with one thing broken, on the bundled synthetic dataset.
 */
class BadConfigsTest {
  static final String BASE = """
      name: bad
      seed: 42
      dataset: { source: synthetic-interests }
      split: { kind: temporal, test_fraction: 0.2 }
      profile: { kind: mean }
      encoder: { kind: tfidf }
      clusterer: { kind: kmeans, k: 4 }
      recommenders:
        - { kind: most-popular }
        - { kind: cluster-popular }
      metrics: [ndcg@10, ari]
      """;

  @TempDir Path tmp;

  @BeforeAll
  static void root() {
    Cli.root();
  }

  /** BASE with the line starting {@code key:} replaced by {@code line} (removed when {@code line} is empty). */
  static String with(String key, String line) {
    String out = BASE.lines().map(l -> l.startsWith(key + ":") ? line : l).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n")) + "\n";
    if (!out.contains(line)) throw new IllegalArgumentException("no line " + key);
    return out;
  }

  /** BASE with the recommenders block replaced by {@code block}. */
  static String withRecs(String block) {
    return BASE.replace("recommenders:\n  - { kind: most-popular }\n  - { kind: cluster-popular }\n", block + "\n");
  }

  static Arguments bad(String what, String yaml, String... mustName) {
    return Arguments.of(what, yaml, mustName);
  }

  static Stream<Arguments> configs() {
    String manyKs = IntStream.rangeClosed(1, 1000).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    String manySeeds = IntStream.rangeClosed(1, 2000).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    List<Arguments> c = new ArrayList<>(List.of(
        // Duplicate keys (defect 11): the last one used to win silently.
        bad("duplicate top-level key", BASE + "seed: 7\n", "seed", "lines 2 and 12"),
        bad("duplicate key in a flow mapping", with("clusterer", "clusterer: { kind: kmeans, k: 12, k: 3 }"), "clusterer.k", "lines 7 and 7"),
        bad("duplicate key in a list item", withRecs("recommenders:\n  - { kind: most-popular, kind: item-knn }"),
            "recommenders[0].kind"),
        bad("duplicate section", BASE + "split: { kind: ratio }\n", "split", "lines 4 and 12"),
        // Size (defects 12, 13): refused before parsing or expanding.
        bad("config over 1 MiB", BASE + "# " + "x".repeat(1 << 20) + "\n", "at most 1048576"),
        bad("one huge value", with("name", "name: bad\ndescription: " + "y".repeat((1 << 20) + 10)), "at most 1048576"),
        bad("sweep of 2,000,000 variants", BASE + "sweep: { seed: [" + manySeeds + "], clusterer.k: [" + manyKs + "] }\n", "sweep",
            "2000000 combinations"),
        bad("empty sweep", BASE + "sweep: {}\n", "sweep"),
        bad("sweeping the name", BASE + "sweep: { name: [a, b] }\n", "sweep.name"),
        // Ranges (defect 7) and types.
        bad("test_fraction 1", with("split", "split: { kind: temporal, test_fraction: 1 }"), "split.test_fraction"),
        bad("test_fraction 0", with("split", "split: { kind: temporal, test_fraction: 0 }"), "split.test_fraction"),
        bad("test_fraction negative", with("split", "split: { kind: temporal, test_fraction: -0.5 }"), "split.test_fraction"),
        bad("test_fraction a word", with("split", "split: { kind: temporal, test_fraction: most }"), "split.test_fraction"),
        bad("train_ratio 1", with("split", "split: { kind: ratio, train_ratio: 1 }"), "split.train_ratio"),
        bad("train_ratio above 1", with("split", "split: { kind: ratio, train_ratio: 1.5 }"), "split.train_ratio"),
        bad("k_core negative", with("split", "split: { kind: temporal, k_core: -2 }"), "split.k_core"),
        bad("seed a word", with("seed", "seed: forty-two"), "seed"),
        bad("seed a fraction", with("seed", "seed: 1.5"), "seed"),
        bad("name with a space", with("name", "name: my run"), "name"),
        bad("name missing", with("name", ""), "name"),
        bad("description a number", with("name", "name: bad\ndescription: 5"), "description"),
        bad("batch_size 0", with("encoder", "encoder: { kind: minilm-l6, batch_size: 0 }"), "encoder.batch_size"),
        bad("clusterer k 0", with("clusterer", "clusterer: { kind: kmeans, k: 0 }"), "clusterer.k"),
        bad("clusterer k a word", with("clusterer", "clusterer: { kind: kmeans, k: many }"), "clusterer.k"),
        bad("max_iter negative", with("clusterer", "clusterer: { kind: kmeans, max_iter: -5 }"), "clusterer.max_iter"),
        bad("half_life_days negative", with("profile", "profile: { kind: recency-mean, half_life_days: -3 }"), "profile.half_life_days"),
        bad("neighbours 0", withRecs("recommenders:\n  - { kind: item-knn, neighbours: 0 }"), "recommenders[0].neighbours"),
        bad("empty parameter value", with("clusterer", "clusterer: { kind: kmeans, k: }"), "clusterer.k"),
        // Unknown names.
        bad("unknown top-level key", BASE + "colour: blue\n", "colour"),
        bad("unknown split kind", with("split", "split: { kind: random }"), "split.kind"),
        bad("unknown encoder kind", with("encoder", "encoder: { kind: word2vec }"), "encoder.kind"),
        bad("unknown clusterer kind", with("clusterer", "clusterer: { kind: kmedoids }"), "clusterer.kind"),
        bad("unknown recommender kind", withRecs("recommenders:\n  - { kind: magic }\n  - { kind: cluster-popular }"), "recommenders[0].kind"),
        bad("unknown profile kind", with("profile", "profile: { kind: median }"), "profile.kind"),
        bad("unknown dataset source", with("dataset", "dataset: { source: netflix }"), "dataset.source"),
        bad("language variant as a source", with("dataset", "dataset: { source: synthetic-interests-zh }"), "dataset.source",
            "language: zh"),
        bad("dataset without source", with("dataset", "dataset: { language: en }"), "dataset.source"),
        bad("unknown parameter", with("clusterer", "clusterer: { kind: kmeans, clusters: 4 }"), "clusterer.clusters"),
        bad("unknown metric", with("metrics", "metrics: [ndcg@10, happiness]"), "metrics[1]"),
        bad("metric cutoff 0", with("metrics", "metrics: [ndcg@0]"), "metrics[0]"),
        bad("metric listed twice", with("metrics", "metrics: [ndcg@10, ndcg@10]"), "metrics[1]"),
        bad("clustering metric without clusterer", with("clusterer", "").replace("  - { kind: cluster-popular }\n", ""), "metrics[1]"),
        // Shapes.
        bad("no recommenders", withRecs("recommenders: []"), "recommenders"),
        bad("recommenders not a list", withRecs("recommenders: most-popular"), "recommenders"),
        bad("metrics empty", with("metrics", "metrics: []"), "metrics"),
        bad("recommender named twice", withRecs("recommenders:\n  - { kind: most-popular }\n  - { kind: most-popular }"),
            "recommenders[1].name"),
        bad("baseline not among recommenders", BASE + "baseline: item-knn\n", "baseline"),
        bad("config is a list", "- name: bad\n- seed: 42\n", "mapping"),
        bad("YAML syntax error", with("clusterer", "clusterer: { kind: kmeans, k: 4"), "YAML syntax error"),
        bad("tab indentation", BASE.replace("  - { kind: most-popular }", "\t- { kind: most-popular }"), "line 9"),
        // Values only the data can prove wrong (defect 10): refused right after the split, before encoding.
        bad("clusterer k above the number of users", with("clusterer", "clusterer: { kind: kmeans, k: 5000 }"), "clusterer.k",
            "users to cluster"),
        bad("k-core filter leaving nothing", with("split", "split: { kind: temporal, k_core: 100000 }"), "split.k_core",
            "leaves no training interactions")));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void badConfigIsOneLineNamingFileAndKey(String what, String yaml, String[] mustName) throws IOException {
    Path file = tmp.resolve("bad-config.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    Path runs = tmp.resolve("runs");
    Cli.Result r = lab("run", file.toString(), "--runs-dir", runs.toString(), "--quiet");
    assertUserError(r, file.toString());
    assertUserError(r, mustName);
    assertNoRunFolder(runs);
  }

  @Test
  void configThatIsNotUtf8() throws IOException {
    Path file = tmp.resolve("latin1.yaml");
    Files.write(file, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Cli.Result r = lab("run", file.toString(), "--runs-dir", tmp.resolve("runs").toString());
    assertUserError(r, file.toString(), "UTF-8");
    assertNoRunFolder(tmp.resolve("runs"));
  }

  @Test
  void configThatIsAFolder() throws IOException {
    Cli.Result r = lab("run", tmp.toString(), "--runs-dir", tmp.resolve("runs").toString());
    assertUserError(r, tmp.toString(), "is a folder");
    assertNoRunFolder(tmp.resolve("runs"));
  }

  @Test
  void configThatDoesNotExist() throws IOException {
    Cli.Result r = lab("run", tmp.resolve("none.yaml").toString(), "--runs-dir", tmp.resolve("runs").toString());
    assertUserError(r, tmp.resolve("none.yaml").toString(), "no such config file");
    assertNoRunFolder(tmp.resolve("runs"));
  }

  @Test
  void runsFolderOnAFullDisk() throws IOException {
    Path file = tmp.resolve("ok.yaml");
    Files.writeString(file, BASE, StandardCharsets.UTF_8);
    Path runs = tmp.resolve("runs");
    try (var f = org.interestlab.compute.AtomicFiles.injectFailureUnder(runs, "No space left on device")) {
      Cli.Result r = lab("run", file.toString(), "--runs-dir", runs.toString(), "--quiet");
      assertUserError(r, runs.toString(), "No space left on device");
    }
    assertNoRunFolder(runs);
  }
}
