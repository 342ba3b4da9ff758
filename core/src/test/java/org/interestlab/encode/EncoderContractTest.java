package org.interestlab.encode;

import org.interestlab.compute.Embeddings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Encoder} passes (as scikit-learn's {@code check_estimator}): same
 * parameters → same vectors, inputs never mutated, shapes and ids consistent, empty input → 0 rows,
 * duplicates → identical rows, rows of unit norm, null texts refused with the index.
 */
class EncoderContractTest {
  static Stream<Encoder> encoders() {
    return Stream.of(
        TfIdfEncoder.defaults().withMinDf(1).withDimension(8),
        TfIdfEncoder.defaults().withMinDf(1).withDimension(0),
        OnnxSentenceEncoder.builder().setModel("minilm-l6").optBatchSize(4).build(),
        TorchBertEncoder.builder().setModel("bge-small-zh").optBatchSize(4).optDevice("cpu").build());
  }

  private static final List<String> CORPUS = List.of("hiking in the mountains", "mountain trails at dawn", "stock prices fell",
      "the bank raised rates", "我喜欢爬山", "股票价格下跌", "hiking in the mountains");

  @ParameterizedTest
  @MethodSource("encoders")
  void contract(Encoder encoder) {
    List<String> corpus = new ArrayList<>(CORPUS);
    List<String> before = List.copyOf(corpus);
    Embeddings first;
    String fittedId;
    try (FittedEncoder f = encoder.fit(corpus)) {
      assertThat(f.id()).contains(encoder.id().replaceAll("\\(.*", "").replaceFirst("^(onnx|torch):", ""));
      first = f.encode(corpus);
      fittedId = f.id();
      assertThat(first.rows()).isEqualTo(corpus.size());
      assertThat(first.dim()).isEqualTo(f.dimension());
      assertThat(first.hasNonFinite()).isFalse();
      for (int i = 0; i < first.rows(); i++) {
        float[] r = first.row(i);
        double n = 0;
        for (float v : r) n += v * v;
        assertThat(n).as("row %d norm²", i).isCloseTo(1.0, within(1e-4));
      }
      assertThat(first.row(6)).as("duplicate text").containsExactly(first.row(0));
      assertThat(f.encode(List.of()).rows()).isZero();
      assertThat(f.encode(List.of(corpus.get(2))).row(0)).satisfies(r ->
          assertThat(SentenceTestData.cosine(r, first.row(2))).isGreaterThan(0.99999));
      List<String> withNull = Arrays.asList("fine", null);
      assertThatThrownBy(() -> f.encode(withNull)).hasMessageContaining("1");
    }
    assertThat(corpus).isEqualTo(before);
    try (FittedEncoder again = encoder.fit(corpus)) {
      assertThat(again.id()).isEqualTo(fittedId);
      assertThat(again.encode(corpus)).isEqualTo(first);
    }
  }
}
