package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every registered top-K metric promises, checked on random rankings. The metrics are read
 * from {@link MetricRegistry#standard()} and built as a run builds them ({@code name@7} through
 * {@link MetricSpec}, with a context that has popularity and item vectors), so a newly registered
 * metric is covered without editing this test; each case is named after the metric it checks.
 */
class RankingMetricContractTest {
  private static final int K = 7;
  private static final int ITEMS = 40;
  private static final EvaluationContext CTX = context();

  static Stream<String> perUser() {
    return MetricRegistry.standard().definitions().stream().filter(MetricDefinition::isPerUser).map(MetricDefinition::name);
  }

  /** Per-user accuracy metrics: these also score hits, so more hits must never lower them. */
  static Stream<String> perUserAccuracy() {
    return MetricRegistry.standard().definitions().stream()
        .filter(d -> d.isPerUser() && d.kind() == MetricSpec.Kind.RANKING).map(MetricDefinition::name);
  }

  static Stream<String> topK() {
    return MetricRegistry.standard().definitions().stream().filter(d -> d.kind().usesK()).map(MetricDefinition::name);
  }

  private static EvaluationContext context() {
    Random rnd = new Random(17);
    int users = 50;
    int[] popularity = rnd.ints(ITEMS, 0, users + 1).toArray();
    float[][] vectors = new float[ITEMS][8];
    for (float[] v : vectors) for (int j = 0; j < v.length; j++) v[j] = (float) rnd.nextGaussian();
    return EvaluationContext.of(ITEMS, K, popularity, users).withItemVectors(Embeddings.of(vectors));
  }

  private static MetricSpec spec(String name) {
    return MetricSpec.parse(name + "@" + K);
  }

  private static RankingMetric metric(String name) {
    return spec(name).rankingMetric(K, CTX);
  }

  private static int[] randomRanking(Random rnd) {
    return rnd.ints(0, ITEMS).distinct().limit(rnd.nextInt(15)).toArray();
  }

  private static BitSet randomRelevant(Random rnd) {
    BitSet rel = new BitSet();
    while (rel.isEmpty()) for (int t = 0; t < 1 + rnd.nextInt(8); t++) rel.set(rnd.nextInt(ITEMS));
    return rel;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("perUser")
  void valuesLieInTheDocumentedRangeAndInputsAreNotMutated(String name) {
    RankingMetric m = metric(name);
    MetricRange range = spec(name).range();
    assertThat(m.name()).isEqualTo(name + "@" + K);
    Random rnd = new Random(3);
    for (int trial = 0; trial < 300; trial++) {
      int[] ranked = randomRanking(rnd);
      BitSet rel = randomRelevant(rnd);
      int[] rankedCopy = ranked.clone();
      BitSet relCopy = (BitSet) rel.clone();
      double v = m.value(ranked, rel, rel.cardinality());
      assertThat(range.contains(v)).as(name + " = " + v + " within " + range).isTrue();
      assertThat(m.value(ranked, rel, rel.cardinality())).as("same input, same value").isEqualTo(v);
      assertThat(ranked).containsExactly(rankedCopy);
      assertThat(rel).isEqualTo(relCopy);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("perUserAccuracy")
  void accuracyMetricsLieInZeroOne(String name) {
    assertThat(spec(name).range()).isEqualTo(MetricRange.UNIT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("perUserAccuracy")
  void anEmptyRankingScoresZero(String name) {
    BitSet rel = new BitSet();
    rel.set(1);
    assertThat(metric(name).value(new int[0], rel, 1)).isEqualTo(0.0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("perUserAccuracy")
  void nullInputsAreRejected(String name) {
    RankingMetric m = metric(name);
    BitSet rel = new BitSet();
    rel.set(1);
    assertThatThrownBy(() -> m.value(null, rel, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(m.name());
    assertThatThrownBy(() -> m.value(new int[] {1}, null, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.value(new int[] {1}, rel, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("perUserAccuracy")
  void moreHitsNeverLowerTheValue(String name) {
    // Turning a miss in the top K into a hit (same |R|) must not decrease any accuracy metric.
    RankingMetric m = metric(name);
    int[] ranked = {0, 1, 2, 3, 4, 5, 6, 7};
    BitSet base = new BitSet();
    base.set(2);
    base.set(30);
    BitSet better = new BitSet();
    better.set(2);
    better.set(5);
    assertThat(m.value(ranked, better, 2)).isGreaterThanOrEqualTo(m.value(ranked, base, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topK")
  void splitAndSequentialEvaluationGiveTheSameBitsWithinTheRange(String name) {
    MetricSpec spec = spec(name);
    SystemMetric proto = spec.newSystemMetric(K, CTX);
    assertThat(proto.name()).isEqualTo(spec.resolvedName(K));
    Random rnd = new Random(11);
    int users = 300;
    int[][] ranked = new int[users][];
    BitSet[] test = new BitSet[users];
    for (int u = 0; u < users; u++) {
      ranked[u] = randomRanking(rnd);
      test[u] = randomRelevant(rnd);
    }
    SystemMetric seq = proto.newEmpty();
    for (int u = 0; u < users; u++) seq.add(ranked[u], test[u], test[u].cardinality());
    SystemMetric par = IntStream.range(0, users).parallel().collect(
        proto::newEmpty, (acc, u) -> acc.add(ranked[u], test[u], test[u].cardinality()), SystemMetric::combine);
    assertThat(Double.doubleToLongBits(par.evaluate())).isEqualTo(Double.doubleToLongBits(seq.evaluate()));
    assertThat(spec.range().contains(seq.evaluate())).as(name + " = " + seq.evaluate() + " within " + spec.range()).isTrue();
    assertThat(Double.doubleToLongBits(proto.evaluate())).as("adding to copies leaves the prototype empty")
        .isEqualTo(Double.doubleToLongBits(proto.newEmpty().evaluate()));
  }
}
