package org.interestlab.encode;

import org.interestlab.compute.Embeddings;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.LayerNorm;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interestlab.UserException;
import org.interestlab.compute.CloseOnFailure;
import org.interestlab.compute.Device;
import org.interestlab.compute.Engines;
import org.interestlab.compute.ProgressBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same sentence models as {@link OnnxSentenceEncoder}, run by DJL's PyTorch engine: the BERT
 * forward pass is written here from NDArray operations and loads <b>the weights of the same ONNX
 * file</b> (read by {@link OnnxWeights}, no ONNX Runtime involved). It runs on the CPU or a GPU, and
 * shows that the two engines agree (cosine ≥ 0.9999 in the tests).
 *
 * <p>Forward pass (Devlin et al. 2019; Hugging Face {@code BertModel}, inference):
 * <pre>
 * x = LayerNorm(word[ids] + position[0..T) + tokenType[types])
 * per layer:  a = softmax(Q Kᵀ / √d_head + maskBias) V     (heads split, then merged)
 *             x = LayerNorm(x + a W_o + b_o)
 *             x = LayerNorm(x + GELU_erf(x W_i + b_i) W_f + b_f)
 * </pre>
 * with LayerNorm ε = 1e-12 and {@code maskBias} = −10⁹ at padded positions. Then {@link Pooling} and
 * L2 normalisation, also as NDArray operations (so on a GPU only the pooled rows come back).
 *
 * <p>Parameters (builder as {@link OnnxSentenceEncoder}'s): {@code setModel(name)} or
 * {@code setModelDir(dir)}, {@code optPooling}, {@code optMaxLength} (256), {@code optBatchSize}
 * (32), {@code optDevice} ({@code auto | cpu | gpu | gpu:N}, default {@code auto}: the first GPU
 * PyTorch sees, else the CPU — the fallback is logged; {@code gpu} without one is a
 * {@link UserException}), {@code optNumHeads} (attention heads; 0 = the built-in model's, or
 * hidden / 64 for a directory — set it for models such as MiniLM whose heads are 32 wide).
 *
 * <p>Complexity: as {@link OnnxSentenceEncoder}; on 2 CPU cores PyTorch's eager ops are somewhat
 * slower than ONNX Runtime's fused graph (see the JMH suite).
 *
 * <pre>{@code
 * TorchBertEncoder bge = TorchBertEncoder.builder().setModel("bge-small-zh").optDevice("auto").build();
 * try (FittedEncoder enc = bge.fit(List.of())) {
 *   Embeddings e = enc.encode(List.of("我喜欢爬山"));   // 1 × 512
 * }
 * }</pre>
 */
public record TorchBertEncoder(String model, Path modelDir, Pooling pooling, int maxLength, int batchSize, String device,
                               int numHeads) implements Encoder {
  private static final Logger LOG = LoggerFactory.getLogger(TorchBertEncoder.class);
  private static final Map<String, Integer> BUILTIN_HEADS = Map.of("minilm-l6", 12, "bge-small-zh", 8);
  private static final float LAYER_NORM_EPS = 1e-12f;

  public TorchBertEncoder {
    OnnxSentenceEncoder.validate("torch encoder", model, modelDir, maxLength, batchSize);
    if (numHeads < 0) throw new UserException("torch encoder: num_heads must be ≥ 0 (0 = automatic), got " + numHeads);
    if (device == null) device = "auto";
  }

  public static TorchBertEncoder of(String builtinModel) {
    return builder().setModel(builtinModel).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Pooling effectivePooling() {
    if (pooling != null) return pooling;
    return model != null ? SentenceModel.BUILTINS.get(model).pooling() : Pooling.MEAN;
  }

  @Override
  public String id() {
    return "torch:" + (model != null ? model : modelDir.toAbsolutePath().normalize()) + "(pooling=" + effectivePooling().configName()
        + ",max_length=" + maxLength + ")";
  }

  @Override
  public Fitted fit(List<String> corpus) {
    Device dev = Device.resolve(device, "torch encoder device");
    if (device.trim().equalsIgnoreCase("auto") && !dev.isGpu()) {
      LOG.info("device auto: PyTorch sees no GPU, running {} on the CPU", model != null ? model : modelDir);
    }
    SentenceModel files = model != null ? SentenceModel.builtin(model) : SentenceModel.directory(modelDir, effectivePooling());
    return new Fitted(this, files, dev);
  }

  /** Builder: {@code setModel} or {@code setModelDir} required, the rest optional. */
  public static final class Builder {
    private String model;
    private Path modelDir;
    private Pooling pooling;
    private int maxLength = OnnxSentenceEncoder.DEFAULT_MAX_LENGTH;
    private int batchSize = OnnxSentenceEncoder.DEFAULT_BATCH_SIZE;
    private String device = "auto";
    private int numHeads;

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

    /** {@code auto | cpu | gpu | gpu:N}. */
    public Builder optDevice(String d) {
      this.device = d;
      return this;
    }

    public Builder optNumHeads(int n) {
      this.numHeads = n;
      return this;
    }

    public TorchBertEncoder build() {
      return new TorchBertEncoder(model, modelDir, pooling, maxLength, batchSize, device, numHeads);
    }
  }

  /** BERT weights as NDArrays on the chosen device; close to free them. Calls to {@code encode} are serialised. */
  public static final class Fitted implements FittedEncoder {
    private static final Pattern LAYER = Pattern.compile("^encoder\\.layer\\.(\\d+)\\.");
    private final TorchBertEncoder params;
    private final SentenceModel files;
    private final Device device;
    private final Pooling pooling;
    private final NDManager weightsManager;
    private final Map<String, NDArray> w = new HashMap<>();
    private final int layers;
    private final int hidden;
    private final int heads;
    private final TokenBatcher batcher;

    /** Copies the weights to the device and opens the tokenizer; whatever was opened is closed again if a later step fails. */
    private Fitted(TorchBertEncoder params, SentenceModel files, Device device) {
      this.params = params;
      this.files = files;
      this.device = device;
      this.pooling = params.effectivePooling();
      Map<String, OnnxWeights.Tensor> named = OnnxWeights.read(files.modelFile()).named();
      NDManager weights = Engines.newManager(device);
      try {
        this.weightsManager = weights;
        TreeSet<Integer> layerIds = new TreeSet<>();
        for (Map.Entry<String, OnnxWeights.Tensor> e : named.entrySet()) {
          String key = canonical(e.getKey());
          if (key == null) continue;
          Matcher m = LAYER.matcher(key);
          if (m.find()) layerIds.add(Integer.parseInt(m.group(1)));
          w.put(key, weights.create(e.getValue().data(), new Shape(e.getValue().dims())));
        }
        this.layers = layerIds.isEmpty() ? 0 : layerIds.last() + 1;
        require("embeddings.word_embeddings.weight");
        require("embeddings.position_embeddings.weight");
        require("embeddings.LayerNorm.weight");
        for (int l = 0; l < layers; l++) {
          for (String p : List.of("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
              "intermediate.dense", "output.dense")) {
            require("encoder.layer." + l + "." + p + ".weight");
            require("encoder.layer." + l + "." + p + ".bias");
          }
          require("encoder.layer." + l + ".attention.output.LayerNorm.weight");
          require("encoder.layer." + l + ".output.LayerNorm.weight");
        }
        if (layers == 0) throw new UserException(files.modelFile() + ": no encoder.layer.N weights — not a BERT encoder");
        this.hidden = (int) w.get("embeddings.word_embeddings.weight").getShape().get(1);
        int h = params.numHeads() > 0 ? params.numHeads()
            : params.model() != null ? BUILTIN_HEADS.get(params.model()) : Math.max(1, hidden / 64);
        if (hidden % h != 0) throw new UserException("torch encoder: hidden size " + hidden + " is not divisible by num_heads " + h);
        this.heads = h;
        this.batcher = new TokenBatcher(files.tokenizerFile(), params.maxLength());
      } catch (RuntimeException | Error e) {
        CloseOnFailure.closeAll(e, weights);
        throw e;
      }
    }

    /** Drops any prefix before the Hugging Face BERT parameter path ({@code bert.embeddings…} → {@code embeddings…}). */
    private static String canonical(String name) {
      for (String root : List.of("embeddings.", "encoder.layer.")) {
        if (name.startsWith(root)) return name;
        int i = name.indexOf("." + root);
        if (i >= 0) return name.substring(i + 1);
      }
      return null;
    }

    private void require(String key) {
      if (!w.containsKey(key)) {
        throw new UserException(files.modelFile() + ": weight " + key + " not found — TorchBertEncoder reads BERT-style ONNX "
            + "exports (Hugging Face parameter names, linear layers as MatMul + Add with a named bias)");
      }
    }

    @Override
    public String id() {
      return "torch:" + files.identity(pooling, params.maxLength());
    }

    @Override
    public int dimension() {
      return hidden;
    }

    public Device device() {
      return device;
    }

    @Override
    public String placement() {
      boolean auto = params.device().trim().equalsIgnoreCase("auto");
      return "PyTorch on " + device + (auto ? device.isGpu() ? " (device auto: a GPU is visible)" : " (device auto: no GPU visible, so the CPU)" : "");
    }

    public int layers() {
      return layers;
    }

    public int heads() {
      return heads;
    }

    @Override
    public synchronized Embeddings encode(List<String> texts) {
      Objects.requireNonNull(texts, "texts");
      return TokenBatcher.encodeDistinct(texts, this::encodeDistinctTexts);
    }

    private Embeddings encodeDistinctTexts(List<String> texts) {
      float[] out = new float[texts.size() * hidden];
      try (ProgressBar bar = ProgressBar.start("encode " + files.name() + " (" + device + ")", texts.size(), "texts")) {
        for (TokenBatcher.Batch b : batcher.batches(texts, params.batchSize())) {
          // Every intermediate of the batch lives in this sub-manager and is freed when it closes.
          try (NDManager mgr = weightsManager.newSubManager()) {
            float[] pooled = forward(mgr, b).toFloatArray();
            for (int r = 0; r < b.size(); r++) System.arraycopy(pooled, r * hidden, out, b.rows()[r] * hidden, hidden);
          }
          bar.advance(b.size());
        }
      }
      return new Embeddings(texts.size(), hidden, out);
    }

    /**
     * Pooled, L2-normalised rows ({@code batch × hidden}) for one padded batch. The embedding step
     * and each layer run in their own scope: only their output stays in {@code mgr}, and the
     * previous hidden state and all intermediates (a layer's attention scores alone are
     * batch × heads × T² floats) are freed as soon as the layer is done, so the peak is one layer's
     * work rather than the whole pass's.
     */
    private NDArray forward(NDManager mgr, TokenBatcher.Batch b) {
      int bs = b.size();
      int t = b.tokens();
      NDArray mask = mgr.create(b.mask(), new Shape(bs, t)).toType(DataType.FLOAT32, false);
      NDArray x;
      try (NDManager scope = mgr.newSubManager()) {
        x = embed(scope, b);
        x.attach(mgr);
      }
      // Additive attention bias: 0 where a token is real, −1e9 where it is padding (exp underflows to 0).
      NDArray maskBias = mask.neg().add(1f).mul(-1e9f).reshape(bs, 1, 1, t);
      for (int l = 0; l < layers; l++) {
        try (NDManager scope = mgr.newSubManager()) {
          // Operations put their results in their first operand's manager: x in the scope keeps them all there.
          x.attach(scope);
          x = layer(x, maskBias, l, bs, t);
          x.attach(mgr);
        }
      }

      NDArray pooled;
      if (pooling == Pooling.CLS) {
        pooled = x.get(":, 0, :");
      } else {
        NDArray m3 = mask.expandDims(2);
        // Clamp as sentence-transformers does, so an all-padding row cannot divide by zero.
        pooled = x.mul(m3).sum(new int[] {1}).div(NDArrays.maximum(1e-9f, m3.sum(new int[] {1})));
      }
      NDArray norm = NDArrays.maximum(1e-12f, pooled.norm(new int[] {1}, true));
      return pooled.div(norm).toDevice(ai.djl.Device.cpu(), false);
    }

    /** LayerNorm(word[ids] + position[0..T) + tokenType[types]), with every array in {@code scope}. */
    private NDArray embed(NDManager scope, TokenBatcher.Batch b) {
      Shape bt = new Shape(b.size(), b.tokens());
      NDArray ids = scope.create(b.ids(), bt);
      NDArray types = scope.create(b.types(), bt);
      NDArray positions = scope.arange(0, b.tokens(), 1, DataType.INT64);
      NDArray x = Embedding.embedding(ids, w.get("embeddings.word_embeddings.weight"), SparseFormat.DENSE).singletonOrThrow();
      x = x.add(Embedding.embedding(positions, w.get("embeddings.position_embeddings.weight"), SparseFormat.DENSE).singletonOrThrow());
      NDArray typeTable = w.get("embeddings.token_type_embeddings.weight");
      if (typeTable != null) x = x.add(Embedding.embedding(types, typeTable, SparseFormat.DENSE).singletonOrThrow());
      return layerNorm(x, "embeddings.LayerNorm");
    }

    /** Encoder layer {@code l}: self-attention and the feed-forward block, each with its residual and LayerNorm. */
    private NDArray layer(NDArray x, NDArray maskBias, int l, int bs, int t) {
      int dh = hidden / heads;
      float scale = (float) (1.0 / Math.sqrt(dh));
      String p = "encoder.layer." + l + ".";
      NDArray q = splitHeads(linear(x, p + "attention.self.query"), bs, t, dh);
      NDArray k = splitHeads(linear(x, p + "attention.self.key"), bs, t, dh);
      NDArray v = splitHeads(linear(x, p + "attention.self.value"), bs, t, dh);
      NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale).add(maskBias);
      NDArray context = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(bs, t, hidden);
      x = layerNorm(linear(context, p + "attention.output.dense").add(x), p + "attention.output.LayerNorm");
      NDArray ffn = Activation.gelu(linear(x, p + "intermediate.dense"));
      return layerNorm(linear(ffn, p + "output.dense").add(x), p + "output.LayerNorm");
    }

    private NDArray linear(NDArray x, String name) {
      // ONNX stores the weight already transposed (in × out), so x · W needs no transpose.
      return x.matMul(w.get(name + ".weight")).add(w.get(name + ".bias"));
    }

    private NDArray layerNorm(NDArray x, String name) {
      return LayerNorm.layerNorm(x, new Shape(hidden), w.get(name + ".weight"), w.get(name + ".bias"), LAYER_NORM_EPS)
          .singletonOrThrow();
    }

    private NDArray splitHeads(NDArray x, int bs, int t, int dh) {
      return x.reshape(bs, t, heads, dh).transpose(0, 2, 1, 3);
    }

    @Override
    public void close() {
      weightsManager.close();
      batcher.close();
    }
  }
}
