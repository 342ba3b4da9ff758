package org.interestlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.interestlab.UserException;
import org.interestlab.cluster.DistanceMetric;
import org.interestlab.cluster.KMeans;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kmeans component's algorithm and metric parameters, from a config. */
class KMeansConfigTest {
  private static final String CONFIG = """
      name: t
      seed: 7
      dataset: { source: test-data }
      split: { kind: test-split }
      profile: { kind: mean }
      encoder: { kind: test-encoder }
      clusterer: { kind: kmeans, k: 4 }
      recommenders:
        - { kind: most-popular }
      metrics: [ndcg@10]
      """;

  private static ExperimentConfig parse(String... overrides) {
    return new ConfigLoader(ConfigLoaderTest.registry()).parse("x.yaml", CONFIG, List.of(overrides));
  }

  private static KMeans kmeans(ExperimentConfig c) {
    return c.clusterer().create(ConfigLoaderTest.registry(), KMeans.class);
  }

  @Test
  void defaultsAreHamerlyAndEuclidean() {
    KMeans km = kmeans(parse());
    assertThat(km.algorithm()).isEqualTo(KMeans.Algorithm.AUTO);
    assertThat(km.metric()).isEqualTo(DistanceMetric.EUCLIDEAN);
  }

  @Test
  void javaOfBuildsWhatTheConfigBuilds() {
    KMeans fromConfig = kmeans(parse());   // { kind: kmeans, k: 4 }, the rest at the defaults
    assertThat(KMeans.of(4).withSeed(fromConfig.seed())).isEqualTo(fromConfig);
    // The README's config reference: n_init 3, max_iter 100 (KMeans.of once used 1 and 300).
    assertThat(fromConfig.nInit()).isEqualTo(3);
    assertThat(fromConfig.maxIter()).isEqualTo(100);
  }

  @Test
  void algorithmAndMetricReachTheClusterer() {
    KMeans km = kmeans(parse("clusterer.algorithm=lloyd", "clusterer.metric=cosine"));
    assertThat(km.algorithm()).isEqualTo(KMeans.Algorithm.LLOYD);
    assertThat(km.metric()).isEqualTo(DistanceMetric.COSINE);
    assertThat(kmeans(parse("clusterer.algorithm=yinyang")).algorithm()).isEqualTo(KMeans.Algorithm.YINYANG);
    assertThat(kmeans(parse("clusterer.algorithm=elkan")).algorithm()).isEqualTo(KMeans.Algorithm.ELKAN);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "clusterer.algorithm=kdtree | x.yaml: clusterer.algorithm: 'kdtree' is not allowed — allowed: one of auto, hamerly, elkan, yinyang, lloyd",
      "clusterer.metric=l1       | x.yaml: clusterer.metric: 'l1' is not allowed — allowed: one of euclidean, cosine",
  })
  void badValuesGiveOneClearMessage(String override, String expected) {
    assertThatThrownBy(() -> parse(override))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(expected.strip())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void nonFiniteInitialCentresAreAUserError() {
    Embeddings x = Embeddings.of(new float[][] {{0, 0}, {1, 1}, {5, 5}});
    Embeddings init = Embeddings.of(new float[][] {{0, 0}, {Float.NaN, 1}});
    assertThatThrownBy(() -> new KMeans(2, KMeans.Init.RANDOM, 1, 10, 0.0, 0L, "cpu").fitFrom(x, init))
        .isInstanceOf(UserException.class).hasMessage("kmeans: initial centroids contain NaN or infinite values");
  }
}
