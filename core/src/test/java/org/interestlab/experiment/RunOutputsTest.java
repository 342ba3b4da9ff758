package org.interestlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunOutputsTest {
  private static final String CONFIG = """
      name: t
      dataset: { source: test-data }
      split: { kind: test-split }
      profile: { kind: mean }
      encoder: { kind: test-encoder }
      recommenders: [ { kind: most-popular } ]
      metrics: [ndcg@10]
      """;

  private static ExperimentConfig parse(String text) {
    return new ConfigLoader(ConfigLoaderTest.registry()).parse("x.yaml", text, List.of());
  }

  @Test
  void vectorsAreOffUnlessAskedAndAbsentConfigsKeepTheirResolvedForm() {
    ExperimentConfig plain = parse(CONFIG);
    assertThat(RunOutputs.vectors(plain)).isFalse();
    assertThat(plain.resolved()).doesNotContainKey("outputs");
    ExperimentConfig on = parse(CONFIG + "outputs: { vectors: true }\n");
    assertThat(RunOutputs.vectors(on)).isTrue();
    assertThat(on.resolved().get("outputs")).isEqualTo(Map.of("vectors", true));
    assertThat(RunOutputs.vectors(parse(CONFIG + "outputs: {}\n"))).isFalse();
  }

  @Test
  void badOutputsGiveOneClearMessage() {
    assertThatThrownBy(() -> parse(CONFIG + "outputs: { vectors: yes please }\n")).isInstanceOf(ConfigException.class)
        .hasMessage("x.yaml: outputs.vectors: 'yes please' is not a boolean — allowed: true, false");
    assertThatThrownBy(() -> parse(CONFIG + "outputs: { vector: true }\n")).isInstanceOf(ConfigException.class)
        .hasMessage("x.yaml: outputs.vector: unknown key — allowed keys: vectors");
    assertThatThrownBy(() -> parse(CONFIG + "outputs: true\n")).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("x.yaml: outputs: true — allowed: { vectors: true|false }");
  }
}
