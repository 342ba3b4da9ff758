package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of every metric name a config accepts ({@link MetricSpec#allowedNames()}), so a
 * metric added there is covered without editing this test: on random rankings, points and labels
 * its values stay in their range, the same input gives the same value, and inputs are not changed;
 * a bad K (0, above {@value MetricSpec#MAX_K}, not a number, or any K on a metric that takes none)
 * is a one-line user error naming the metric.
 *
 * <p>Each value must lie in the range the metric registry documents for it ({@link MetricSpec#range()}).
 */
class MetricContractTest {
  private static final int K = 5;
  private static final int ITEMS = 40;
  /** Item vectors for metrics that read them (diversity); a zero row included. */
  private static final Embeddings ITEM_VECTORS = itemVectors();

  static Stream<String> names() {
    return MetricSpec.allowedNames().stream();
  }

  /** The name as a config writes it, with K filled in where the metric takes one. */
  private static String concrete(String allowedName) {
    return allowedName.replace("@K", "@" + K);
  }

  private static Embeddings itemVectors() {
    SplittableRandom rnd = new SplittableRandom(7);
    float[][] v = new float[ITEMS][6];
    for (int i = 1; i < ITEMS; i++) for (int j = 0; j < v[i].length; j++) v[i][j] = (float) rnd.nextGaussian();
    return Embeddings.of(v);
  }

  /** Popularity counts of the catalogue, for metrics that read the evaluation context. */
  private static EvaluationContext context(SplittableRandom rnd) {
    return EvaluationContext.of(ITEMS, K, rnd.ints(ITEMS, 0, 30).toArray(), 30).withItemVectors(ITEM_VECTORS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void valuesStayInRangeRepeatAndLeaveInputsAlone(String allowedName) {
    MetricSpec spec = MetricSpec.parse(concrete(allowedName));
    MetricRange range = spec.range();
    SplittableRandom rnd = new SplittableRandom(allowedName.hashCode());
    for (int trial = 0; trial < 100; trial++) {
      double[] values = switch (spec.kind()) {
        case RANKING, BEYOND_ACCURACY -> topK(spec, rnd);
        case CLUSTERING -> internal(spec, rnd);
        case EXTERNAL_CLUSTERING -> external(spec, rnd);
      };
      assertThat(values[1]).as("%s: same input, same value", spec).isEqualTo(values[0]);
      assertThat(values[0]).as("%s", spec).isFinite();
      assertThat(range.contains(values[0])).as("%s = %s lies in its documented range %s", spec, values[0], range).isTrue();
    }
  }

  /** Per-user values (RANKING) and the system value over 20 users, twice on the same input. */
  private static double[] topK(MetricSpec spec, SplittableRandom rnd) {
    int users = 20;
    int[][] ranked = new int[users][];
    BitSet[] relevant = new BitSet[users];
    for (int u = 0; u < users; u++) {
      ranked[u] = rnd.ints(0, ITEMS).distinct().limit(rnd.nextInt(2 * K)).toArray();
      relevant[u] = new BitSet();
      while (relevant[u].isEmpty()) for (int t = 0; t < 1 + rnd.nextInt(8); t++) relevant[u].set(rnd.nextInt(ITEMS));
    }
    int[][] rankedCopy = Arrays.stream(ranked).map(int[]::clone).toArray(int[][]::new);
    BitSet[] relevantCopy = Arrays.stream(relevant).map(b -> (BitSet) b.clone()).toArray(BitSet[]::new);
    EvaluationContext context = context(rnd);
    if (spec.isPerUser()) {
      RankingMetric m = spec.rankingMetric(K, context);
      for (int u = 0; u < users; u++) {
        double v = m.value(ranked[u], relevant[u], relevant[u].cardinality());
        assertThat(spec.range().contains(v)).as("%s = %s for one user lies in %s", spec, v, spec.range()).isTrue();
      }
    }
    double[] out = new double[2];
    for (int pass = 0; pass < 2; pass++) {
      SystemMetric total = spec.newSystemMetric(K, context);
      for (int u = 0; u < users; u++) total.add(ranked[u], relevant[u], relevant[u].cardinality());
      out[pass] = total.evaluate();
    }
    assertThat(ranked).isDeepEqualTo(rankedCopy);
    assertThat(relevant).isEqualTo(relevantCopy);
    return out;
  }

  /** 30 random 3-d points in 2–5 random clusters. */
  private static double[] internal(MetricSpec spec, SplittableRandom rnd) {
    int n = 30;
    double[][] points = new double[n][3];
    for (double[] p : points) for (int j = 0; j < 3; j++) p[j] = rnd.nextDouble(-5, 5);
    int[] labels = randomLabels(rnd, n, 2 + rnd.nextInt(4));
    double[][] pointsCopy = Arrays.stream(points).map(double[]::clone).toArray(double[][]::new);
    int[] labelsCopy = labels.clone();
    ClusteringMetric m = spec.clusteringMetric();
    double[] out = {m.score(points, labels), m.score(points, labels)};
    assertThat(points).isDeepEqualTo(pointsCopy);
    assertThat(labels).containsExactly(labelsCopy);
    return out;
  }

  private static double[] external(MetricSpec spec, SplittableRandom rnd) {
    int n = 1 + rnd.nextInt(40);
    int[] truth = randomLabels(rnd, n, 1 + rnd.nextInt(5));
    int[] predicted = rnd.nextBoolean() ? randomLabels(rnd, n, 1 + rnd.nextInt(5)) : truth.clone();
    int[] truthCopy = truth.clone();
    int[] predictedCopy = predicted.clone();
    ExternalClusteringMetric m = spec.externalClusteringMetric();
    double[] out = {m.score(truth, predicted), m.score(truth, predicted)};
    assertThat(truth).containsExactly(truthCopy);
    assertThat(predicted).containsExactly(predictedCopy);
    return out;
  }

  /** Labels from 0..k−1 (k ≤ n), each used at least once, in random order. */
  private static int[] randomLabels(SplittableRandom rnd, int n, int k) {
    k = Math.min(k, n);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) labels[i] = i < k ? i : rnd.nextInt(k);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = labels[i];
      labels[i] = labels[j];
      labels[j] = t;
    }
    return labels;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void badKIsAOneLineUserError(String allowedName) {
    String family = allowedName.replace("@K", "");
    List<String> bad = allowedName.endsWith("@K")
        ? List.of(family + "@0", family + "@" + (MetricSpec.MAX_K + 1), family + "@-3", family + "@ten", family + "@")
        : List.of(family + "@" + K);
    for (String name : bad) {
      assertThatThrownBy(() -> MetricSpec.parse(name)).as(name).isInstanceOf(UserException.class)
          .hasMessageContaining("'" + name + "'").hasMessageNotContaining("\n");
    }
  }
}
