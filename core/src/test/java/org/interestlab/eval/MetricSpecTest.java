package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.interestlab.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricSpecTest {
  /** A run over {@code items} items with cutoff {@code runK}; no item has been seen in training. */
  private static EvaluationContext ctx(int items, int runK) {
    return EvaluationContext.of(items, runK, new int[items], 1);
  }

  @Test
  void rankingNamesCarryTheirK() {
    for (String family : List.of("precision", "recall", "ndcg", "map", "mrr", "hitrate", "f1")) {
      MetricSpec s = MetricSpec.parse(family + "@10");
      assertThat(s.kind()).isEqualTo(MetricSpec.Kind.RANKING);
      assertThat(s.k()).hasValue(10);
      assertThat(s.family()).isEqualTo(family);
      assertThat(s.isPerUser()).isTrue();
      assertThat(s.needsItemVectors()).isFalse();
      assertThat(s.rankingMetric(20, ctx(100, 20)).name()).isEqualTo(family + "@10");
      SystemMetric m = s.newSystemMetric(20, ctx(100, 20));
      assertThat(m).isInstanceOf(MeanAggregate.class);
      assertThat(m.name()).isEqualTo(family + "@10");
      assertThat(s.newPerUserMean(20, ctx(100, 20)).name()).isEqualTo(family + "@10");
    }
    assertThat(MetricSpec.parse("map@5").rankingMetric(10, ctx(100, 10))).isEqualTo(new AveragePrecision(5));
    assertThat(MetricSpec.parse("mrr@1").rankingMetric(10, ctx(100, 10))).isEqualTo(new ReciprocalRank(1));
    assertThat(MetricSpec.parse("ndcg@10000").k()).hasValue(10_000);
  }

  @Test
  void withoutKTheRunsKIsUsed() {
    MetricSpec coverage = MetricSpec.parse("coverage");
    assertThat(coverage.kind()).isEqualTo(MetricSpec.Kind.BEYOND_ACCURACY);
    assertThat(coverage.k()).isEmpty();
    assertThat(coverage.name()).isEqualTo("coverage");
    assertThat(coverage.resolvedName(20)).isEqualTo("coverage@20");
    assertThat(coverage.isPerUser()).isFalse();
    SystemMetric m = coverage.newSystemMetric(20, ctx(50, 20));
    assertThat(m).isInstanceOf(CatalogCoverage.class);
    assertThat(((CatalogCoverage) m).k()).isEqualTo(20);
    assertThat(((CatalogCoverage) m).numItems()).isEqualTo(50);
    // mrr without @K is MRR at the run's K, not over the full list
    assertThat(MetricSpec.parse("mrr").rankingMetric(10, ctx(100, 10))).isEqualTo(new ReciprocalRank(10));
    assertThat(MetricSpec.parse("coverage@5").newSystemMetric(20, ctx(50, 20)).name()).isEqualTo("coverage@5");
  }

  @Test
  void clusteringNames() {
    assertThat(MetricSpec.parse("silhouette").clusteringMetric()).isEqualTo(Silhouette.euclidean());
    assertThat(MetricSpec.parse("silhouette-cosine").clusteringMetric()).isEqualTo(Silhouette.cosine());
    assertThat(MetricSpec.parse("davies-bouldin").clusteringMetric()).isInstanceOf(DaviesBouldin.class);
    assertThat(MetricSpec.parse("calinski-harabasz").clusteringMetric()).isInstanceOf(CalinskiHarabasz.class);
    for (String n : List.of("silhouette", "silhouette-cosine", "davies-bouldin", "calinski-harabasz")) {
      MetricSpec s = MetricSpec.parse(n);
      assertThat(s.kind()).isEqualTo(MetricSpec.Kind.CLUSTERING);
      assertThat(s.kind().needsGroundTruth()).isFalse();
      assertThat(s.kind().needsClusters()).isTrue();
      assertThat(s.isPerUser()).isFalse();
      assertThat(s.clusteringMetric().name()).isEqualTo(n);
      assertThat(s.resolvedName(10)).isEqualTo(n);
    }
    for (String n : List.of("ari", "nmi", "ami", "v-measure", "homogeneity", "completeness", "purity")) {
      MetricSpec s = MetricSpec.parse(n);
      assertThat(s.kind()).isEqualTo(MetricSpec.Kind.EXTERNAL_CLUSTERING);
      assertThat(s.kind().needsGroundTruth()).isTrue();
      assertThat(s.kind().needsClusters()).isTrue();
      assertThat(s.externalClusteringMetric().name()).isEqualTo(n);
    }
    // identical labellings: every agreement metric is 1
    int[] l = {0, 0, 1, 1, 2};
    for (String n : List.of("ari", "nmi", "ami", "v-measure", "homogeneity", "completeness", "purity")) {
      assertThat(MetricSpec.parse(n).externalClusteringMetric().score(l, l)).as(n).isEqualTo(1.0);
    }
  }

  @Test
  void caseAndBlanksAreIgnored() {
    assertThat(MetricSpec.parse("  NDCG@10 ").name()).isEqualTo("ndcg@10");
    assertThat(MetricSpec.parse("Silhouette").name()).isEqualTo("silhouette");
    assertThat(MetricSpec.parse("ndcg@010")).isEqualTo(MetricSpec.parse("ndcg@10"));
  }

  @Test
  void unknownNameListsWhatIsAllowedAndSuggests() {
    assertThatThrownBy(() -> MetricSpec.parse("ndgc@10"))
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith("unknown metric 'ndgc@10' (did you mean 'ndcg@10'?) — allowed: precision@K, recall@K, ndcg@K, map@K, mrr@K, hitrate@K, f1@K, coverage@K, diversity@K, novelty@K, avgpop@K, gini@K, silhouette,")
        .hasMessageContaining("purity");
    assertThatThrownBy(() -> MetricSpec.parse("serendipity@10"))
        .isInstanceOf(UserException.class).hasMessageStartingWith("unknown metric 'serendipity@10' — allowed:");
    assertThatThrownBy(() -> MetricSpec.parse(" ")).isInstanceOf(UserException.class).hasMessageStartingWith("metric name is empty");
    assertThatThrownBy(() -> MetricSpec.parse(null)).isInstanceOf(UserException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ndcg@0", "ndcg@10001", "ndcg@", "ndcg@-1", "ndcg@ten", "ndcg@1.5", "ndcg@ 5", "ndcg@99999999999"})
  void badKIsRejected(String name) {
    assertThatThrownBy(() -> MetricSpec.parse(name))
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith("metric '" + name + "': K must be an integer in 1..10000, got '");
  }

  @Test
  void clusteringMetricsTakeNoK() {
    assertThatThrownBy(() -> MetricSpec.parse("silhouette@10"))
        .isInstanceOf(UserException.class).hasMessage("metric 'silhouette@10': silhouette takes no @K — write 'silhouette'");
  }

  @Test
  void askingForTheWrongKindOfMetricIsABug() {
    assertThatThrownBy(() -> MetricSpec.parse("ari").clusteringMetric()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> MetricSpec.parse("silhouette").newSystemMetric(10, ctx(5, 10))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> MetricSpec.parse("coverage").rankingMetric(10, ctx(5, 10))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> MetricSpec.parse("coverage").newPerUserMean(10, ctx(5, 10))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> MetricSpec.parse("ndcg").k(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MetricSpec.parse("ndcg").newSystemMetric(0, ctx(5, 10))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MetricSpec.parse("ndcg").newSystemMetric(20, ctx(5, 10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run K 20 differs from the context's K 10");
  }

  @Test
  void parseAllKeepsOrder() {
    assertThat(MetricSpec.parseAll(List.of("ndcg@10", "coverage", "ari"))).extracting(MetricSpec::name)
        .containsExactly("ndcg@10", "coverage", "ari");
    assertThat(MetricSpec.allowedNames()).hasSize(23).startsWith("precision@K").endsWith("purity");
  }
}
