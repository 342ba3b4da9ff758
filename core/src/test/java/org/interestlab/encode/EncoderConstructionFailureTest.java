package org.interestlab.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.interestlab.UserException;
import org.interestlab.compute.Engines;
import org.interestlab.testing.EngineResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An encoder whose construction fails after it opened native resources closes them: a model
 * directory with valid MiniLM weights and a broken tokenizer.json fails only after the model (ONNX
 * Runtime) or the weights (PyTorch) are loaded, and the engine must hold no more than before.
 */
class EncoderConstructionFailureTest {

  private static Path brokenTokenizerDir(Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("broken-tokenizer"));
    Files.createSymbolicLink(dir.resolve(SentenceModel.MODEL_FILE), SentenceModel.builtin("minilm-l6").modelFile());
    Files.writeString(dir.resolve(SentenceModel.TOKENIZER_FILE), "{ this is not a tokenizer");
    return dir;
  }

  @Test
  void onnxEncoderClosesItsModelWhenTheTokenizerFails(@TempDir Path tmp) throws Exception {
    Path dir = brokenTokenizerDir(tmp);
    NDManager system = EngineResources.systemManager(OnnxSentenceEncoder.ortEngine());
    List<Object> before = EngineResources.held(system);
    assertThatThrownBy(() -> OnnxSentenceEncoder.builder().setModelDir(dir).build().fit(List.of()))
        .isInstanceOf(UserException.class).hasMessageContaining("tokenizer");
    assertThat(EngineResources.held(system)).as("ONNX Runtime resources left open").containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void torchEncoderClosesItsWeightsWhenTheTokenizerFails(@TempDir Path tmp) throws Exception {
    Path dir = brokenTokenizerDir(tmp);
    NDManager system = EngineResources.systemManager(Engines.pytorch());
    List<Object> before = EngineResources.held(system);
    assertThatThrownBy(() -> TorchBertEncoder.builder().setModelDir(dir).optNumHeads(12).optDevice("cpu").build().fit(List.of()))
        .isInstanceOf(UserException.class).hasMessageContaining("tokenizer");
    assertThat(EngineResources.held(system)).as("PyTorch resources left open").containsExactlyInAnyOrderElementsOf(before);
  }
}
