package org.interestlab.encode;

import org.interestlab.compute.Embeddings;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.interestlab.UserException;
import org.interestlab.compute.CloseOnFailure;
import org.interestlab.compute.Engines;
import org.interestlab.compute.ProgressBar;

/**
 * A pretrained BERT-style sentence encoder run by DJL's ONNX Runtime engine: tokenise (Hugging Face
 * tokenizers), run the ONNX graph, pool ({@link Pooling}), L2-normalise.
 *
 * <p>Parameters, in the style of DJL's {@code Criteria} ({@code set…} required, {@code opt…}
 * optional, {@code build()} validates):
 * <ul>
 *   <li>{@code setModel(name)} — a built-in model, {@code minilm-l6} (English, 384-d, mean pooling) or
 *       {@code bge-small-zh} (Chinese, 512-d, CLS pooling); see {@link SentenceModel}; <b>or</b>
 *       {@code setModelDir(dir)} — a folder with {@code model.onnx} + {@code tokenizer.json};
 *   <li>{@code optPooling} — default: the built-in model's own, {@code MEAN} for a directory;
 *   <li>{@code optMaxLength} — tokens per text incl. [CLS]/[SEP], longer texts truncated; default 256,
 *       at most 512 (BERT's position table);
 *   <li>{@code optBatchSize} — texts per forward pass; default 32.
 * </ul>
 * {@link #fit} ignores the corpus (nothing to learn) and loads the model; the fitted encoder holds an
 * ONNX Runtime session: close it.
 *
 * <p>Complexity: O(n · (L · T · h² + L · T² · h)) for n texts of T tokens through L layers of width h.
 * Texts are batched by length (see {@link TokenBatcher}); results come back in the caller's order.
 * Measured on 2 cores: MiniLM ≈ 250–300 short sentences/s.
 *
 * <pre>{@code
 * OnnxSentenceEncoder minilm = OnnxSentenceEncoder.builder().setModel("minilm-l6").optBatchSize(64).build();
 * try (FittedEncoder enc = minilm.fit(List.of())) {
 *   Embeddings e = enc.encode(List.of("I love hiking", "Mountain trails at dawn"));  // 2 × 384
 * }
 * }</pre>
 */
public record OnnxSentenceEncoder(String model, Path modelDir, Pooling pooling, int maxLength, int batchSize)
    implements Encoder {
  public static final int DEFAULT_MAX_LENGTH = 256;
  public static final int DEFAULT_BATCH_SIZE = 32;
  /** BERT's learned position table has 512 rows. */
  public static final int MAX_MAX_LENGTH = 512;

  /** A model folder without a pooling takes the declared default ({@code mean}, as a config's {@code kind: onnx}). */
  public OnnxSentenceEncoder {
    validate("onnx encoder", model, modelDir, maxLength, batchSize);
    if (pooling == null && modelDir != null) {
      pooling = Pooling.parse((String) SentenceEncoders.DIRECTORY_PARAMS.spec("pooling").defaultValue(), "pooling");
    }
  }

  static void validate(String what, String model, Path modelDir, int maxLength, int batchSize) {
    if ((model == null) == (modelDir == null)) {
      throw new UserException(what + ": give exactly one of model (built-in: " + String.join(", ", SentenceModel.builtinNames())
          + ") or model_dir (a folder with model.onnx and tokenizer.json)");
    }
    if (model != null && !SentenceModel.isBuiltin(model)) {
      throw new UserException(what + ": unknown model '" + model + "' — built-in models: "
          + String.join(", ", SentenceModel.builtinNames()) + "; for your own model use model_dir");
    }
    SentenceEncoders.PARAMS.check("max_length", maxLength);
    SentenceEncoders.PARAMS.check("batch_size", batchSize);
  }

  /**
   * Starts DJL's ONNX Runtime engine (offline). It must be the first to create ONNX Runtime's
   * process-wide environment: DJL always passes thread-pool options, which ONNX Runtime refuses once
   * another library (e.g. langchain4j) has created the environment.
   */
  public static ai.djl.engine.Engine ortEngine() {
    Engines.configureOffline();
    return ai.djl.engine.Engine.getEngine("OnnxRuntime");
  }

  /** A built-in model with default settings. */
  public static OnnxSentenceEncoder of(String builtinModel) {
    return builder().setModel(builtinModel).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The pooling in effect: the one set, else the model's own. */
  public Pooling effectivePooling() {
    if (pooling != null) return pooling;
    return model != null ? SentenceModel.BUILTINS.get(model).pooling() : Pooling.MEAN;
  }

  SentenceModel resolve() {
    return model != null ? SentenceModel.builtin(model) : SentenceModel.directory(modelDir, effectivePooling());
  }

  @Override
  public String id() {
    return "onnx:" + (model != null ? model : modelDir.toAbsolutePath().normalize()) + "(pooling=" + effectivePooling().configName()
        + ",max_length=" + maxLength + ")";
  }

  @Override
  public Fitted fit(List<String> corpus) {
    return new Fitted(this, resolve());
  }

  /** Builder: {@code setModel} or {@code setModelDir} required, the rest optional. */
  public static final class Builder {
    private String model;
    private Path modelDir;
    private Pooling pooling;
    private int maxLength = DEFAULT_MAX_LENGTH;
    private int batchSize = DEFAULT_BATCH_SIZE;

    private Builder() {}

    public Builder setModel(String builtinName) {
      this.model = builtinName;
      return this;
    }

    public Builder setModelDir(Path dir) {
      this.modelDir = dir;
      return this;
    }

    public Builder optPooling(Pooling p) {
      this.pooling = p;
      return this;
    }

    public Builder optMaxLength(int n) {
      this.maxLength = n;
      return this;
    }

    public Builder optBatchSize(int n) {
      this.batchSize = n;
      return this;
    }

    public OnnxSentenceEncoder build() {
      return new OnnxSentenceEncoder(model, modelDir, pooling, maxLength, batchSize);
    }
  }

  /** A loaded ONNX Runtime session with its tokenizer. Not thread-safe for concurrent {@code encode}: calls are serialised. */
  public static final class Fitted implements FittedEncoder {
    private static final List<String> INPUTS = List.of("input_ids", "attention_mask", "token_type_ids");
    private final OnnxSentenceEncoder params;
    private final SentenceModel files;
    private final Pooling pooling;
    private final Model model;
    private final Predictor<NDList, NDList> predictor;
    private final TokenBatcher batcher;
    private final List<String> inputNames;
    private final int dimension;

    /** Opens the model, its predictor and the tokenizer; whatever was opened is closed again if a later step fails. */
    private Fitted(OnnxSentenceEncoder params, SentenceModel files) {
      this.params = params;
      this.files = files;
      this.pooling = params.effectivePooling();
      ortEngine();
      Model m = Model.newInstance(files.name(), ai.djl.Device.cpu(), "OnnxRuntime");
      Predictor<NDList, NDList> p = null;
      TokenBatcher t = null;
      try {
        try {
          m.load(files.directory(), "model");
        } catch (IOException | MalformedModelException | RuntimeException e) {
          throw new UserException("cannot load ONNX model " + files.modelFile() + ": " + e.getMessage(), e);
        }
        List<String> names = new ArrayList<>(m.describeInput().keys());
        for (String n : names) {
          if (!INPUTS.contains(n)) {
            throw new UserException("ONNX model " + files.modelFile() + " has input '" + n + "'; a sentence encoder takes "
                + INPUTS + " (token_type_ids optional)");
          }
        }
        p = m.newPredictor(new NoopTranslator());
        t = new TokenBatcher(files.tokenizerFile(), params.maxLength());
        this.model = m;
        this.inputNames = names;
        this.predictor = p;
        this.batcher = t;
        int known = files.knownDimension();
        this.dimension = known > 0 ? known : probeDimension();
      } catch (RuntimeException | Error e) {
        CloseOnFailure.closeAll(e, t, p, m);
        throw e;
      }
    }

    private int probeDimension() {
      TokenBatcher.Batch b = batcher.batches(List.of("probe"), 1).get(0);
      try (NDManager mgr = model.getNDManager().newSubManager()) {
        return (int) forward(mgr, b).getShape().get(2);
      }
    }

    @Override
    public String placement() {
      return "ONNX Runtime on cpu";
    }

    @Override
    public String id() {
      return "onnx:" + files.identity(pooling, params.maxLength());
    }

    @Override
    public int dimension() {
      return dimension;
    }

    /** The model files in use. */
    public SentenceModel model() {
      return files;
    }

    @Override
    public synchronized Embeddings encode(List<String> texts) {
      Objects.requireNonNull(texts, "texts");
      return TokenBatcher.encodeDistinct(texts, this::encodeDistinctTexts);
    }

    private Embeddings encodeDistinctTexts(List<String> texts) {
      float[] out = new float[texts.size() * dimension];
      try (ProgressBar bar = ProgressBar.start("encode " + files.name(), texts.size(), "texts")) {
        for (TokenBatcher.Batch b : batcher.batches(texts, params.batchSize())) {
          // One sub-manager per batch: inputs and outputs are freed as soon as the batch is pooled.
          try (NDManager mgr = model.getNDManager().newSubManager()) {
            NDArray hidden = forward(mgr, b);
            pooling.pool(hidden.toFloatArray(), b.mask(), b.size(), b.tokens(), dimension, out, b.rows());
          }
          bar.advance(b.size());
        }
      }
      return new Embeddings(texts.size(), dimension, out);
    }

    private NDArray forward(NDManager mgr, TokenBatcher.Batch b) {
      Shape shape = new Shape(b.size(), b.tokens());
      NDList in = new NDList();
      for (String name : inputNames) {
        long[] data = name.equals("input_ids") ? b.ids() : name.equals("attention_mask") ? b.mask() : b.types();
        NDArray a = mgr.create(data, shape);
        a.setName(name);
        in.add(a);
      }
      try {
        NDList out = predictor.predict(in);
        NDArray hidden = out.contains("last_hidden_state") ? out.get("last_hidden_state") : out.get(0);
        hidden.attach(mgr);
        out.attach(mgr);
        return hidden;
      } catch (TranslateException e) {
        throw new IllegalStateException("ONNX Runtime failed on a batch of " + b.size() + " × " + b.tokens() + " tokens", e);
      }
    }

    @Override
    public void close() {
      predictor.close();
      model.close();
      batcher.close();
    }
  }
}
