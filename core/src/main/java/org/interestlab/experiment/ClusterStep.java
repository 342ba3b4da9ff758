package org.interestlab.experiment;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.interestlab.UserException;
import org.interestlab.cluster.Clusterer;
import org.interestlab.cluster.Clustering;
import org.interestlab.compute.Embeddings;
import org.interestlab.eval.MetricSpec;

/**
 * Clusters the users that have a profile into interests (when the config has a clusterer) and
 * computes the clustering metrics the config asks for.
 */
final class ClusterStep implements RunStep {
  @Override
  public String name() {
    return "cluster";
  }

  @Override
  public void run(RunContext ctx) {
    Clusterer clusterer = ctx.components.clusterer();
    if (clusterer == null) return;
    int[] present = ctx.profiles().presentUsers();
    Embeddings points = ctx.profiles().vectors().select(present);
    Clustering clustering = ctx.timings.time("cluster", () -> clusterer.fit(points));
    int[] userClusters = new int[ctx.data().numUsers()];
    Arrays.fill(userClusters, -1);
    for (int i = 0; i < present.length; i++) userClusters[present[i]] = clustering.label(i);
    ctx.userClusters = userClusters;
    Map<String, Double> metrics = ctx.timings.time("eval.clusters",
        () -> clusterMetrics(ctx.components.metrics(), points, clustering, ctx.loaded(), present));
    String kind = ctx.config.clusterer().kind();
    ctx.results.put(kind, metrics);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", kind);
    json.put("clusters", clustering.numClusters());
    json.put("users", present.length);
    json.put("noise", (int) Arrays.stream(clustering.labels()).filter(l -> l < 0).count());
    json.put("inertia", clustering.inertia());
    json.put("iterations", clustering.iterations());
    json.put("sizes", Arrays.stream(clustering.sizes()).boxed().toList());
    json.put("metrics", new LinkedHashMap<>(metrics));
    ctx.clusterJson = json;
    ctx.log.info(String.format(Locale.ROOT, "clusterer %s: %d clusters, inertia %.4f, %d iterations",
        kind, clustering.numClusters(), clustering.inertia(), clustering.iterations()));
    clusterer.notes().forEach(ctx.log::info);
  }

  /**
   * Internal metrics judge the clusters, so noise points (−1, DBSCAN) are left out of them; external
   * metrics keep every user, noise as one more label (scikit-learn's convention).
   */
  static Map<String, Double> clusterMetrics(List<MetricSpec> metrics, Embeddings points, Clustering c, LoadedDataset loaded,
      int[] present) {
    Map<String, Double> out = new LinkedHashMap<>();
    int[] labels = c.labels();
    int distinct = (int) Arrays.stream(labels).filter(l -> l >= 0).distinct().count();
    int[] clustered = IntStream.range(0, labels.length).filter(i -> labels[i] >= 0).toArray();
    Embeddings clusteredPoints = clustered.length == labels.length ? points : points.select(clustered);
    int[] clusteredLabels = clustered.length == labels.length ? labels : Arrays.stream(clustered).map(i -> labels[i]).toArray();
    for (MetricSpec m : metrics) {
      if (m.kind() == MetricSpec.Kind.CLUSTERING) {
        if (distinct < 2) {
          throw new UserException("metric '" + m.name() + "' needs at least 2 non-empty clusters; the clusterer found " + distinct);
        }
        out.put(m.name(), m.clusteringMetric().score(clusteredPoints, clusteredLabels));
      } else if (m.kind() == MetricSpec.Kind.EXTERNAL_CLUSTERING) {
        int[] truth = new int[present.length];
        for (int i = 0; i < present.length; i++) truth[i] = loaded.truthLabels()[present[i]];
        out.put(m.name(), m.externalClusteringMetric().score(truth, labels));
      }
    }
    return out;
  }
}
