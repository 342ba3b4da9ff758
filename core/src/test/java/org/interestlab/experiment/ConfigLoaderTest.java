package org.interestlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.ParamSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  private static final String GOOD = """
      name: t
      seed: 7
      dataset: { source: test-data }
      split: { kind: test-split }
      profile: { kind: mean }
      encoder: { kind: test-encoder }
      clusterer: { kind: kmeans, k: 4 }
      recommenders:
        - { kind: most-popular }
        - { kind: item-knn, neighbours: 20 }
        - { kind: item-knn, name: item-knn-5, neighbours: 5 }
      metrics: [ndcg@10, recall@20, ari]
      """;

  /** The core registry plus stand-ins for the stages whose components live elsewhere. */
  static Registry registry() {
    Registry r = new Registry();
    Registry.Core.register(r);
    r.register(Stage.DATASET, new ComponentSpec<>("test-data", "", ParamList.of(ParamSpec.string("path", "", "")), (p, s) -> "data"));
    r.register(Stage.SPLIT, new ComponentSpec<>("test-split", "",
        ParamList.of(ParamSpec.openInterval("test_fraction", 0.2, 0, 1, "")), (p, s) -> "split"));
    r.register(Stage.ENCODER, new ComponentSpec<>("test-encoder", "", ParamList.none(), (p, s) -> "enc"));
    return r;
  }

  private static ExperimentConfig parse(String text, String... overrides) {
    return new ConfigLoader(registry()).parse("x.yaml", text, List.of(overrides));
  }

  @Test
  void fillsDefaultsAndKeepsOrder() {
    ExperimentConfig c = parse(GOOD);
    assertThat(c.name()).isEqualTo("t");
    assertThat(c.seed()).isEqualTo(7);
    assertThat(c.clusterer().params().values()).containsExactly(
        Map.entry("k", 4), Map.entry("init", "k-means++"), Map.entry("n_init", 3), Map.entry("max_iter", 100),
        Map.entry("tol", 1e-4), Map.entry("device", "cpu"), Map.entry("algorithm", "auto"), Map.entry("metric", "euclidean"),
        Map.entry("init_rounds", 5), Map.entry("init_oversampling", 2.0), Map.entry("arithmetic", "exact"),
        Map.entry("arithmetic_threads", 0));
    assertThat(c.split().params().getDouble("test_fraction")).isEqualTo(0.2);
    assertThat(c.recommenders()).extracting(ComponentConfig::name).containsExactly("most-popular", "item-knn", "item-knn-5");
    assertThat(c.topK()).isEqualTo(20);
    assertThat(c.resolved().keySet()).containsExactly(
        "name", "seed", "dataset", "split", "profile", "encoder", "clusterer", "recommenders", "metrics");
  }

  @Test
  void seedsDifferPerComponentAndFollowTheRunSeed() {
    ExperimentConfig a = parse(GOOD);
    ExperimentConfig b = parse(GOOD, "seed=8");
    assertThat(a.clusterer().seed()).isNotEqualTo(a.split().seed());
    assertThat(a.clusterer().seed()).isNotEqualTo(b.clusterer().seed());
    assertThat(parse(GOOD).clusterer().seed()).isEqualTo(a.clusterer().seed());
  }

  @Test
  void overridesReachNestedKeysAndListElements() {
    ExperimentConfig c = parse(GOOD, "clusterer.k=9", "recommenders.1.neighbours=3", "split.test_fraction=0.5");
    assertThat(c.clusterer().params().getInt("k")).isEqualTo(9);
    assertThat(c.recommenders().get(1).params().getInt("neighbours")).isEqualTo(3);
    assertThat(c.split().params().getDouble("test_fraction")).isEqualTo(0.5);
  }

  /** Each bad config names the file and the key path, the bad value, and what is allowed. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "clusterer.k=-3          | x.yaml: clusterer.k: -3 is out of range — allowed: an integer ≥ 1 and ≤ 1000000",
      "clusterer.k=twelve      | x.yaml: clusterer.k: 'twelve' is not an integer — allowed: an integer",
      "clusterer.kk=3          | x.yaml: clusterer.kk: unknown key for kind 'kmeans' — allowed keys: kind, k, init",
      "clusterer.kind=kmeanz   | x.yaml: clusterer.kind: 'kmeanz' is not known — allowed: kmeans",
      "clusterer.init=smart    | x.yaml: clusterer.init: 'smart' is not allowed — allowed: one of k-means++, k-means||, random",
      "split.test_fraction=1.5 | x.yaml: split.test_fraction: 1.5 is out of range — allowed: a number > 0 and < 1",
      "split.test_fraction=1   | x.yaml: split.test_fraction: 1 is out of range — allowed: a number > 0 and < 1",
      "split.test_fraction=0   | x.yaml: split.test_fraction: 0 is out of range — allowed: a number > 0",
      "recommenders.0.kind=foo | x.yaml: recommenders[0].kind: 'foo' is not known — allowed: most-popular, cluster-popular, cluster-centroid, content-knn, item-knn",
      "recommenders.2.name=item-knn | x.yaml: recommenders[2].name: 'item-knn' is used twice",
      "metrics.0=ndgc@10       | x.yaml: metrics[0]: unknown metric 'ndgc@10' (did you mean 'ndcg@10'?) — allowed:",
      "seed=abc                | x.yaml: seed: 'abc' is not an integer",
      "name=has space          | x.yaml: name: 'has space' — allowed: letters, digits",
      "colour=red              | x.yaml: colour: unknown key — allowed keys: name, description, seed",
      "profile.kind=           | x.yaml: profile.kind: missing — allowed: text-concat, mean, recency-mean",
      "recommenders.1.neighbours=0 | x.yaml: recommenders[1].neighbours: 0 is out of range — allowed: an integer ≥ 1",
      "encoder=                | x.yaml: encoder: missing — this key is required",
      "recommenders=[]         | x.yaml: recommenders: a list — allowed: a non-empty list",
      "dataset.path=5          | x.yaml: dataset.path: 5 is not a string — allowed: a string",
      "item_documents.reviews=sometimes | x.yaml: item_documents.reviews: 'sometimes' is not allowed — allowed: one of auto, always, never",
      "item_documents.max_reviews=0 | x.yaml: item_documents.max_reviews: 0 is out of range — allowed: an integer ≥ 1",
      "item_documents.cap=3    | x.yaml: item_documents.cap: unknown key for item_documents — allowed keys: reviews, pooling, max_reviews",
  })
  void badConfigsGiveOneClearMessage(String override, String expected) {
    assertThatThrownBy(() -> parse(GOOD, override))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(expected.strip())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void clusterMetricsAndRecommendersNeedAClusterer() {
    String noClusterer = GOOD.replace("clusterer: { kind: kmeans, k: 4 }\n", "");
    assertThatThrownBy(() -> parse(noClusterer)).hasMessage("x.yaml: metrics[2]: 'ari' is a clustering metric but the config has no clusterer");
    assertThatThrownBy(() -> parse(noClusterer.replace("metrics: [ndcg@10, recall@20, ari]", "metrics: [ndcg@10]"),
        "recommenders.0.kind=cluster-popular"))
        .hasMessageStartingWith("x.yaml: recommenders[0].kind: 'cluster-popular' needs user clusters");
  }

  @Test
  void aRecommenderCannotTakeANameResultsAreReportedUnder() {
    // The clusterer's metrics are reported under its kind, an analysis section's under its key.
    assertThatThrownBy(() -> parse(GOOD, "recommenders.0.name=kmeans"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("x.yaml: recommenders[0].name: 'kmeans' is the name of the clusterer or an analysis section");
    assertThatThrownBy(() -> parse(GOOD, "recommenders.1.name=hierarchy"))
        .hasMessageStartingWith("x.yaml: recommenders[1].name: 'hierarchy' is the name of the clusterer or an analysis section");
    assertThat(parse(GOOD.replace("clusterer: { kind: kmeans, k: 4 }\n", "").replace(", ari]", "]"),
        "recommenders.0.name=kmeans").recommenders().get(0).name()).isEqualTo("kmeans");
  }

  @Test
  void listedRecommenderParametersAreCandidatesChosenOnValidation() {
    ExperimentConfig c = parse(GOOD, "recommenders.1.neighbours=[5, 50, 500]");
    ComponentConfig knn = c.recommenders().get(1);
    assertThat(knn.selects()).isTrue();
    assertThat(knn.candidates()).extracting(p -> p.getInt("neighbours")).containsExactly(5, 50, 500);
    assertThat(knn.params().getInt("neighbours")).isEqualTo(5);
    assertThat(c.recommenders().get(0).selects()).isFalse();
    // The section is filled in: the first per-user metric chooses, a tenth of training is held out.
    assertThat(c.section("validation").params().values()).containsExactly(Map.entry("metric", "ndcg@10"), Map.entry("share", 0.1));
    assertThat(c.resolved().get("validation")).isEqualTo(Map.of("metric", "ndcg@10", "share", 0.1));
    assertThat(parse(GOOD).section("validation")).isNull();
    assertThat(parse(GOOD).resolved()).doesNotContainKey("validation");

    assertThatThrownBy(() -> parse(GOOD, "recommenders.1.neighbours=[5, 0]"))
        .hasMessageStartingWith("x.yaml: recommenders[1].neighbours: 0 is out of range");
    assertThatThrownBy(() -> parse(GOOD, "recommenders.1.neighbours=[]"))
        .hasMessageStartingWith("x.yaml: recommenders[1].neighbours: [] — allowed: one value, or a non-empty list");
    assertThatThrownBy(() -> parse(GOOD, "clusterer.k=[2, 3]")).hasMessageStartingWith("x.yaml: clusterer.k: ");
    assertThatThrownBy(() -> parse(GOOD, "recommenders.1.neighbours=[5, 50]", "validation.metric=coverage@10"))
        .hasMessageStartingWith("x.yaml: validation.metric: 'coverage@10' is not a per-user metric — allowed: precision@K");
    assertThatThrownBy(() -> parse(GOOD, "validation.share=1"))
        .hasMessageStartingWith("x.yaml: validation.share: 1 is out of range");
  }

  @Test
  void syntaxErrorsNameTheLine() {
    assertThatThrownBy(() -> parse("name: t\nseed: [1,\n"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("x.yaml: line ").hasMessageContaining("YAML syntax error");
    assertThatThrownBy(() -> parse("- a\n- b\n")).hasMessageStartingWith("x.yaml: the config must be a mapping");
    assertThatThrownBy(() -> parse(GOOD, "nonsense")).hasMessageStartingWith("--set: 'nonsense' — expected key.path=value");
  }

  @Test
  void sweepExpandsToEveryCombinationInGridOrder() {
    String text = GOOD + "sweep:\n  encoder: [ { kind: test-encoder }, { kind: test-encoder } ]\n  clusterer.k: [2, 3]\n";
    List<ExperimentConfig> all = new ConfigLoader(registry()).parseAll("x.yaml", text, List.of());
    assertThat(all).extracting(ExperimentConfig::name)
        .containsExactly("t-test-encoder-2", "t-test-encoder-3", "t-test-encoder-2", "t-test-encoder-3");
    assertThat(all).extracting(c -> c.clusterer().params().getInt("k")).containsExactly(2, 3, 2, 3);
    assertThat(all.get(0).resolved()).doesNotContainKey("sweep");
    assertThatThrownBy(() -> parse(text)).hasMessageContaining("4 variants");
    assertThatThrownBy(() -> parse(GOOD + "sweep:\n  clusterer.k: [2, -1]\n"))
        .hasMessageStartingWith("x.yaml: clusterer.k: -1 is out of range");
    assertThatThrownBy(() -> parse(GOOD + "sweep:\n  clusterer.k: 5\n"))
        .hasMessageStartingWith("x.yaml: sweep.clusterer.k: 5 — allowed: a non-empty list");
  }

  @Test
  void aHybridsComponentsAreCheckedAsRecommendersWithTheirFullKeyPath() {
    String hybrid = "recommenders.0={kind: learned-hybrid, components: [{kind: ease, lambda: [25, 100]}, {kind: item-knn, neighbours: %s}]}";
    ExperimentConfig c = parse(GOOD, String.format(hybrid, "20"));
    assertThat(c.recommenders().get(0).candidates()).hasSize(1);
    assertThat(c.recommenders().get(0).params().getComponents("components")).hasSize(2);
    assertThatThrownBy(() -> parse(GOOD, String.format(hybrid, "0"))).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("x.yaml: recommenders[0].components[1].neighbours: 0 is out of range").hasMessageNotContaining("\n");
    assertThatThrownBy(() -> parse(GOOD, "recommenders.0={kind: learned-hybrid, components: [{kind: ease}]}"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("x.yaml: recommenders[0].components: ")
        .hasMessageContaining("allowed: a list of at least 2 recommender sections");
    assertThatThrownBy(() -> parse(GOOD, "recommenders.0={kind: learned-hybrid, components: [{kind: ease}, {kind: learned-hybrid}]}"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("x.yaml: recommenders[0].components[1].kind: 'learned-hybrid' inside");
  }
}
