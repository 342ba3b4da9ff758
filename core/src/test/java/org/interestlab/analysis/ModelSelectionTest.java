package org.interestlab.analysis;

import org.interestlab.cluster.ClusterAlgorithmsSklearnTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.interestlab.compute.Embeddings;
import org.interestlab.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.interestlab.cluster.Dbscan;
import org.interestlab.cluster.GaussianMixture;
import org.interestlab.cluster.DistanceMetric;
import org.interestlab.cluster.Clustering;
import org.interestlab.cluster.Agglomerative;

class ModelSelectionTest {

  /** Ward cuts for each k, scored against scikit-learn's metrics of its own Ward labels (make_cluster_algos_expected.py). */
  @Test
  void wardSweepScoresMatchScikitLearn() {
    Embeddings x = TestFiles.matrix("/cluster/algos_wide_points.csv");
    List<Map<String, Object>> expected = ClusterAlgorithmsSklearnTest.cases("model_selection");
    List<Integer> ks = expected.stream().map(e -> (int) ClusterAlgorithmsSklearnTest.num(e.get("k"))).toList();
    List<ModelSelection.Row> rows = new ModelSelection(Agglomerative::ward, ks, 0, 0L).run(x);
    assertThat(rows).hasSize(ks.size());
    double previousInertia = Double.POSITIVE_INFINITY;
    for (int i = 0; i < rows.size(); i++) {
      ModelSelection.Row r = rows.get(i);
      Map<String, Object> e = expected.get(i);
      assertThat(r.k()).isEqualTo(ks.get(i));
      assertThat(r.clusters()).isEqualTo(ks.get(i));
      assertThat(r.noise()).isZero();
      assertThat(r.silhouette()).isCloseTo(ClusterAlgorithmsSklearnTest.num(e.get("silhouette")), within(1e-9));
      assertThat(r.daviesBouldin()).isCloseTo(ClusterAlgorithmsSklearnTest.num(e.get("davies_bouldin")), within(1e-9));
      double ch = ClusterAlgorithmsSklearnTest.num(e.get("calinski_harabasz"));
      assertThat(r.calinskiHarabasz()).isCloseTo(ch, within(ch * 1e-9));
      // Ward's cuts are nested: a finer cut never has a larger within-cluster sum of squares.
      assertThat(r.inertia()).isLessThanOrEqualTo(previousInertia);
      previousInertia = r.inertia();
      assertThat(r.bic()).isNaN();
    }
  }

  @Test
  void bicOfAGaussianMixtureIsLowestAtThePlantedNumberOfComponents() {
    Embeddings x = TestFiles.matrix("/cluster/algos_gmm_points.csv"); // 4 planted components
    List<ModelSelection.Row> rows = new ModelSelection(k -> new GaussianMixture(k, 1e-3, 1e-6, 100, 2, 1L),
        List.of(2, 3, 4, 5, 6), 0, 0L).run(x);
    ModelSelection.Row best = rows.stream().min((a, b) -> Double.compare(a.bic(), b.bic())).orElseThrow();
    assertThat(best.k()).isEqualTo(4);
    assertThat(rows).allSatisfy(r -> assertThat(r.bic()).isFinite());
  }

  @Test
  void noiseIsLeftOutAndTooFewClustersGiveNaN() {
    Embeddings x = TestFiles.matrix("/cluster/algos_blobs_noisy_points.csv");
    ModelSelection ms = new ModelSelection(k -> new Dbscan(1.0, 5, DistanceMetric.EUCLIDEAN, "cpu"), List.of(0), 0, 0L);
    ModelSelection.Row r = ms.run(x).get(0);
    Map<String, Object> e = ClusterAlgorithmsSklearnTest.cases("dbscan").get(0);
    assertThat(r.noise()).isEqualTo((int) ClusterAlgorithmsSklearnTest.num(e.get("noise")));
    assertThat(r.clusters()).isEqualTo((int) ClusterAlgorithmsSklearnTest.num(e.get("clusters")));
    assertThat(r.silhouette()).isFinite();

    ModelSelection.Row one = ms.score(1, Embeddings.of(new float[][] {{0, 0}, {1, 1}, {2, 2}}),
        new Clustering(new int[] {0, 0, -1}, Embeddings.zeros(1, 2), 0, 1), Double.NaN);
    assertThat(one.silhouette()).isNaN();
    assertThat(one.noise()).isEqualTo(1);
  }
}
