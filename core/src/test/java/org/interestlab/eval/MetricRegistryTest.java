package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import java.util.List;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {

  /** Average recommendation popularity (mean training popularity of the top K): a per-user metric reading the context. */
  private record MeanPopularity(int k, EvaluationContext ctx) implements RankingMetric {
    @Override
    public String name() {
      return "mean-popularity@" + k;
    }

    @Override
    public double value(int[] ranked, BitSet relevant, int numRelevant) {
      int n = Math.min(k, ranked.length);
      double sum = 0;
      for (int i = 0; i < n; i++) sum += ctx.popularity(ranked[i]);
      return n == 0 ? 0 : sum / n;
    }
  }

  /** Sum of the first coordinate of every recommended item's vector: a system metric reading item vectors. */
  private static final class FirstCoordinateSum implements SystemMetric {
    private final int k;
    private final Embeddings vectors;
    private double sum;

    FirstCoordinateSum(int k, Embeddings vectors) {
      this.k = k;
      this.vectors = vectors;
    }

    @Override
    public String name() {
      return "first-coordinate@" + k;
    }

    @Override
    public void add(int[] ranked, BitSet relevant, int numRelevant) {
      for (int i = 0; i < Math.min(k, ranked.length); i++) sum += vectors.get(ranked[i], 0);
    }

    @Override
    public void combine(SystemMetric other) {
      sum += ((FirstCoordinateSum) other).sum;
    }

    @Override
    public double evaluate() {
      return sum;
    }

    @Override
    public SystemMetric newEmpty() {
      return new FirstCoordinateSum(k, vectors);
    }
  }

  private static final MetricRegistry TOY = MetricRegistry.of(List.of(
      MetricDefinition.perUser("mean-popularity", MetricSpec.Kind.BEYOND_ACCURACY, MetricRange.of(0, Double.POSITIVE_INFINITY),
          MeanPopularity::new),
      MetricDefinition.system("first-coordinate", MetricSpec.Kind.BEYOND_ACCURACY, MetricRange.of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
          (k, ctx) -> new FirstCoordinateSum(k, ctx.itemVectors())).needingItemVectors()));

  private static final int[] POPULARITY = {5, 0, 2, 3};

  @Test
  void namesAllowedWithoutGroundTruthComeFromTheRegistry() {
    assertThat(MetricRegistry.standard().allowedNames(m -> !m.kind().needsGroundTruth())).containsExactly(
        "precision@K", "recall@K", "ndcg@K", "map@K", "mrr@K", "hitrate@K", "f1@K", "coverage@K",
        "diversity@K", "novelty@K", "avgpop@K", "gini@K", "silhouette", "silhouette-cosine", "davies-bouldin", "calinski-harabasz");
    assertThat(MetricRegistry.standard().allowedNames(m -> m.kind().needsGroundTruth())).containsExactly(
        "ari", "nmi", "ami", "v-measure", "homogeneity", "completeness", "purity");
    assertThat(MetricRegistry.standard().allowedNames(MetricDefinition::needsItemVectors)).containsExactly("diversity@K");
    assertThat(MetricSpec.allowedNames()).isEqualTo(MetricRegistry.standard().allowedNames());
  }

  @Test
  void everyStandardMetricHasADocumentedRange() {
    assertThat(MetricSpec.parse("ndcg@10").range()).isEqualTo(MetricRange.UNIT);
    assertThat(MetricSpec.parse("silhouette").range()).hasToString("[-1, 1]");
    assertThat(MetricSpec.parse("davies-bouldin").range()).hasToString("[0, ∞)");
    assertThat(MetricSpec.parse("ami").range()).hasToString("(-∞, 1]");
    assertThat(MetricRegistry.standard().definitions()).allSatisfy(d -> assertThat(d.range()).isNotNull());
  }

  @Test
  void aPerUserMetricSeesTrainingPopularity() {
    // popularity {5, 0, 2, 3}; top 2 of [0, 2, 3] = items 0 and 2 -> (5 + 2) / 2 = 3.5; top 2 of [1, 3] -> (0 + 3) / 2 = 1.5
    EvaluationContext ctx = EvaluationContext.of(4, 2, POPULARITY, 5);
    MetricSpec spec = TOY.parse("mean-popularity");
    assertThat(spec.isPerUser()).isTrue();
    MeanAggregate mean = spec.newPerUserMean(2, ctx);
    assertThat(mean.addUser(new int[] {0, 2, 3}, new BitSet(), 1)).isEqualTo(3.5);
    assertThat(mean.addUser(new int[] {1, 3}, new BitSet(), 1)).isEqualTo(1.5);
    assertThat(mean.evaluate()).isEqualTo(2.5);
    assertThat(mean.name()).isEqualTo("mean-popularity@2");
  }

  @Test
  void aMetricNeedingItemVectorsSaysSoAndIsNotBuiltWithoutThem() {
    MetricSpec spec = TOY.parse("first-coordinate@2");
    assertThat(spec.needsItemVectors()).isTrue();
    assertThat(TOY.parse("mean-popularity").needsItemVectors()).isFalse();
    assertThat(TOY.allowedNames(MetricDefinition::needsItemVectors)).containsExactly("first-coordinate@K");
    EvaluationContext without = EvaluationContext.of(4, 10, POPULARITY, 5);
    assertThatThrownBy(() -> spec.newSystemMetric(10, without))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("first-coordinate@2 needs item vectors");

    // vectors (first coordinates 0.5, -1, 2, 4); top 2 of [3, 2, 0] -> 4 + 2 = 6, top 2 of [1] -> -1; total 5
    Embeddings vectors = Embeddings.of(new float[][] {{0.5f, 9}, {-1, 9}, {2, 9}, {4, 9}});
    SystemMetric m = spec.newSystemMetric(10, without.withItemVectors(vectors));
    m.add(new int[] {3, 2, 0}, null, 0);
    m.add(new int[] {1}, null, 0);
    assertThat(m.evaluate()).isCloseTo(5.0, within(1e-12));
  }

  @Test
  void registrationsAreChecked() {
    MetricDefinition ndcg = MetricDefinition.perUser("ndcg", MetricSpec.Kind.RANKING, MetricRange.UNIT, (k, ctx) -> new Ndcg(k));
    assertThatThrownBy(() -> MetricRegistry.of(List.of(ndcg, ndcg)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ndcg' is registered twice");
    assertThatThrownBy(() -> MetricDefinition.perUser("x", MetricSpec.Kind.CLUSTERING, MetricRange.UNIT, (k, ctx) -> new Ndcg(k)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MetricDefinition.perUser("NDCG@10", MetricSpec.Kind.RANKING, MetricRange.UNIT, (k, ctx) -> new Ndcg(k)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MetricDefinition.clustering("c", MetricRange.UNIT, DaviesBouldin::new).needingItemVectors())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> MetricRange.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRegistryParsesOnlyItsOwnNames() {
    assertThatThrownBy(() -> TOY.parse("ndcg@10"))
        .isInstanceOf(UserException.class)
        .hasMessage("unknown metric 'ndcg@10' — allowed: mean-popularity@K, first-coordinate@K"
            + " (K in 1..10000; a top-K metric without @K uses the run's K)");
  }
}
