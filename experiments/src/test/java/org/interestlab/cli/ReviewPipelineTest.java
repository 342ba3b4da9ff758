package org.interestlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart pipeline pointed at Amazon review data (items without titles): with review-built item
 * vectors it runs end to end with language-model profiles and several clusters; when the vectors cannot
 * tell users or items apart it stops before clustering with exit 2 and a line naming the option that
 * fixes it.
 */
class ReviewPipelineTest {
  static Path root;

  @TempDir Path tmp;

  @BeforeAll
  static void locateRoot() {
    root = Path.of(System.getProperty("interestlab.root", "..")).toAbsolutePath().normalize();
    System.setProperty("interestlab.root", root.toString());
    System.setProperty("interestlab.progress", "false");
  }

  @BeforeEach
  void offline() {
    System.setProperty("interestlab.offline", "true");
    System.setProperty("interestlab.data", tmp.resolve("data").toString());
  }

  @AfterEach
  void clear() {
    System.clearProperty("interestlab.offline");
    System.clearProperty("interestlab.data");
  }

  /** {@code ./lab run quickstart.yaml} with only the dataset changed (and a 3-core filter), plus the given settings. */
  LabCliTest.Result quickstart(String... sets) {
    Stream<String> base = Stream.of("run", root.resolve("experiments/configs/quickstart.yaml").toString(),
        "--runs-dir", tmp.resolve("runs").toString(), "--quiet",
        "--set", "dataset.source=amazon-reviews-5core", "--set", "dataset.category=Fixture", "--set", "split.k_core=3",
        "--set", "encoder.cache=false");
    Stream<String> extra = Stream.of(sets).flatMap(s -> Stream.of("--set", s));
    return LabCliTest.lab(Stream.concat(base, extra).toArray(String[]::new));
  }

  @Test
  void quickstartOnReviewsRunsEndToEndWithSeveralClusters() throws IOException {
    ReviewFixture.write(tmp.resolve("data"), "Fixture", ReviewFixture::tasteText);
    // The fixture has no interest ground truth, so the quickstart's ari/nmi are left out.
    LabCliTest.Result r = quickstart("metrics=[ndcg@10, recall@10, silhouette]");
    assertThat(r.code()).as(r.err()).isZero();
    Path run;
    try (Stream<Path> runs = Files.list(tmp.resolve("runs"))) {
      run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    JsonObject metrics = JsonParser.parseString(Files.readString(run.resolve("metrics.json"), StandardCharsets.UTF_8)).getAsJsonObject();
    JsonObject clusterer = metrics.getAsJsonObject("clusterer");
    assertThat(clusterer.get("clusters").getAsInt()).isGreaterThanOrEqualTo(2);
    // Two tastes written in different words: the users' language-model profiles separate them.
    assertThat(clusterer.getAsJsonObject("metrics").get("silhouette").getAsDouble()).isGreaterThan(0.1);
  }

  @Test
  void itemsWithoutTextOrReviewsStopBeforeClusteringNamingTheOption() {
    ReviewFixture.write(tmp.resolve("data"), "Fixture", ReviewFixture::tasteText);
    LabCliTest.Result r = quickstart("metrics=[ndcg@10]", "item_documents.reviews=never");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("items have no text and no training review").contains("item_documents: { reviews: auto }")
        .doesNotContain("\tat ").doesNotContain("silhouette");
  }

  @Test
  void identicalReviewsStopBeforeClusteringNamingTheOption() {
    ReviewFixture.write(tmp.resolve("data"), "Fixture", (u, e, jazz) -> "Great.");
    LabCliTest.Result r = quickstart("metrics=[ndcg@10]");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("every item has the same vector").contains("item_documents").doesNotContain("\tat ");
  }

  @Test
  void reviewProfilesOfMostlySilentUsersStopNamingTheProfileThatWorks() {
    // Only every fourth user writes anything; the others rate silently.
    ReviewFixture.write(tmp.resolve("data"), "Fixture", (u, e, jazz) -> u % 4 == 0 ? ReviewFixture.tasteText(u, e, jazz) : "");
    LabCliTest.Result r = quickstart("metrics=[ndcg@10]", "profile={kind: review-mean}");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("users wrote no review text in training").contains("profile: { kind: mean }").doesNotContain("\tat ");
  }

  /** Runs the Amazon protocol, unchanged but for the category, on the fixture written with {@code text}; returns the run folder. */
  Path protocol(String runs, ReviewFixture.Text text) throws IOException {
    Path data = tmp.resolve("data-" + runs);
    ReviewFixture.write(data, "Fixture", text);
    System.setProperty("interestlab.data", data.toString());
    LabCliTest.Result r = LabCliTest.lab("run", root.resolve("experiments/configs/amazon-reviews-protocol.yaml").toString(),
        "--runs-dir", tmp.resolve(runs).toString(), "--quiet", "--set", "dataset.category=Fixture", "--set", "encoder.cache=false");
    assertThat(r.code()).as(r.err()).isZero();
    try (Stream<Path> dirs = Files.list(tmp.resolve(runs))) {
      return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  static String read(Path run, String file) throws IOException {
    return Files.readString(run.resolve(file), StandardCharsets.UTF_8);
  }

  /**
   * Acceptance: the protocol runs on another category by {@code --set dataset.category} alone, and no
   * held-out review reaches a vector used to score it. A sentence planted in every test review (each
   * user's latest) changes nothing the run writes; planted in every validation review (second-to-last)
   * it changes nothing chosen on validation, while it does change the test-time vectors (the control:
   * validation reviews are training data for the test).
   */
  @Test
  void amazonProtocolRunsOnAnotherCategoryAndHeldOutReviewsChangeNothing() throws IOException {
    String planted = "Completely unrelated: a cookbook about sourdough bread and baking pastry at home.";
    Path base = protocol("base", ReviewFixture::tasteText);
    Path test = protocol("test", (u, e, jazz) -> e == ReviewFixture.PER_USER - 1 ? planted : ReviewFixture.tasteText(u, e, jazz));
    Path validation = protocol("validation",
        (u, e, jazz) -> e == ReviewFixture.PER_USER - 2 ? planted : ReviewFixture.tasteText(u, e, jazz));
    for (String file : new String[] {"per_user.csv", "selection.csv", "clusters.csv", "metrics.csv", "significance.csv"}) {
      assertThat(read(test, file)).as(file + " with the test reviews replaced").isEqualTo(read(base, file));
    }
    assertThat(read(validation, "selection.csv")).as("choices on validation with the validation reviews replaced")
        .isEqualTo(read(base, "selection.csv"));
    assertThat(read(validation, "per_user.csv")).as("control: training reviews do reach the test-time vectors")
        .isNotEqualTo(read(base, "per_user.csv"));
  }

  /** The quickstart on the review fixture with only the two-tower model; returns the run folder. */
  Path runTwoTower(String runs) throws IOException {
    LabCliTest.Result r = LabCliTest.lab("run", root.resolve("experiments/configs/quickstart.yaml").toString(),
        "--runs-dir", tmp.resolve(runs).toString(), "--quiet",
        "--set", "dataset.source=amazon-reviews-5core", "--set", "dataset.category=Fixture", "--set", "split.k_core=3",
        "--set", "encoder.cache=false", "--set", "profile={kind: review-mean}",
        "--set", "recommenders=[{kind: two-tower, device: cpu, hidden: 32, dim: 16}]", "--set", "metrics=[ndcg@10, recall@10]");
    assertThat(r.code()).as(r.err()).isZero();
    try (Stream<Path> dirs = Files.list(tmp.resolve(runs))) {
      return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  /** The two-tower model trained with DJL on the CPU: the same config and seed give the same files byte for byte. */
  @Test
  void twoTowerSameSeedSameMetricsByteForByte() throws IOException {
    ReviewFixture.write(tmp.resolve("data"), "Fixture", ReviewFixture::tasteText);
    Path first = runTwoTower("first");
    Path second = runTwoTower("second");
    for (String file : new String[] {"metrics.json", "per_user.csv"}) {
      assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
    }
    assertThat(Files.readString(first.resolve("metrics.json"))).contains("two-tower");
  }
}
