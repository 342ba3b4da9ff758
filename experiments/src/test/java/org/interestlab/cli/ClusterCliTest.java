package org.interestlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.interestlab.cli.LabCliTest.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interestlab.cluster.LabelsCsv;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.Npy;
import org.interestlab.eval.ExternalClusterMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code lab cluster} and {@code lab metrics clusters} on real files, as a user runs them. */
class ClusterCliTest {
  @TempDir Path tmp;
  Path vectors;
  Path truth;
  int[] truthLabels;

  @BeforeAll
  static void root() {
    LabCliTest.locateRoot();
  }

  /** Three groups of 20 points far apart in 4 dimensions, shuffled. */
  @BeforeEach
  void files() throws IOException {
    SplittableRandom rng = new SplittableRandom(9);
    int n = 60;
    int d = 4;
    float[] data = new float[n * d];
    truthLabels = new int[n];
    for (int i = 0; i < n; i++) {
      int g = rng.nextInt(3);
      truthLabels[i] = g;
      for (int j = 0; j < d; j++) data[i * d + j] = (j == g ? 30f : 0f) + (float) rng.nextDouble(-1, 1);
    }
    vectors = tmp.resolve("vectors.npy");
    Npy.write(vectors, new Embeddings(n, d, data));
    truth = tmp.resolve("truth.csv");
    LabelsCsv.write(truth, truthLabels);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"kmeans", "minibatch", "agglomerative", "dbscan", "gmm"})
  void eachAlgorithmWritesLabelsAndPrintsMetrics(String algo) throws IOException {
    Path out = tmp.resolve("labels-" + algo + ".csv");
    List<String> args = new java.util.ArrayList<>(List.of("cluster", "--input", vectors.toString(), "--algo", algo,
        "--out", out.toString(), "--truth", truth.toString(), "--seed", "7"));
    if (algo.equals("dbscan")) args.addAll(List.of("--param", "eps=3", "--param", "min_samples=4"));
    else args.addAll(List.of("--k", "3"));
    if (algo.equals("minibatch")) args.addAll(List.of("--param", "batch_size=16"));
    LabCliTest.Result r = lab(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("silhouette").contains("davies-bouldin").contains("calinski-harabasz").contains("inertia")
        .contains("sizes").contains("ari                1.0000").contains("nmi                1.0000")
        .contains("ami").contains("purity             1.0000").contains("v-measure          1.0000");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("index,label");
    assertThat(lines).hasSize(61);
    assertThat(lines.get(5)).startsWith("4,");
    int[] labels = LabelsCsv.read(out, 60, "vectors");
    assertThat(ExternalClusterMetrics.adjustedRand(truthLabels, labels)).isEqualTo(1.0);

    // The same labels scored by `lab metrics clusters` give the same numbers.
    LabCliTest.Result m = lab("metrics", "clusters", "--vectors", vectors.toString(), "--labels", out.toString(), "--truth", truth.toString());
    assertThat(m.code()).as(m.err()).isZero();
    assertThat(value(m.out(), "silhouette")).isEqualTo(value(r.out(), "silhouette"));
    assertThat(value(m.out(), "calinski-harabasz")).isEqualTo(value(r.out(), "calinski-harabasz"));
    // Inertia is measured to the clusterer's own centres; mini-batch centres and mixture means are not member means.
    if (!algo.equals("minibatch") && !algo.equals("gmm")) assertThat(value(m.out(), "inertia")).isEqualTo(value(r.out(), "inertia"));
    assertThat(m.out()).contains("ari                1.0000");
  }

  private static String value(String out, String name) {
    Matcher mm = Pattern.compile("(?m)^" + Pattern.quote(name) + " +(\\S+)").matcher(out);
    assertThat(mm.find()).as(name + " in\n" + out).isTrue();
    return mm.group(1);
  }

  @Test
  void aListOfKPrintsTheModelSelectionTable() {
    LabCliTest.Result r = lab("cluster", "--input", vectors.toString(), "--algo", "gmm", "--k", "2,3,4", "--truth", truth.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    String header = lines.stream().filter(l -> l.contains("silhouette")).findFirst().orElseThrow();
    assertThat(header).contains("davies-bouldin").contains("calinski-harabasz").contains("inertia").contains("bic").contains("ari");
    int at = lines.indexOf(header);
    assertThat(lines.get(at + 1).strip()).startsWith("2 ");
    assertThat(lines.get(at + 2).strip()).startsWith("3 ");
    assertThat(lines.get(at + 3).strip()).startsWith("4 ");
    // The planted 3 groups: ARI 1 at k = 3.
    assertThat(lines.get(at + 2)).contains("1.0000");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--algo spectral --k 3                       | --algo: 'spectral' is not known — allowed: kmeans, minibatch, agglomerative, dbscan, gmm",
      "--algo dbscan --param eps=-1                | --param: dbscan.eps: -1 is out of range — allowed: a number > 0",
      "--algo dbscan --param radius=1              | --param: dbscan.radius: unknown key for 'dbscan' — allowed keys: eps, min_samples, metric, device",
      "--algo dbscan --k 3                         | --k: 'dbscan' has no number of clusters",
      "--algo kmeans --k three                     | --k: 'three' in 'three' is not a positive integer",
      "--algo kmeans --k 100                       | kmeans: k=100 is larger than the number of points (60)",
      "--algo agglomerative --k 3 --param metric=cosine | agglomerative: linkage ward needs metric euclidean, got metric cosine",
      "--algo gmm --k 3 --param tol=abc            | --param: gmm.tol: 'abc' is not a number",
      "--algo kmeans --param init                  | --param 'init' — expected key=value",
  })
  void badArgumentsExitTwoWithOneLine(String args, String expected) {
    List<String> all = new java.util.ArrayList<>(List.of("cluster", "--input", vectors.toString(), "--out", tmp.resolve("l.csv").toString()));
    all.addAll(List.of(args.strip().split(" +")));
    LabCliTest.Result r = lab(all.toArray(String[]::new));
    assertThat(r.code()).as(r.out()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains(expected.strip());
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(tmp.resolve("l.csv")).doesNotExist();
  }

  @Test
  void badFilesExitTwoNamingTheFile() throws IOException {
    LabCliTest.Result missing = lab("cluster", "--input", tmp.resolve("nope.npy").toString(), "--algo", "kmeans", "--k", "3",
        "--out", tmp.resolve("l.csv").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.npy: no such vectors file");

    Path shortTruth = tmp.resolve("short.csv");
    LabelsCsv.write(shortTruth, new int[] {0, 1});
    LabCliTest.Result wrongRows = lab("cluster", "--input", vectors.toString(), "--algo", "kmeans", "--k", "3",
        "--out", tmp.resolve("l.csv").toString(), "--truth", shortTruth.toString());
    assertThat(wrongRows.code()).isEqualTo(2);
    assertThat(wrongRows.err()).contains("short.csv: 2 labels but").contains("has 60 points");

    Path badHeader = tmp.resolve("bad.csv");
    Files.writeString(badHeader, "user,cluster\n0,1\n");
    LabCliTest.Result header = lab("metrics", "clusters", "--vectors", vectors.toString(), "--labels", badHeader.toString());
    assertThat(header.code()).isEqualTo(2);
    assertThat(header.err()).contains("bad.csv: line 1: header is 'user,cluster' — expected 'index,label'");

    Path badIndex = tmp.resolve("gap.csv");
    Files.writeString(badIndex, "index,label\n0,1\n2,1\n");
    LabCliTest.Result gap = lab("metrics", "clusters", "--vectors", vectors.toString(), "--labels", badIndex.toString());
    assertThat(gap.code()).isEqualTo(2);
    assertThat(gap.err()).contains("gap.csv: line 3, column index: '2' — allowed: 1 (rows in order 0, 1, …)");

    LabCliTest.Result list = lab("cluster", "--input", vectors.toString(), "--algo", "kmeans", "--k", "2,3", "--out", tmp.resolve("l.csv").toString());
    assertThat(list.code()).isEqualTo(2);
    assertThat(list.err()).contains("--out: labels are written for a single --k");
  }
  /** The new kinds in a config: parameter errors before any work, naming the file and key. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{ kind: agglomerative, metric: cosine }    | bad.yaml: agglomerative: linkage ward needs metric euclidean, got metric cosine",
      "{ kind: agglomerative, linkage: single }   | bad.yaml: clusterer.linkage: 'single' is not allowed — allowed: one of ward, average, complete",
      "{ kind: dbscan, eps: 0 }                   | bad.yaml: clusterer.eps: 0 is out of range — allowed: a number > 0",
      "{ kind: gmm, k: 3, n_init: 0 }             | bad.yaml: clusterer.n_init: 0 is out of range",
      "{ kind: minibatch-kmeans, batch_size: -5 } | bad.yaml: clusterer.batch_size: -5 is out of range",
  })
  void badClustererConfigsExitTwo(String clusterer, String expected) throws IOException {
    Path cfg = tmp.resolve("bad.yaml");
    Files.writeString(cfg, """
        name: bad
        dataset: { source: synthetic-interests }
        split: { kind: temporal, test_fraction: 0.2 }
        profile: { kind: text-concat }
        encoder: { kind: tfidf }
        clusterer: %s
        recommenders: [ { kind: cluster-popular } ]
        metrics: [ndcg@10]
        """.formatted(clusterer.strip()));
    LabCliTest.Result r = lab("run", cfg.toString(), "--runs-dir", tmp.resolve("runs").toString());
    assertThat(r.code()).as(r.out()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains(expected.strip());
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(tmp.resolve("runs")).doesNotExist();
  }
}
