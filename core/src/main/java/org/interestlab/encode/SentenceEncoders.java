package org.interestlab.encode;

import static org.interestlab.params.ParamSpec.bool;
import static org.interestlab.params.ParamSpec.choice;
import static org.interestlab.params.ParamSpec.integer;
import static org.interestlab.params.ParamSpec.string;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.ParamSpec;
import org.interestlab.params.ParameterException;
import org.interestlab.params.Params;

/**
 * The sentence encoders a config can name — the built-in {@code minilm-l6} and {@code bge-small-zh}
 * and a user's own model folder ({@code onnx}) — with their parameters declared once: the same
 * {@link #PARAMS} bound {@link OnnxSentenceEncoder}'s and {@link TorchBertEncoder}'s constructors,
 * so a builder and a config accept the same values. {@code engine} picks the runtime: ONNX Runtime
 * (CPU) or the same weights on DJL's PyTorch engine (CPU or GPU).
 *
 * <pre>{@code
 * Encoder e = SentenceEncoders.MINILM_L6.createDefault(0L);   // = OnnxSentenceEncoder.of("minilm-l6")
 * }</pre>
 */
public final class SentenceEncoders {
  private SentenceEncoders() {}

  /** The parameters every sentence encoder takes, with their ranges and defaults. */
  public static final ParamList PARAMS = ParamList.of(
      integer("batch_size", OnnxSentenceEncoder.DEFAULT_BATCH_SIZE, 1, 4096, "texts per forward pass"),
      integer("max_length", OnnxSentenceEncoder.DEFAULT_MAX_LENGTH, 8, OnnxSentenceEncoder.MAX_MAX_LENGTH, "tokens kept per text"),
      choice("engine", "onnx", List.of("onnx", "pytorch"),
          "onnx: ONNX Runtime (CPU); pytorch: the same weights run by DJL's PyTorch engine (CPU or GPU)"),
      choice("device", "auto", List.of("auto", "cpu", "gpu"), "for engine: pytorch; auto = GPU when present"),
      bool("cache", true, "reuse vectors of texts seen before from the on-disk embedding cache"));

  /** The parameters of {@code kind: onnx}: the model folder and its pooling, then {@link #PARAMS}. */
  public static final ParamList DIRECTORY_PARAMS = directoryParams();

  /** The config's {@code encoder: { kind: minilm-l6 }}. */
  public static final ComponentSpec<Encoder> MINILM_L6 = new ComponentSpec<>("minilm-l6",
      "all-MiniLM-L6-v2 sentence embeddings (English, 384-d, mean pooling)", PARAMS, (p, seed) -> build(p, "minilm-l6", null, null));

  /** The config's {@code encoder: { kind: bge-small-zh }}. */
  public static final ComponentSpec<Encoder> BGE_SMALL_ZH = new ComponentSpec<>("bge-small-zh",
      "BGE-small-zh v1.5 sentence embeddings (Chinese, 512-d, CLS pooling)", PARAMS, (p, seed) -> build(p, "bge-small-zh", null, null));

  /** The config's {@code encoder: { kind: onnx, path: … }}. */
  public static final ComponentSpec<Encoder> ONNX_DIRECTORY = new ComponentSpec<>("onnx",
      "your own sentence model: a folder with model.onnx + tokenizer.json", DIRECTORY_PARAMS,
      (p, seed) -> build(p, null, Path.of(p.getString("path")), Pooling.parse(p.getString("pooling"), "encoder.pooling")));

  private static ParamList directoryParams() {
    List<ParamSpec> all = new ArrayList<>(List.of(
        string("path", null, "folder holding model.onnx and tokenizer.json"),
        choice("pooling", "mean", List.of("mean", "cls"), "how token vectors become one vector")));
    all.addAll(PARAMS.specs());
    return ParamList.of(all);
  }

  /** A built-in ({@code model}) or user ({@code dir}) sentence model on the configured engine. */
  private static Encoder build(Params p, String model, Path dir, Pooling pooling) {
    String device = p.getString("device");
    if (p.getString("engine").equals("onnx")) {
      if (device.equals("gpu")) {
        throw ParameterException.conflict("encoder.device", "device", device,
            "'gpu' needs engine: pytorch — ONNX Runtime runs on the CPU in this build");
      }
      OnnxSentenceEncoder.Builder b = OnnxSentenceEncoder.builder();
      if (model != null) b.setModel(model);
      else b.setModelDir(dir).optPooling(pooling);
      return b.optBatchSize(p.getInt("batch_size")).optMaxLength(p.getInt("max_length")).build();
    }
    TorchBertEncoder.Builder b = TorchBertEncoder.builder();
    if (model != null) b.setModel(model);
    else b.setModelDir(dir).optPooling(pooling);
    return b.optBatchSize(p.getInt("batch_size")).optMaxLength(p.getInt("max_length")).optDevice(device).build();
  }
}
