package org.interestlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interestlab.cli.LabCliTest.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interest-hierarchy and dynamic-interests configs, run as a user runs them. */
class AnalysisConfigsTest {
  static Path root;

  @TempDir Path tmp;

  @BeforeAll
  static void locateRoot() {
    LabCliTest.locateRoot();
    root = LabCliTest.root;
  }

  private Path onlyRun() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      List<Path> dirs = s.filter(Files::isDirectory).toList();
      assertThat(dirs).hasSize(1);
      return dirs.get(0);
    }
  }

  @Test
  void interestHierarchyPrintsTheTreeWithKeywordsAndWritesIt() throws IOException {
    LabCliTest.Result r = lab("run", root.resolve("experiments/configs/interest-hierarchy.yaml").toString(), "--runs-dir", tmp.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("interest hierarchy: 3,000 users, 12 coarse clusters").contains("├─ 0 ").contains("│  ├─ 0.0 ")
        .contains("[gaming ").contains("[finance ").contains("coarse_ari");
    // A coarse line: id, size, keywords, the ground-truth topic most of its users hold.
    assertThat(r.out().lines().filter(l -> l.matches(".*[├└]─ \\d+ +[\\d,]+ users  \\S.*\\[.+ \\d+%]")).count()).isEqualTo(12);
    Path run = onlyRun();
    assertThat(Files.readString(run.resolve("hierarchy.json"))).contains("\"keywords\"").contains("\"children\"").contains("\"centroid\"");
    List<String> csv = Files.readAllLines(run.resolve("hierarchy.csv"));
    assertThat(csv.get(0)).isEqualTo("user_id,coarse,fine");
    assertThat(csv).hasSize(3001);
    assertThat(Files.readString(run.resolve("metrics.json"))).contains("\"hierarchy\"");
  }

  @Test
  void dynamicInterestsPrintsEventsAndWritesEventsAndDrifts() throws IOException {
    LabCliTest.Result r = lab("run", root.resolve("experiments/configs/dynamic-interests.yaml").toString(), "--runs-dir", tmp.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("dynamic interests: 8 windows of 45 days").contains(" birth ")
        .contains("planted drifts found within one window").contains("emerging topic 'AI art' born in window 4");
    Path run = onlyRun();
    List<String> events = Files.readAllLines(run.resolve("events.csv"));
    assertThat(events.get(0)).isEqualTo("window,start,end,event,from,to,flows,keywords");
    assertThat(events).anyMatch(l -> l.contains(",birth,")).anyMatch(l -> l.contains(",continue,"));
    List<String> drifts = Files.readAllLines(run.resolve("drifts.csv"));
    assertThat(drifts.get(0)).isEqualTo("user_id,window,window_start,from_cluster,to_cluster,from_track,to_track");
    assertThat(drifts.size()).isGreaterThan(724);
    List<String> windows = Files.readAllLines(run.resolve("windows.csv"));
    assertThat(windows).hasSize(9);
    // window_clusters.csv: in each window, as many clusters as windows.csv counts, whose sizes add up to its users.
    List<String> sizes = Files.readAllLines(run.resolve("window_clusters.csv"));
    assertThat(sizes.get(0)).isEqualTo("window,start,cluster,size");
    for (int w = 0; w < 8; w++) {
      String[] window = windows.get(w + 1).split(",");
      String prefix = w + ",";
      List<String[]> clusters = sizes.stream().skip(1).filter(l -> l.startsWith(prefix)).map(l -> l.split(",")).toList();
      assertThat(clusters).as("window " + w).hasSize(Integer.parseInt(window[4]));
      assertThat(clusters.stream().mapToInt(c -> Integer.parseInt(c[3])).sum()).as("window " + w).isEqualTo(Integer.parseInt(window[3]));
    }
    assertThat(Files.readString(run.resolve("metrics.json"))).contains("\"drift_recall\"").contains("\"emerging_birth_window\": 4");
  }

  @Test
  void aBadSectionValueExitsTwoBeforeAnyWork() {
    LabCliTest.Result r = lab("run", root.resolve("experiments/configs/interest-hierarchy.yaml").toString(), "--runs-dir", tmp.toString(),
        "--set", "hierarchy.k_fine=1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo(
        "error: experiments/configs/interest-hierarchy.yaml: hierarchy.k_fine: 1 is not allowed — allowed: 0 (chosen per coarse cluster) or an integer ≥ 2"
            .replace("experiments/configs/interest-hierarchy.yaml", root.resolve("experiments/configs/interest-hierarchy.yaml").toString()));
    assertThat(tmp.toFile().list()).isEmpty();
  }
}
