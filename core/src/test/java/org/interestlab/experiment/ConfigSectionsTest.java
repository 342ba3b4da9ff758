package org.interestlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The optional {@code hierarchy:} and {@code dynamic:} sections: validated like every other key, before any work. */
class ConfigSectionsTest {
  private static final String BASE = """
      name: t
      dataset: { source: test-data }
      split: { kind: test-split }
      profile: { kind: mean }
      encoder: { kind: test-encoder }
      """;

  private static ExperimentConfig parse(String text, String... overrides) {
    return new ConfigLoader(ConfigLoaderTest.registry()).parse("x.yaml", text, List.of(overrides));
  }

  @Test
  void sectionsFillDefaultsAndNeedNoRecommenders() {
    ExperimentConfig c = parse(BASE + "hierarchy: { k_coarse: 5 }\ndynamic: {}\n");
    assertThat(c.recommenders()).isEmpty();
    assertThat(c.metrics()).isEmpty();
    assertThat(c.section("hierarchy").params().values()).containsExactly(
        Map.entry("k_coarse", 5), Map.entry("k_fine", 0), Map.entry("max_fine", 5), Map.entry("min_fine_size", 10),
        Map.entry("keywords", 5), Map.entry("n_init", 3), Map.entry("max_iter", 100), Map.entry("device", "cpu"));
    assertThat(c.section("dynamic").params().getInt("window_days")).isEqualTo(45);
    assertThat(c.section("dynamic").params().getDouble("decay")).isEqualTo(0.5);
    assertThat(c.section("dynamic").seed()).isNotEqualTo(c.section("hierarchy").seed()).isEqualTo(Seeds.derive(42, "dynamic"));
    assertThat(c.resolved().keySet()).containsExactly(
        "name", "seed", "dataset", "split", "profile", "encoder", "hierarchy", "dynamic", "recommenders", "metrics");
    assertThat(parse(BASE + "hierarchy:\n").section("hierarchy").params().getInt("k_coarse")).isEqualTo(12);
    assertThat(parse(BASE + "hierarchy: {}\n").section("dynamic")).isNull();
  }

  @Test
  void theResolvedConfigLoadsAgainToTheSameConfig() {
    ExperimentConfig c = parse(BASE + "dynamic: { window_days: 30, persistence: 2 }\n");
    ExperimentConfig again = parse(ConfigYaml.dump(c.resolved()));
    assertThat(again.resolved()).isEqualTo(c.resolved());
    assertThat(again.section("dynamic")).isEqualTo(c.section("dynamic"));
  }

  @Test
  void overridesAndSweepsReachSectionKeys() {
    assertThat(parse(BASE + "dynamic: {}\n", "dynamic.window_days=30").section("dynamic").params().getInt("window_days")).isEqualTo(30);
    List<ExperimentConfig> sweep = new ConfigLoader(ConfigLoaderTest.registry())
        .parseAll("x.yaml", BASE + "hierarchy: {}\nsweep:\n  hierarchy.k_coarse: [4, 8]\n", List.of());
    assertThat(sweep).extracting(c -> c.section("hierarchy").params().getInt("k_coarse")).containsExactly(4, 8);
  }

  @Test
  void withoutASectionRecommendersAreStillRequired() {
    assertThatThrownBy(() -> parse(BASE)).isInstanceOf(ConfigException.class).hasMessage("x.yaml: recommenders: missing — this key is required");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "hierarchy: { k_corse: 4 }|x.yaml: hierarchy.k_corse: unknown key for hierarchy — allowed keys: k_coarse, k_fine, max_fine, min_fine_size, keywords, n_init, max_iter, device",
      "hierarchy: { k_coarse: 0 }|x.yaml: hierarchy.k_coarse: 0 is out of range — allowed: an integer ≥ 1 and ≤ 1000000",
      "hierarchy: { device: tpu }|x.yaml: hierarchy.device: 'tpu' is not allowed — allowed: one of auto, cpu, gpu",
      "hierarchy: [1, 2]|x.yaml: hierarchy: a list — allowed: a mapping of k_coarse, k_fine, max_fine, min_fine_size, keywords, n_init, max_iter, device (or {} for the defaults)",
      "dynamic: { decay: 1.5 }|x.yaml: dynamic.decay: 1.5 is out of range — allowed: a number ≥ 0 and ≤ 1",
      "dynamic: { birth_distance: 0 }|x.yaml: dynamic.birth_distance: 0 is out of range — allowed: a number > 0 and ≤ 2",
      "dynamic: { window_days: 7.5 }|x.yaml: dynamic.window_days: 7.5 is not an integer — allowed: an integer ≥ 1 and ≤ 36500",
      "dynamic: { min_overlap: }|x.yaml: dynamic.min_overlap: empty value — allowed: a number > 0 and ≤ 1",
      "dynamic: { windows: 3 }|x.yaml: dynamic.windows: unknown key for dynamic — allowed keys: window_days, k, decay, birth_distance, min_cluster_size, max_iter, stickiness, min_overlap, min_similarity, persistence, keywords",
  })
  void badSectionValuesNameFileKeyValueAndWhatIsAllowed(String section, String message) {
    assertThatThrownBy(() -> parse(BASE + section + "\n")).isInstanceOf(ConfigException.class).hasMessage(message);
  }
}
