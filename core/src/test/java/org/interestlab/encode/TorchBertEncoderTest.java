package org.interestlab.encode;

import org.interestlab.compute.Embeddings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.interestlab.encode.SentenceTestData.cosine;

import java.util.List;
import org.interestlab.UserException;
import org.interestlab.compute.Engines;
import org.junit.jupiter.api.Test;

/** The PyTorch-engine BERT forward pass against ONNX Runtime running the same ONNX file. */
class TorchBertEncoderTest {

  @Test
  void minilmAgreesWithOnnxRuntime() {
    compare("minilm-l6", "en", 6, 12);
  }

  @Test
  void bgeSmallZhAgreesWithOnnxRuntime() {
    compare("bge-small-zh", "zh", 4, 8);
  }

  private static void compare(String model, String lang, int layers, int heads) {
    List<String> texts = SentenceTestData.varied(lang, 104);
    Embeddings ort;
    try (FittedEncoder enc = OnnxSentenceEncoder.of(model).fit(List.of())) {
      ort = enc.encode(texts);
    }
    try (TorchBertEncoder.Fitted enc = TorchBertEncoder.builder().setModel(model).optDevice("cpu").build().fit(List.of())) {
      assertThat(enc.layers()).isEqualTo(layers);
      assertThat(enc.heads()).isEqualTo(heads);
      assertThat(enc.dimension()).isEqualTo(ort.dim());
      Embeddings torch = enc.encode(texts);
      double worst = 1;
      double sum = 0;
      for (int i = 0; i < texts.size(); i++) {
        double c = cosine(ort.row(i), torch.row(i));
        worst = Math.min(worst, c);
        sum += c;
      }
      System.out.printf("%s: PyTorch engine vs ONNX Runtime over %d texts: min cosine %.9f (1 - cos = %.1e), mean %.9f%n", model, texts.size(),
          worst, 1 - worst, sum / texts.size());
      assertThat(worst).isGreaterThanOrEqualTo(0.9999);
    }
  }

  @Test
  void gpuWithoutOneIsAUserErrorAndAutoFallsBack() {
    if (Engines.pytorch().getGpuCount() > 0) return; // the fallback only exists on a machine without a GPU
    assertThatThrownBy(() -> TorchBertEncoder.builder().setModel("minilm-l6").optDevice("gpu").build().fit(List.of()))
        .isInstanceOf(UserException.class).hasMessageContaining("GPU");
    try (TorchBertEncoder.Fitted enc = TorchBertEncoder.of("minilm-l6").fit(List.of())) {
      assertThat(enc.device().isGpu()).isFalse();
      assertThat(enc.placement()).isEqualTo("PyTorch on cpu() (device auto: no GPU visible, so the CPU)");
    }
  }
}
