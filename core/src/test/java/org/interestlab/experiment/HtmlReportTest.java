package org.interestlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder written by hand; the report must show what its files hold, with figures and no Java toString. */
class HtmlReportTest {
  @TempDir
  Path run;

  private void writeRun() throws IOException {
    Files.writeString(run.resolve("config.yaml"), "name: demo\nseed: 42\nclusterer:\n  kind: kmeans\n  k: 2\n");
    Files.writeString(run.resolve("metrics.csv"), "component,metric,value\nkmeans,silhouette,0.5\npop,ndcg@10,0.1\nknn,ndcg@10,0.3\n");
    Files.writeString(run.resolve("metrics.json"), "{\"name\": \"demo\", \"config_sha256_8\": \"0123abcd\", \"k\": 10,"
        + " \"clusterer\": {\"kind\": \"kmeans\", \"sizes\": [3, 1]},"
        + " \"recommenders\": {\"pop\": {\"ndcg@10\": 0.1}, \"knn\": {\"ndcg@10\": 0.3, \"ci\": {\"ndcg@10\": [0.25, 0.35]}}}}\n");
    Files.writeString(run.resolve("clusters.csv"), "user_id,cluster\na,0\nb,0\nc,0\nd,1\n");
    Files.writeString(run.resolve("timings.json"), "{\"data\": 1.5, \"embedding_cache\": {\"hits\": 3, \"misses\": 0}, \"total\": 4.25}\n");
    Files.writeString(run.resolve("environment.json"), "{\"host\": \"vm\", \"cores\": 2}\n");
  }

  @Test
  void reportHasOnePlotlyCopyFiguresAndReadableTables() throws IOException {
    writeRun();
    Embeddings users = Embeddings.of(new float[][] {{0, 0}, {1, 0}, {0, 1}, {5, 5}});
    String html = HtmlReport.render(run, users);
    // plotly.js once, in the head: inlined, or the CDN note when the build had no npm.
    Matcher m = Pattern.compile("plotly\\.js-dist-min [0-9.]+, inlined|plotly\\.js was not inlined").matcher(html);
    int copies = 0;
    while (m.find()) copies++;
    assertThat(copies).isEqualTo(1);
    assertThat(html.indexOf("Plotly.newPlot(document")).isGreaterThan(html.indexOf("</head>"));
    assertThat(RunFigures.of(Runs.load(run), users).keySet()).containsExactly("ndcg@10", "cluster sizes", "user vectors (PCA)");
    assertThat(count(html, "Plotly.newPlot(document")).isEqualTo(3);
    assertThat(html).contains("<td>knn</td><td></td><td>0.3000 <span class=\"note\">[0.2500, 0.3500]</span></td>");
    assertThat(html).contains("<td>embedding_cache</td><td class=\"text\">hits 3 · misses 0</td>");
    assertThat(html).contains("<td>total</td><td class=\"text\">4.250 s</td>");
    assertThat(html).contains("<td>cores</td><td class=\"text\">2</td>");
    assertThat(html).contains("<pre>name: demo\nseed: 42\n");
    String body = html.substring(html.indexOf("</head>"));
    // Java's Map/List/Object toString shapes: {a=1}, [x, y] of objects, Type@1a2b3c
    assertThat(body).doesNotContain("{hits=").doesNotContain("=[").doesNotContainPattern("[A-Za-z]@[0-9a-f]{5,}");
  }

  @Test
  void figuresOfAFolderReadTheVectorsTheRunKept() throws IOException {
    writeRun();
    org.interestlab.encode.Npy.write(run.resolve(RunOutputs.USER_VECTORS), Embeddings.of(new float[][] {{0, 0}, {1, 0}, {0, 1}, {5, 5}}));
    assertThat(RunFigures.of(run).keySet()).containsExactly("ndcg@10", "cluster sizes", "user vectors (PCA)");
    Files.delete(run.resolve(RunOutputs.USER_VECTORS));
    assertThat(RunFigures.of(run).keySet()).containsExactly("ndcg@10", "cluster sizes");
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
    return n;
  }
}
