package org.interestlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interestlab.cli.LabCliTest.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.interestlab.cli.LabCliTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confidence intervals and paired tests as a user meets them: {@code baseline:} in a run (metrics.json's
 * {@code "ci"}, significance.csv, byte-identical on a rerun) and {@code lab compare} on run folders
 * written here by hand.
 *
 * <p>Expected p-values are SciPy 1.10.1's, printed to three significant digits as the command does:
 * <pre>
 * pop  = [0.1, 0.0, 0.3, 0.2, 0.0, 0.5, 0.1, 0.4]; knn = [0.3, 0.1, 0.35, 0.6, 0.0, 0.45, 0.25, 0.9]   # users u1..u8
 * ease = [0.6, 0.25, 0.7, 0.4, 0.9, 0.55, 0.9, 0.4]                                                   # users u3..u10
 * ttest_rel(knn, pop).pvalue = 0.0423, wilcoxon(knn, pop).pvalue = 0.0343                             # within run A
 * on u3..u8: ttest_rel → knn 0.115, ease 0.0847 (Holm 0.169, 0.169); wilcoxon → knn 0.104, ease 0.0938 (Holm 0.188, 0.188)
 * </pre>
 */
class CompareCliTest {
  static final double[] POP = {0.1, 0.0, 0.3, 0.2, 0.0, 0.5, 0.1, 0.4};
  static final double[] KNN = {0.3, 0.1, 0.35, 0.6, 0.0, 0.45, 0.25, 0.9};
  static final double[] EASE = {0.6, 0.25, 0.7, 0.4, 0.9, 0.55, 0.9, 0.4};

  @TempDir Path tmp;

  @BeforeAll
  static void setUp() {
    LabCliTest.locateRoot();
  }

  /** A run folder holding only what {@code lab compare} reads: per_user.csv (and optionally config.yaml). */
  private Path run(String name, int firstUser, String[] recs, double[][] ndcg) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    StringBuilder csv = new StringBuilder("user_id,recommender,num_relevant,ndcg@10,hitrate@10\n");
    for (int r = 0; r < recs.length; r++) {
      for (int u = 0; u < ndcg[r].length; u++) {
        csv.append("u").append(firstUser + u).append(',').append(recs[r]).append(",3,").append(ndcg[r][u]).append(',')
            .append(ndcg[r][u] > 0 ? 1 : 0).append('\n');
      }
    }
    Files.writeString(dir.resolve("per_user.csv"), csv);
    return dir;
  }

  @Test
  void withinOneRunTheFirstRecommenderIsTheDefaultBaseline() throws IOException {
    Path a = run("runA", 1, new String[] {"pop", "knn"}, new double[][] {POP, KNN});
    Result r = lab("compare", a.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("ndcg@10 over 8 users shared by 2 recommender(s) in 1 run(s)")
        .contains("paired tests against pop").containsPattern("pop +0\\.2000 +\\[0\\.\\d{4}, 0\\.\\d{4}\\] +baseline")
        .contains("0.0423 (0.0423)").contains("0.0343 (0.0343)");
  }

  @Test
  void acrossRunsOnTheSharedUsersWithHolm() throws IOException {
    Path a = run("runA", 1, new String[] {"pop", "knn"}, new double[][] {POP, KNN});
    Path b = run("runB", 3, new String[] {"ease"}, new double[][] {EASE});
    Result r = lab("compare", a.toString(), b.toString(), "--metric", "ndcg@10", "--baseline", "pop");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("ndcg@10 over 6 users shared by 3 recommender(s) in 2 run(s)");
    String knn = line(r.out(), " knn ");
    String ease = line(r.out(), "runB/ease");
    assertThat(knn).contains("0.4250").contains("+70.0%").contains("0.115 (0.169)").contains("0.104 (0.188)");
    assertThat(ease).contains("0.5667").contains("+126.7%").contains("0.0847 (0.169)").contains("0.0938 (0.188)");
  }

  @Test
  void theConfigsBaselineIsTheDefault() throws IOException {
    Path a = run("runA", 1, new String[] {"pop", "knn"}, new double[][] {POP, KNN});
    Files.writeString(a.resolve("config.yaml"), "name: a\nbaseline: knn\n");
    Result r = lab("compare", a.toString(), "--metric", "hitrate@10");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("hitrate@10 over 8 users").contains("paired tests against knn");
  }

  @Test
  void userErrorsExitTwoWithOneLine() throws IOException {
    Path a = run("runA", 1, new String[] {"pop", "knn"}, new double[][] {POP, KNN});
    Path notRun = Files.createDirectories(tmp.resolve("not-a-run"));
    for (String[] args : List.of(
        new String[] {"compare", notRun.toString()},
        new String[] {"compare", a.toString(), "--metric", "ndcg@5"},
        new String[] {"compare", a.toString(), "--baseline", "ease"})) {
      Result r = lab(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    }
    assertThat(lab("compare", notRun.toString()).err()).contains("not-a-run: not a run folder (no per_user.csv)");
    assertThat(lab("compare", a.toString(), "--metric", "ndcg@5").err())
        .contains("per_user.csv: no per-user metric 'ndcg@5' — allowed: ndcg@10, hitrate@10");
    assertThat(lab("compare", a.toString(), "--baseline", "ease").err())
        .contains("--baseline: 'ease' is not a recommender of these runs — allowed: pop, knn");
  }

  @Test
  void aRunWithABaselineWritesIntervalsAndSignificanceByteForByte() throws IOException {
    Path config = tmp.resolve("small.yaml");
    Files.writeString(config, """
        name: small-significance
        seed: 7
        dataset: { source: synthetic-interests }
        split: { kind: temporal, test_fraction: 0.2 }
        profile: { kind: mean }
        encoder: { kind: tfidf }
        recommenders:
          - { kind: most-popular }
          - { kind: item-knn, neighbours: 20 }
        baseline: most-popular
        metrics: [ndcg@10, recall@10, coverage@10]
        """);
    Result first = lab("run", config.toString(), "--runs-dir", tmp.resolve("runs").toString(), "--quiet");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).containsPattern("0\\.\\d{4} \\[0\\.\\d{4}, 0\\.\\d{4}\\]").contains("paired tests against most-popular");
    Result second = lab("run", config.toString(), "--runs-dir", tmp.resolve("runs").toString(), "--quiet");
    assertThat(second.code()).as(second.err()).isZero();
    List<Path> runs = dirs(tmp.resolve("runs"));
    assertThat(runs).hasSize(2);
    for (String f : List.of("metrics.json", "significance.csv")) {
      assertThat(Files.readAllBytes(runs.get(1).resolve(f))).as(f).isEqualTo(Files.readAllBytes(runs.get(0).resolve(f)));
    }
    String json = Files.readString(runs.get(0).resolve("metrics.json"));
    double ndcg = LabCliTest.metric(json, "item-knn", "ndcg@10");
    java.util.regex.Matcher ci = java.util.regex.Pattern.compile("\"ci\": \\{\\s*\"ndcg@10\": \\[([0-9.eE-]+), ([0-9.eE-]+)\\],\\s*"
        + "\"recall@10\": \\[").matcher(json);
    assertThat(ci.find(json.indexOf("\"item-knn\": {"))).as(json).isTrue();
    assertThat(ndcg).isBetween(Double.parseDouble(ci.group(1)), Double.parseDouble(ci.group(2)));
    assertThat(json).doesNotContain("\"coverage@10\": [");   // a system metric has no per-user interval
    List<String> sig = Files.readAllLines(runs.get(0).resolve("significance.csv"));
    assertThat(sig.get(0)).isEqualTo("metric,recommender,baseline,mean,baseline_mean,diff,rel_diff,t_p,wilcoxon_p,t_p_holm,"
        + "wilcoxon_p_holm,n_users");
    assertThat(sig).hasSize(3);
    assertThat(sig.get(1)).startsWith("ndcg@10,item-knn,most-popular,");
    assertThat(sig.get(2)).startsWith("recall@10,item-knn,most-popular,");

    // lab compare on the run reproduces the run's own interval (same users, same derived seed).
    Result cmp = lab("compare", runs.get(0).toString());
    assertThat(cmp.code()).as(cmp.err()).isZero();
    assertThat(cmp.out()).contains("paired tests against most-popular").contains(String.format(java.util.Locale.ROOT, "[%.4f, %.4f]",
        Double.parseDouble(ci.group(1)), Double.parseDouble(ci.group(2))));
  }

  @Test
  void anUnknownBaselineIsAConfigError() {
    String config = LabCliTest.root.resolve("experiments/configs/quickstart.yaml").toString();
    Result r = lab("run", config, "--runs-dir", tmp.toString(), "--set", "baseline=ease");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains("quickstart.yaml: baseline: 'ease' is not one of the config's recommenders — "
        + "allowed: most-popular, cluster-popular, item-knn");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }

  private static String line(String text, String containing) {
    return text.lines().filter(l -> l.contains(containing)).findFirst().orElseThrow(() -> new AssertionError(containing + " in\n" + text));
  }

  private static List<Path> dirs(Path runs) throws IOException {
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }
}
