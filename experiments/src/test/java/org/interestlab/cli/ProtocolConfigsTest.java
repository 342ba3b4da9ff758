package org.interestlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.interestlab.experiment.ConfigLoader;
import org.interestlab.experiment.ExperimentConfig;
import org.interestlab.experiment.Registry;
import org.interestlab.experiment.RunResult;
import org.interestlab.experiment.Runner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ml-latest-small protocol on the real files (when {@code INTERESTLAB_DATA} holds them): EASE
 * within 2% of the numpy float64 reference NDCG@10 0.4023 (λ = 100, the same split rule), and ALS,
 * BPR and RP3beta each at least item-kNN's value with all neighbours. A protocol whose files are
 * absent stops at once with exit 2, naming the folder to fill; the ML-1M protocol runs end to end
 * on a small file in ML-1M's format.
 */
class ProtocolConfigsTest {
  static Path root;

  @BeforeAll
  static void locateRoot() {
    root = Path.of(System.getProperty("interestlab.root", "..")).toAbsolutePath().normalize();
    System.setProperty("interestlab.root", root.toString());
    System.setProperty("interestlab.progress", "false");
  }

  @Test
  void movielensLatestSmallProtocolReachesTheReferenceNumbers(@TempDir Path tmp) {
    RunResult r = runOnSharedData("movielens-latest-small-protocol", Path.of("movielens-latest-small", "ratings.csv"), tmp);
    Map<String, Map<String, Double>> m = r.metrics();
    double ease = m.get("ease").get("ndcg@10");
    assertThat(ease).isCloseTo(0.4023, within(0.02 * 0.4023));
    double itemKnn = m.get("item-knn").get("ndcg@10");
    for (String model : List.of("als", "bpr", "rp3beta")) {
      assertThat(m.get(model).get("ndcg@10")).as(model + " against item-kNN " + itemKnn).isGreaterThanOrEqualTo(itemKnn);
    }
    // The comparison with the baseline is written for every other recommender.
    assertThat(Stream.of("significance.csv", "metrics.json").map(r.directory()::resolve)).allMatch(Files::isRegularFile);
  }

  /**
   * The Amazon review protocol on the Digital Music sample (when {@code INTERESTLAB_DATA} holds it): EASE, its
   * λ chosen on validation, within 3% of the numpy reference 0.2525 (leave-last-out by (time, asin), full
   * ranking; the reference's λ = 25 was the best on test, an upper bound), and every model of the config reported.
   */
  @Test
  void amazonReviewsProtocolReachesTheReferenceEase(@TempDir Path tmp) {
    RunResult r = runOnSharedData("amazon-reviews-protocol", Path.of("amazon-reviews-5core", "reviews_Digital_Music_5.json.gz"), tmp);
    assertThat(r.metrics().get("ease").get("ndcg@10")).isCloseTo(0.2525, within(0.03 * 0.2525));
    assertThat(r.metrics().keySet()).contains("most-popular", "item-knn", "ease", "als", "bpr", "content-knn", "learned-hybrid",
        "ease-user-text", "hybrid-all", "two-tower", "sasrec");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ml100k-msrec-protocol, movielens-100k, u.data", "ml1m-recbole-protocol, movielens-1m, ratings.dat"})
  void withoutItsFilesAProtocolStopsWithExitTwoNamingTheFolderToFill(String name, String folder, String file, @TempDir Path tmp) {
    System.setProperty("interestlab.offline", "true");
    System.setProperty("interestlab.data", tmp.resolve("empty-data").toString());
    try {
      Path config = root.resolve("experiments/configs/" + name + ".yaml");
      LabCliTest.Result r = LabCliTest.lab("run", config.toString(), "--runs-dir", tmp.resolve("runs").toString(), "--quiet");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains(tmp.resolve("empty-data").resolve(folder).toString()).contains(file).doesNotContain("\tat ");
    } finally {
      System.clearProperty("interestlab.offline");
      System.clearProperty("interestlab.data");
    }
  }

  /**
   * The ML-1M protocol runs end to end on a small file in ML-1M's own format (40 users × 30 movies,
   * about half rated, 1–5 stars): every component builds, every listed candidate is tried on the
   * validation part, and each recommender is tested and compared with EASE.
   */
  @Test
  void ml1mProtocolRunsOnAFileInMovieLens1mFormat(@TempDir Path tmp) throws Exception {
    FakeMovieLens.ml1m(tmp.resolve("data").resolve("movielens-1m"), 40, 30, 11);
    Path run = runOffline("ml1m-recbole-protocol", tmp);
    // Every listed parameter was chosen on validation: item-kNN 3 × 2, user-kNN 3 × 2, RP3beta 3 × 3 × 2, EASE 4, ALS 3 × 2;
    // popularity and BPR (nothing listed) are scored on validation too, one row each, after the header.
    List<String> selection = Files.readAllLines(run.resolve("selection.csv"));
    assertThat(selection).hasSize(1 + 1 + 6 + 6 + 18 + 4 + 6 + 1);
    assertThat(Stream.of("significance.csv", "per_user.csv").map(run::resolve)).allMatch(Files::isRegularFile);
  }

  /**
   * The ML-100K protocol runs end to end on a small file in ML-100K's own format (the same 40 users ×
   * 30 movies): every component builds and each recommender is tested and compared with EASE.
   */
  @Test
  void ml100kProtocolRunsOnAFileInMovieLens100kFormat(@TempDir Path tmp) throws Exception {
    FakeMovieLens.ml100k(tmp.resolve("data").resolve("movielens-100k"), 40, 30, 11);
    Path run = runOffline("ml100k-msrec-protocol", tmp);
    // Six recommenders compared with EASE on each of the six per-user metrics (coverage is a system metric), after the header.
    assertThat(Files.readAllLines(run.resolve("significance.csv"))).hasSize(1 + 6 * 6);
  }

  /** Runs a protocol config on {@code INTERESTLAB_DATA}; skips the test when {@code needs} (relative to it) is absent. */
  private static RunResult runOnSharedData(String config, Path needs, Path tmp) {
    String data = System.getenv("INTERESTLAB_DATA");
    assumeTrue(data != null && Files.isRegularFile(Path.of(data).resolve(needs)), "needs INTERESTLAB_DATA holding " + needs);
    Registry registry = Registry.standard();
    ExperimentConfig c = new ConfigLoader(registry).load(root.resolve("experiments/configs/" + config + ".yaml"), List.of());
    return new Runner(registry, root, tmp, null).run(c);
  }

  /**
   * Runs a protocol config offline on the data under {@code tmp/data} through the CLI; checks exit 0
   * and that every recommender of the MovieLens protocols reported; returns the run folder.
   */
  private static Path runOffline(String config, Path tmp) throws Exception {
    System.setProperty("interestlab.offline", "true");
    System.setProperty("interestlab.data", tmp.resolve("data").toString());
    try {
      Path runs = tmp.resolve("runs");
      LabCliTest.Result r = LabCliTest.lab("run", root.resolve("experiments/configs/" + config + ".yaml").toString(),
          "--runs-dir", runs.toString(), "--quiet");
      assertThat(r.code()).as(r.err()).isZero();
      Path run;
      try (Stream<Path> dirs = Files.list(runs)) {
        run = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
      }
      String metrics = Files.readString(run.resolve("metrics.json"));
      for (String model : List.of("most-popular", "item-knn", "user-knn", "rp3beta", "ease", "als", "bpr")) {
        assertThat(metrics).as(model).contains("\"" + model + "\"");
      }
      return run;
    } finally {
      System.clearProperty("interestlab.offline");
      System.clearProperty("interestlab.data");
    }
  }
}
