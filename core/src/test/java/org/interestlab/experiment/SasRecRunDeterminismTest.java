package org.interestlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run with {@code sasrec} (with dropout, the path that once diverged at random steps) gives the same
 * {@code metrics.json}, byte for byte, when repeated with the
 * same seed on the CPU — for the English synthetic data and its Chinese variant (item vectors from
 * TF-IDF, so no model file is needed).
 */
class SasRecRunDeterminismTest {
  static final String CONFIG = """
      name: sasrec-twice
      seed: 9
      dataset: { source: synthetic-interests, language: LANGUAGE }
      split: { kind: leave-last-out }
      profile: { kind: mean }
      encoder: { kind: tfidf, dimension: 16 }
      recommenders:
        - { kind: sasrec, hidden: 16, epochs: 8, patience: 2, device: cpu, dropout: 0.2 }
      metrics: [ndcg@10, hitrate@10]
      """;

  @ParameterizedTest(name = "language {0}")
  @ValueSource(strings = {"en", "zh"})
  void twoRunsWithOneSeedWriteTheSameMetrics(String language, @TempDir Path tmp) throws Exception {
    Registry registry = Registry.standard();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    ExperimentConfig c = new ConfigLoader(registry).parse("sasrec.yaml", CONFIG.replace("LANGUAGE", language), List.of());
    RunResult a = new Runner(registry, Path.of(".."), tmp.resolve("a"), quiet).run(c);
    RunResult b = new Runner(registry, Path.of(".."), tmp.resolve("b"), quiet).run(c);
    byte[] first = Files.readAllBytes(a.directory().resolve("metrics.json"));
    assertThat(Files.readAllBytes(b.directory().resolve("metrics.json"))).isEqualTo(first);
    assertThat(a.metrics().get("sasrec").get("ndcg@10")).isGreaterThan(0.0);
  }
}
