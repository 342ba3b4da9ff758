package org.interestlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.interestlab.UserException;
import org.interestlab.plot.InterestTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Run folders written by hand here; every expected value is read off these files. */
class RunsTest {
  @TempDir
  Path root;

  private Path run(String folder, String clustererK, String ciJson) throws IOException {
    Path d = Files.createDirectories(root.resolve(folder));
    Files.writeString(d.resolve("config.yaml"), "# resolved\nname: demo\nseed: 42\nclusterer:\n  kind: kmeans\n  k: " + clustererK
        + "\nrecommenders:\n- kind: most-popular\n- kind: item-knn\n  neighbours: 50\nmetrics: [ndcg@10, ari]\n");
    Files.writeString(d.resolve("metrics.csv"), "component,metric,value\nkmeans,ari,0.5\nmost-popular,ndcg@10,0.1\nitem-knn,ndcg@10,0.3\n");
    Files.writeString(d.resolve("metrics.json"), "{\"name\": \"demo\", \"recommenders\": {\"item-knn\": {\"ndcg@10\": 0.3, \"ci\": {\"ndcg@10\": "
        + ciJson + "}}, \"most-popular\": {\"ndcg@10\": 0.1}}}\n");
    Files.writeString(d.resolve("timings.json"), "{\"data\": 1.5, \"embedding_cache\": {\"hits\": 3}, \"total\": 4.25}\n");
    Files.writeString(d.resolve("per_user.csv"), "user_id,recommender,num_relevant,ndcg@10\n7,item-knn,2,0.25\n8,item-knn,1,0.35\n");
    Files.writeString(d.resolve("clusters.csv"), "user_id,cluster\n7,0\n8,1\n");
    return d;
  }

  @Test
  void folderOfRunsBecomesTablesWithTheVaryingConfigAsColumns() throws IOException {
    run("20261203T100000Z-demo-aaaaaaaa-1", "8", "[0.25, 0.35]");
    run("sweep/20261203T100100Z-demo-bbbbbbbb-1", "12", "[0.2, 0.4]");
    Files.createDirectories(root.resolve(".tmp-20261203T100200Z-demo-cccccccc-1")).resolve("metrics.json").toFile().createNewFile();
    Files.createDirectories(root.resolve("notes"));

    Runs runs = Runs.load(root);
    assertThat(runs.size()).isEqualTo(2);
    assertThat(runs.varyingConfigKeys()).containsExactly("clusterer.k");

    Table m = runs.metrics();
    assertThat(m.columnNames()).containsExactly("run", "name", "component", "metric", "value", "ci_low", "ci_high", "clusterer.k");
    assertThat(m.rowCount()).isEqualTo(6);
    assertThat(m.stringColumn("run").get(0)).isEqualTo("20261203T100000Z-demo-aaaaaaaa-1");
    assertThat(m.stringColumn("run").get(3)).isEqualTo("sweep/20261203T100100Z-demo-bbbbbbbb-1");
    assertThat(m.stringColumn("component").asList()).containsExactly("kmeans", "most-popular", "item-knn", "kmeans", "most-popular", "item-knn");
    assertThat(m.doubleColumn("value").asList()).containsExactly(0.5, 0.1, 0.3, 0.5, 0.1, 0.3);
    assertThat(m.doubleColumn("ci_low").get(2)).isEqualTo(0.25);
    assertThat(m.doubleColumn("ci_high").get(5)).isEqualTo(0.4);
    assertThat(m.doubleColumn("ci_low").isMissing(1)).as("no interval for most-popular").isTrue();
    assertThat(m.stringColumn("clusterer.k").asList()).containsExactly("8", "8", "8", "12", "12", "12");

    Table c = runs.configs();
    assertThat(c.columnNames()).containsExactly("run", "name", "seed", "clusterer.kind", "clusterer.k", "recommenders.0.kind",
        "recommenders.1.kind", "recommenders.1.neighbours", "metrics");
    assertThat(c.stringColumn("metrics").get(0)).isEqualTo("ndcg@10, ari");

    Table t = runs.timings();
    assertThat(t.rowCount()).as("the cache's nested counts are not a stage").isEqualTo(4);
    assertThat(t.stringColumn("stage").asList()).containsExactly("data", "total", "data", "total");
    assertThat(t.doubleColumn("seconds").asList()).containsExactly(1.5, 4.25, 1.5, 4.25);

    Table p = runs.perUser();
    assertThat(p.columnNames()).containsExactly("run", "user_id", "recommender", "num_relevant", "ndcg@10");
    assertThat(p.stringColumn("user_id").asList()).as("numeric ids stay text").containsExactly("7", "8", "7", "8");
    assertThat(p.doubleColumn("ndcg@10").asList()).containsExactly(0.25, 0.35, 0.25, 0.35);
    assertThat(runs.clusters().doubleColumn("cluster").asList()).containsExactly(0.0, 1.0, 0.0, 1.0);
    assertThat(runs.events().rowCount()).isZero();
  }

  @Test
  void filterByConfigValue() throws IOException {
    run("a", "8", "[0.25, 0.35]");
    Path b = run("b", "12", "[0.2, 0.4]");
    Files.writeString(b.resolve("config.yaml"), Files.readString(b.resolve("config.yaml")).replace("name: demo", "name: demo-k12"));
    assertThat(Runs.load(root).varyingConfigKeys()).containsExactly("name", "clusterer.k");
    assertThat(Runs.load(root).metrics().columnNames()).containsExactly("run", "name", "component", "metric", "value", "ci_low", "ci_high",
        "clusterer.k");
    assertThat(Runs.load(root).metrics().stringColumn("name").asList()).containsExactly("demo", "demo", "demo", "demo-k12", "demo-k12", "demo-k12");
    Runs twelve = Runs.load(root).where("clusterer.k", "12");
    assertThat(twelve.runs()).extracting(RunFolder::id).containsExactly("b");
    assertThat(twelve.metrics().columnNames()).doesNotContain("clusterer.k");
    assertThat(Runs.load(root).where("recommenders.1.neighbours", "50").size()).isEqualTo(2);
  }

  @Test
  void oneRunFolderLoadsAloneAndAFolderWithoutRunsIsEmpty() throws IOException {
    Path d = run("only", "8", "[0.25, 0.35]");
    assertThat(Runs.load(d).runs()).extracting(RunFolder::id).containsExactly("only");
    assertThat(Runs.load(Files.createDirectories(root.resolve("empty-sub"))).size()).isZero();
    assertThatThrownBy(() -> Runs.load(root.resolve("missing"))).isInstanceOf(UserException.class).hasMessageContaining("missing");
    assertThatThrownBy(() -> RunFolder.read(root.resolve("empty-sub"), "x")).isInstanceOf(UserException.class)
        .hasMessageContaining("not a run folder");
  }

  @Test
  void hierarchyAndDynamicFiles() throws IOException {
    Path d = run("h", "8", "[0.25, 0.35]");
    Files.writeString(d.resolve("hierarchy.json"), "{\"users\": 30, \"coarse\": [{\"id\": \"0\", \"level\": 1, \"size\": 20, \"keywords\": [\"game\"],"
        + " \"children\": [{\"id\": \"0.0\", \"level\": 2, \"size\": 20, \"keywords\": [\"raid\", \"loot\"]}]},"
        + " {\"id\": \"1\", \"level\": 1, \"size\": 10, \"keywords\": [\"film\"]}]}\n");
    Files.writeString(d.resolve("window_clusters.csv"), "window,start,cluster,size\n0,2023-01-01,0,20\n0,2023-01-01,1,10\n");
    Files.writeString(d.resolve("events.csv"), "window,start,end,event,from,to,flows,keywords\n1,2023-02-15,2023-03-31,birth,,2,,new topic\n");
    Runs runs = Runs.load(root);
    assertThat(runs.hierarchy("h")).containsExactly(
        new InterestTree.Node("0", null, 20, List.of("game")),
        new InterestTree.Node("0.0", "0", 20, List.of("raid", "loot")),
        new InterestTree.Node("1", null, 10, List.of("film")));
    assertThat(runs.windowClusters().doubleColumn("size").asList()).containsExactly(20.0, 10.0);
    assertThat(runs.windowClusters().stringColumn("start").get(1)).isEqualTo("2023-01-01");
    assertThat(runs.events().stringColumn("event").get(0)).isEqualTo("birth");
    assertThat(runs.events().stringColumn("from").get(0)).isEmpty();
  }
}
