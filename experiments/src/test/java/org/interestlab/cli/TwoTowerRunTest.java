package org.interestlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-tower model in a real run on review data: trained with DJL on the CPU, the same config and
 * seed give the same {@code metrics.json} and per-user values byte for byte.
 */
class TwoTowerRunTest {
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

  /** The quickstart on the review fixture with only the two-tower model; returns the run folder. */
  Path run(String runs) throws IOException {
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

  @Test
  void sameSeedSameMetricsByteForByte() throws IOException {
    ReviewFixture.write(tmp.resolve("data"), "Fixture", ReviewFixture::tasteText);
    Path first = run("first");
    Path second = run("second");
    for (String file : new String[] {"metrics.json", "per_user.csv"}) {
      assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
    }
    assertThat(Files.readString(first.resolve("metrics.json"))).contains("two-tower");
  }
}
