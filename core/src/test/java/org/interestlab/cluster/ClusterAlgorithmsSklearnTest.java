package org.interestlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.interestlab.compute.Embeddings;
import org.interestlab.testing.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * DBSCAN, agglomerative clustering and the diagonal Gaussian mixture against scikit-learn 1.2.1:
 * expected values written once by {@code cluster/make_cluster_algos_expected.py}.
 */
public class ClusterAlgorithmsSklearnTest {
  static final Map<String, Object> EXPECTED = load();

  @SuppressWarnings("unchecked")
  static Map<String, Object> load() {
    try (InputStream in = ClusterAlgorithmsSklearnTest.class.getResourceAsStream("/cluster/algos_expected.json")) {
      return new Yaml().load(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> cases(String group) {
    return (List<Map<String, Object>>) EXPECTED.get(group);
  }

  static Embeddings points(Map<String, Object> c) {
    return TestFiles.matrix("/cluster/algos_" + c.get("data") + "_points.csv");
  }

  /** A JSON number (the YAML reader leaves some exponent forms as strings). */
  public static double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : Double.parseDouble(o.toString());
  }

  @SuppressWarnings("unchecked")
  static int[] ints(Object o) {
    return ((List<Object>) o).stream().mapToInt(v -> (int) num(v)).toArray();
  }

  @SuppressWarnings("unchecked")
  static double[] doubles(Object o) {
    return ((List<Object>) o).stream().mapToDouble(ClusterAlgorithmsSklearnTest::num).toArray();
  }

  @SuppressWarnings("unchecked")
  static double[][] matrix(Object o) {
    return ((List<Object>) o).stream().map(ClusterAlgorithmsSklearnTest::doubles).toArray(double[][]::new);
  }

  static Stream<Arguments> named(String group) {
    return cases(group).stream().map(c -> Arguments.of(c.get("data") + " " + c.entrySet().stream()
        .filter(e -> !(e.getValue() instanceof List) && !e.getKey().equals("data")).limit(3).map(e -> e.getKey() + "=" + e.getValue())
        .toList(), c));
  }

  static Stream<Arguments> dbscanCases() {
    return named("dbscan");
  }

  static Stream<Arguments> agglomerativeCases() {
    return named("agglomerative");
  }

  static Stream<Arguments> gmmCases() {
    return named("gmm");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dbscanCases")
  void dbscanGivesScikitLearnsLabelsExactly(String name, Map<String, Object> c) {
    Dbscan db = new Dbscan(num(c.get("eps")), (int) num(c.get("min_samples")), DistanceMetric.parse((String) c.get("metric")), "cpu");
    Clustering result = db.fit(points(c));
    assertThat(result.labels()).containsExactly(ints(c.get("labels")));
    assertThat(result.numClusters()).isEqualTo((int) num(c.get("clusters")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agglomerativeCases")
  void agglomerativeGivesScikitLearnsLabelsAndHeights(String name, Map<String, Object> c) {
    Embeddings x = points(c);
    Agglomerative.Linkage linkage = Agglomerative.Linkage.parse((String) c.get("linkage"));
    DistanceMetric metric = DistanceMetric.parse((String) c.get("metric"));
    int k = (int) num(c.get("n_clusters"));
    Agglomerative byK = new Agglomerative(k, linkage, metric, 0, 10_000);
    // Same numbering as scikit-learn's _hc_cut, not only the same partition.
    assertThat(byK.fit(x).labels()).containsExactly(ints(c.get("labels")));

    double[] heights = byK.tree(x).distances();
    double[] expected = doubles(c.get("distances"));
    assertThat(heights).hasSameSizeAs(expected);
    for (int i = 0; i < heights.length; i++) assertThat(heights[i]).as("merge " + i).isCloseTo(expected[i], within(1e-9 * Math.max(1, expected[i])));

    Agglomerative byThreshold = new Agglomerative(99, linkage, metric, num(c.get("threshold")), 10_000);
    Clustering cut = byThreshold.fit(x);
    assertThat(cut.numClusters()).isEqualTo((int) num(c.get("threshold_clusters")));
    assertThat(cut.labels()).containsExactly(ints(c.get("threshold_labels")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gmmCases")
  void gaussianMixtureMatchesScikitLearnFromTheSameInit(String name, Map<String, Object> c) {
    Embeddings x = points(c);
    int k = (int) num(c.get("k"));
    GaussianMixture gm = new GaussianMixture(k, num(c.get("tol")), 1e-6, 100, 1, 0L);
    FittedGaussianMixture g = c.get("init").equals("given")
        ? gm.fitFrom(x, doubles(c.get("weights_init")), matrix(c.get("means_init")), matrix(c.get("variances_init")))
        : gm.fitFromLabels(x, ints(c.get("init_labels")));

    // The goal is 1e-4 relative; in double precision from the same start the two agree to 1e-10.
    double ll = num(c.get("log_likelihood"));
    assertThat(g.logLikelihood(x)).isCloseTo(ll, within(Math.abs(ll) * 1e-10));
    double lb = num(c.get("lower_bound"));
    assertThat(g.lowerBound()).isCloseTo(lb, within(Math.abs(lb) * 1e-10));
    double bic = num(c.get("bic"));
    assertThat(g.bic(x)).isCloseTo(bic, within(Math.abs(bic) * 1e-4));
    assertThat(g.iterations()).isEqualTo((int) num(c.get("n_iter")));
    assertThat(g.converged()).isEqualTo(c.get("converged"));
    assertThat(g.labels()).containsExactly(ints(c.get("labels")));
    assertThat(g.predict(x)).containsExactly(ints(c.get("labels")));
    double[] w = doubles(c.get("weights"));
    for (int i = 0; i < k; i++) assertThat(g.weights()[i]).isCloseTo(w[i], within(1e-9));
    double[][] means = matrix(c.get("means"));
    double[][] variances = matrix(c.get("variances"));
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < x.dim(); j++) {
        assertThat(g.means()[i][j]).isCloseTo(means[i][j], within(1e-8 * Math.max(1, Math.abs(means[i][j]))));
        assertThat(g.variances()[i][j]).isCloseTo(variances[i][j], within(1e-8 * variances[i][j]));
      }
    }
  }
}
