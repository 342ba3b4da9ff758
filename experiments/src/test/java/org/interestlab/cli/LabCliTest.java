package org.interestlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CLI as a user drives it: real configs, real data, real run folders. */
class LabCliTest {
  static Path root;

  @TempDir Path tmp;

  @BeforeAll
  static void locateRoot() {
    root = Path.of(System.getProperty("interestlab.root", "..")).toAbsolutePath().normalize();
    System.setProperty("interestlab.root", root.toString());
    System.setProperty("interestlab.progress", "false");
  }

  /** Runs the CLI capturing stdout and stderr. */
  record Result(int code, String out, String err) {}

  static Result lab(String... args) {
    org.interestlab.robustness.Cli.Result r = org.interestlab.robustness.Cli.lab(args);
    return new Result(r.code(), r.out(), r.err());
  }

  private static List<Path> runDirs(Path runs) throws IOException {
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @Test
  void quickstartWritesACompleteRunAndRepeatsByteForByte() throws IOException {
    String config = root.resolve("experiments/configs/quickstart.yaml").toString();
    Result first = lab("run", config, "--runs-dir", tmp.toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("most-popular").contains("cluster-popular").contains("item-knn").contains("ndcg@10")
        .contains("run directory: ");
    List<Path> dirs = runDirs(tmp);
    assertThat(dirs).hasSize(1);
    Path run = dirs.get(0);
    assertThat(run.getFileName().toString()).matches("\\d{8}T\\d{6}Z-quickstart-[0-9a-f]{8}-1");
    for (String f : List.of("config.yaml", "metrics.json", "metrics.csv", "per_user.csv", "clusters.csv",
        "environment.json", "timings.json", "run.log", "report.html")) {
      assertThat(run.resolve(f)).as(f).isRegularFile();
      assertThat(Files.size(run.resolve(f))).as(f).isPositive();
    }

    // The point of the quickstart: knowing a user's interest cluster (or co-consumption) beats
    // global popularity, and the clusters are scored against the planted interests.
    String metrics = Files.readString(run.resolve("metrics.json"));
    double popular = metric(metrics, "most-popular", "ndcg@10");
    assertThat(metric(metrics, "cluster-popular", "ndcg@10")).isGreaterThan(popular);
    assertThat(metric(metrics, "item-knn", "ndcg@10")).isGreaterThan(popular);
    assertThat(metrics).containsPattern("\"ari\": 0\\.\\d+").containsPattern("\"nmi\": 0\\.\\d+");

    Result second = lab("run", config, "--runs-dir", tmp.toString(), "--quiet");
    assertThat(second.code()).as(second.err()).isZero();
    List<Path> after = runDirs(tmp);
    assertThat(after).hasSize(2);
    byte[] a = Files.readAllBytes(after.get(0).resolve("metrics.json"));
    byte[] b = Files.readAllBytes(after.get(1).resolve("metrics.json"));
    assertThat(b).isEqualTo(a);

    // The resolved config runs again as it is, to the same metrics.
    Result third = lab("run", run.resolve("config.yaml").toString(), "--runs-dir", tmp.resolve("again").toString(), "--quiet");
    assertThat(third.code()).as(third.err()).isZero();
    assertThat(Files.readAllBytes(runDirs(tmp.resolve("again")).get(0).resolve("metrics.json"))).isEqualTo(a);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "clusterer.k=0          | quickstart.yaml: clusterer.k: 0 is out of range",
      "encoder.kind=bert      | quickstart.yaml: encoder.kind: 'bert' is not known — allowed: tfidf",
      "metrics.0=ndcg@0       | quickstart.yaml: metrics[0]:",
      "dataset.source=nope    | quickstart.yaml: dataset.source: 'nope' is not known — allowed:",
      "split.kind=random      | quickstart.yaml: split.kind: 'random' is not known — allowed:",
      "recommenders.0.foo=1   | quickstart.yaml: recommenders[0].foo: unknown key",
      "name=bad name!         | quickstart.yaml: name: 'bad name!' — allowed: letters, digits",
      "split.test_fraction=1.5 | quickstart.yaml: split.test_fraction: 1.5 is out of range",
      "encoder.batch_size=abc | quickstart.yaml: encoder.batch_size: 'abc' is not an integer",
      "clusterer.init=forgy   | quickstart.yaml: clusterer.init: 'forgy' is not allowed — allowed: one of k-means++, k-means||, random",
      "recommenders.2.neighbours=0 | quickstart.yaml: recommenders[2].neighbours: 0 is out of range",
      "profile.half_life_days=-3 | quickstart.yaml: profile.half_life_days: -3 is out of range",
      "seed=abc               | quickstart.yaml: seed: 'abc' is not an integer",
  })
  void badConfigsExitTwoWithOneLine(String override, String expected) {
    String config = root.resolve("experiments/configs/quickstart.yaml").toString();
    Result r = lab("run", config, "--runs-dir", tmp.toString(), "--set", override);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains(expected.strip());
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(tmp.toFile().list()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "clusterer.device=gpu | quickstart.yaml: clusterer.device: device 'gpu' requested but PyTorch sees 0 GPU(s)",
      "encoder.device=gpu   | quickstart.yaml: encoder.device: device 'gpu' requested but PyTorch sees 0 GPU(s)",
  })
  void aGpuWhereNoneExistsIsAConfigErrorBeforeAnyWork(String override, String expected) {
    org.junit.jupiter.api.Assumptions.assumeTrue(org.interestlab.compute.Engines.pytorch().getGpuCount() == 0,
        "this machine has a GPU: asking for one is no error here");
    String config = root.resolve("experiments/configs/quickstart.yaml").toString();
    Result r = lab("run", config, "--runs-dir", tmp.toString(), "--set", "encoder.engine=pytorch", "--set", override);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains(expected.strip()).contains("use device: cpu or auto");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(tmp.toFile().list()).isEmpty();
  }

  @Test
  void missingConfigFileExitsTwo() {
    Result r = lab("run", tmp.resolve("nope.yaml").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nope.yaml: no such config file");
  }

  @Test
  void missingDatasetOfflineExitsTwoNamingPathAndUrl() throws IOException {
    Path cfg = tmp.resolve("ml.yaml");
    Files.writeString(cfg, """
        name: ml-missing
        dataset: { source: movielens-100k }
        split: { kind: temporal, test_fraction: 0.2 }
        profile: { kind: mean }
        encoder: { kind: tfidf }
        recommenders: [ { kind: most-popular } ]
        metrics: [ndcg@10]
        """);
    String old = System.getProperty("interestlab.data");
    String oldOffline = System.getProperty("interestlab.offline");
    System.setProperty("interestlab.data", tmp.resolve("empty-cache").toString());
    System.setProperty("interestlab.offline", "true");
    try {
      Result r = lab("run", cfg.toString(), "--runs-dir", tmp.resolve("runs").toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).startsWith("error: ").contains("movielens-100k").contains("empty-cache")
          .contains("https://files.grouplens.org/datasets/movielens/ml-100k.zip");
      assertThat(r.err().strip().lines().count()).isEqualTo(1);
    } finally {
      restore("interestlab.data", old);
      restore("interestlab.offline", oldOffline);
    }
  }

  /** A recommender's metric from metrics.json (its block lists the metrics under the recommender's name). */
  static double metric(String metricsJson, String component, String metric) {
    int at = metricsJson.indexOf("\"" + component + "\": {");
    assertThat(at).as("component %s in metrics.json", component).isNotNegative();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(metric) + "\": ([0-9.eE+-]+)")
        .matcher(metricsJson);
    assertThat(m.find(at)).as("%s of %s", metric, component).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static void restore(String key, String value) {
    if (value == null) System.clearProperty(key);
    else System.setProperty(key, value);
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    assertThat(lab("frobnicate").code()).isEqualTo(2);
  }

  @Test
  void datasetsListVerifyAndGenerate() throws IOException {
    Result list = lab("datasets", "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("synthetic-interests").contains("movielens-latest-small").contains("amazon-reviews-5core");

    // The catalogue's sha256 of the shipped files (computed when they were generated) still hold.
    for (String name : List.of("synthetic-interests", "synthetic-interests-zh")) {
      Result v = lab("datasets", "verify", name);
      assertThat(v.code()).as(v.out() + v.err()).isZero();
    }

    // Regenerating from the seed gives the shipped bytes.
    Result g = lab("datasets", "generate", "synthetic-interests", "--out", tmp.resolve("gen").toString());
    assertThat(g.code()).as(g.err()).isZero();
    for (String f : List.of("items.csv", "users.csv", "interactions.csv", "truth_users.csv", "truth_items.csv", "truth_topics.csv", "README.md")) {
      assertThat(Files.readAllBytes(tmp.resolve("gen").resolve(f))).as(f)
          .isEqualTo(Files.readAllBytes(root.resolve("datasets/synthetic-interests").resolve(f)));
    }
    Result bad = lab("datasets", "generate", "movielens-100k");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("allowed: synthetic-interests");
  }
}
