package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Stream;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Clustering metrics against scikit-learn 1.2.1. Inputs and expected values are committed under
 * {@code src/test/resources/eval/}; they were written by {@code make_expected.py} there (see its
 * header for how to regenerate). Python is not needed to run this test.
 */
class ClusteringMetricsSklearnTest {
  private static final double TOL = 1e-9;
  private static final Map<String, Object> EXPECTED = loadJson("eval/expected.json");
  private static final Map<String, Object> LABEL_CASES = loadJson("eval/label_cases.json");

  /** One input file: labels and points. */
  record Dataset(String name, int[] truth, int[] pred, double[][] points) {}

  static Stream<Arguments> datasets() {
    return map(EXPECTED.get("datasets")).keySet().stream().sorted().map(Arguments::of);
  }

  static Stream<Arguments> labelCases() {
    return LABEL_CASES.keySet().stream().sorted().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("datasets")
  void internalMetricsMatchScikitLearn(String name) {
    Map<String, Object> exp = map(map(EXPECTED.get("datasets")).get(name));
    Dataset ds = readCsv(name, (String) exp.get("file"));
    for (String labelling : List.of("truth", "pred")) {
      int[] labels = labelling.equals("truth") ? ds.truth() : ds.pred();
      Map<String, Object> e = map(exp.get("internal_" + labelling));
      String what = name + "/" + labelling + "/";
      assertThat(InternalClusterMetrics.silhouette(ds.points(), labels)).as(what + "silhouette")
          .isCloseTo(num(e, "silhouette"), within(TOL));
      assertThat(InternalClusterMetrics.silhouetteCosine(ds.points(), labels)).as(what + "silhouette-cosine")
          .isCloseTo(num(e, "silhouette_cosine"), within(TOL));
      assertThat(InternalClusterMetrics.daviesBouldin(ds.points(), labels)).as(what + "davies-bouldin")
          .isCloseTo(num(e, "davies_bouldin"), within(TOL));
      // CH grows to ~1e3; compare relative to its size.
      double ch = num(e, "calinski_harabasz");
      assertThat(InternalClusterMetrics.calinskiHarabasz(ds.points(), labels)).as(what + "calinski-harabasz")
          .isCloseTo(ch, within(TOL * Math.max(1, Math.abs(ch))));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("datasets")
  void externalMetricsMatchScikitLearn(String name) {
    Map<String, Object> exp = map(map(EXPECTED.get("datasets")).get(name));
    Dataset ds = readCsv(name, (String) exp.get("file"));
    checkExternal(name, ds.truth(), ds.pred(), map(exp.get("external")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labelCases")
  void externalMetricsMatchScikitLearnOnLabelCases(String name) {
    Map<String, Object> c = map(LABEL_CASES.get(name));
    checkExternal(name, ints(c.get("truth")), ints(c.get("pred")), map(map(EXPECTED.get("label_cases")).get(name)));
  }

  @org.junit.jupiter.api.Test
  void embeddingsInputGivesTheSameValues() {
    // float32.csv holds float32 values written as doubles, so the Embeddings copy is exact.
    Map<String, Object> exp = map(map(EXPECTED.get("datasets")).get("float32"));
    Dataset ds = readCsv("float32", (String) exp.get("file"));
    float[][] f = new float[ds.points().length][];
    for (int i = 0; i < f.length; i++) {
      f[i] = new float[ds.points()[i].length];
      for (int j = 0; j < f[i].length; j++) f[i][j] = (float) ds.points()[i][j];
    }
    Embeddings emb = Embeddings.of(f);
    Map<String, Object> e = map(exp.get("internal_pred"));
    assertThat(InternalClusterMetrics.silhouette(emb, ds.pred())).isCloseTo(num(e, "silhouette"), within(TOL));
    assertThat(InternalClusterMetrics.silhouetteCosine(emb, ds.pred())).isCloseTo(num(e, "silhouette_cosine"), within(TOL));
    assertThat(InternalClusterMetrics.daviesBouldin(emb, ds.pred())).isCloseTo(num(e, "davies_bouldin"), within(TOL));
    double ch = num(e, "calinski_harabasz");
    assertThat(InternalClusterMetrics.calinskiHarabasz(emb, ds.pred())).isCloseTo(ch, within(TOL * ch));
    // The names a config uses build the same metrics.
    assertThat(MetricSpec.parse("silhouette-cosine").clusteringMetric().score(emb, ds.pred()))
        .isCloseTo(num(e, "silhouette_cosine"), within(TOL));
  }

  private static void checkExternal(String name, int[] truth, int[] pred, Map<String, Object> e) {
    Map<String, ToDoubleBiFunction<int[], int[]>> metrics = Map.of(
        "ari", ExternalClusterMetrics::adjustedRand,
        "nmi", ExternalClusterMetrics::normalizedMutualInfo,
        "ami", ExternalClusterMetrics::adjustedMutualInfo,
        "homogeneity", ExternalClusterMetrics::homogeneity,
        "completeness", ExternalClusterMetrics::completeness,
        "v_measure", ExternalClusterMetrics::vMeasure);
    for (var m : metrics.entrySet()) {
      assertThat(m.getValue().applyAsDouble(truth, pred)).as(name + "/" + m.getKey()).isCloseTo(num(e, m.getKey()), within(TOL));
    }
    // Through the config names too.
    assertThat(MetricSpec.parse("v-measure").externalClusteringMetric().score(truth, pred)).isCloseTo(num(e, "v_measure"), within(TOL));
    assertThat(MetricSpec.parse("ami").externalClusteringMetric().score(truth, pred)).isCloseTo(num(e, "ami"), within(TOL));
  }

  // ---- reading the committed files ----

  private static Dataset readCsv(String name, String file) {
    try (InputStream in = resource("eval/" + file);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = r.readLine();
      int d = header.split(",").length - 2;
      List<int[]> labels = new ArrayList<>();
      List<double[]> rows = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) continue;
        String[] f = line.split(",");
        labels.add(new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])});
        double[] row = new double[d];
        for (int j = 0; j < d; j++) row[j] = Double.parseDouble(f[j + 2]);
        rows.add(row);
      }
      int n = rows.size();
      int[] truth = new int[n];
      int[] pred = new int[n];
      for (int i = 0; i < n; i++) {
        truth[i] = labels.get(i)[0];
        pred[i] = labels.get(i)[1];
      }
      return new Dataset(name, truth, pred, rows.toArray(new double[0][]));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = ClusteringMetricsSklearnTest.class.getClassLoader().getResourceAsStream(path);
    if (in == null) throw new IllegalStateException("missing test resource " + path);
    return in;
  }

  /** JSON is YAML: SnakeYAML (already a dependency) reads the files written by Python's json. */
  private static Map<String, Object> loadJson(String path) {
    try (InputStream in = resource(path)) {
      return new Yaml().load(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  /** Python's json may write 1e-05 style numbers, which YAML 1.1 reads as strings: parse the text. */
  private static double num(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) throw new IllegalStateException("no expected value " + key);
    return Double.parseDouble(String.valueOf(v));
  }

  private static int[] ints(Object o) {
    List<?> list = (List<?>) o;
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) out[i] = ((Number) list.get(i)).intValue();
    return out;
  }
}
