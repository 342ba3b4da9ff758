package org.interestlab.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.interestlab.encode.FittedEncoder;
import org.interestlab.encode.OnnxSentenceEncoder;
import org.interestlab.encode.Pooling;
import org.interestlab.encode.SentenceModel;
import org.interestlab.encode.TorchBertEncoder;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many sentences and tokens per second does each engine embed, for the same encoder, texts and
 * batches? Engines: {@code ort-djl} ({@link OnnxSentenceEncoder}, DJL's ONNX Runtime engine),
 * {@code torch-djl} ({@link TorchBertEncoder}, the BERT forward pass from DJL PyTorch ops on the same
 * weights) and {@code ort-bare} (ONNX Runtime's own Java API in a plain loop: tokenise, run, pool — the
 * floor DJL's wrapper is measured against). Texts are seeded synthetic sentences: {@code short} ≈ 20
 * tokens (12–28 words), {@code long} ≈ 200 tokens (150–190 words, truncated at 256).
 *
 * <p>Each invocation embeds {@link #textsPerCall} texts; the secondary metrics {@code sentences} and
 * {@code tokens} (JMH aux counters) are texts and non-padding tokens per second, the primary score is
 * invocations per second. {@code device=gpu} runs {@code torch-djl} on DJL's first GPU; without one, and
 * for the two ONNX Runtime paths (its CPU build ships here), the case is skipped with the reason printed,
 * never measured on the CPU.
 *
 * <p>Expect on 2 CPU cores, MiniLM, batch 32: 250–350 short sentences/s for {@code ort-djl} ≈
 * {@code ort-bare}, PyTorch's eager ops somewhat slower; long texts ≈ 10–15 sentences/s (attention
 * grows with length²); batch 1 loses little on the CPU, a GPU gains mostly from batches of 32–128.
 *
 * <pre>
 * java -jar jmh/target/benchmarks.jar EmbeddingThroughput -p encoder=minilm-l6 -p batchSize=32
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.onnx.disable_alternative=true", "-Dinterestlab.progress=false"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class EmbeddingThroughputBenchmark {
  @Param({"minilm-l6", "bge-small-zh"})
  public String encoder;

  @Param({"ort-djl", "torch-djl", "ort-bare"})
  public String engine;

  @Param({"cpu", "gpu"})
  public String device;

  @Param({"1", "32", "128"})
  public int batchSize;

  @Param({"short", "long"})
  public String length;

  /** Texts and tokens embedded, per second: JMH divides these counts by the measured time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counts {
    public long sentences;
    public long tokens;
  }

  private List<String> texts;
  private long tokensPerCall;
  private FittedEncoder djl;
  private OrtSession bare;
  private HuggingFaceTokenizer tokenizer;
  private List<List<String>> bareBatches;
  private boolean cls;

  /** Fewer long texts per call, so one call stays near a second on two cores. */
  int textsPerCall() {
    return length.equals("long") ? 32 : 256;
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException, OrtException {
    if (!engine.equals("torch-djl") && device.equals("gpu")) {
      // The encoder and the bare loop run ONNX Runtime's CPU build (the Maven artifact InterestLab ships).
      throw new BenchDevice.Skipped("device=gpu: " + engine + " runs ONNX Runtime's CPU build; the GPU path is torch-djl");
    }
    org.interestlab.compute.Device where = BenchDevice.select(device, "PyTorch");
    texts = texts(encoder.equals("bge-small-zh"), length.equals("long"), textsPerCall(), 42);
    SentenceModel files = SentenceModel.builtin(encoder);
    cls = files.pooling() == Pooling.CLS;
    tokenizer = HuggingFaceTokenizer.newInstance(files.tokenizerFile(),
        Map.of("padding", "true", "truncation", "true", "maxLength", "256"));
    Encoding[] enc = tokenizer.batchEncode(texts);
    for (Encoding e : enc) for (long m : e.getAttentionMask()) tokensPerCall += m;
    switch (engine) {
      // DJL's ONNX Runtime engine must create ONNX Runtime's environment before anything else does.
      case "ort-djl" -> djl = OnnxSentenceEncoder.builder().setModel(encoder).optBatchSize(batchSize).build().fit(List.of());
      case "torch-djl" -> djl = TorchBertEncoder.builder().setModel(encoder).optBatchSize(batchSize)
          .optDevice(where.isGpu() ? "gpu" : "cpu").build().fit(List.of());
      case "ort-bare" -> bare = OrtEnvironment.getEnvironment().createSession(files.modelFile().toString(), new OrtSession.SessionOptions());
      default -> throw new IllegalArgumentException("engine must be ort-djl, torch-djl or ort-bare, was " + engine);
    }
    // The same length-sorted batches the encoders form.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) order.add(i);
    order.sort(Comparator.comparingInt((Integer i) -> -enc[i].getIds().length).thenComparingInt(i -> i));
    bareBatches = new ArrayList<>();
    for (int s = 0; s < order.size(); s += batchSize) {
      List<String> b = new ArrayList<>();
      for (int k = s; k < Math.min(s + batchSize, order.size()); k++) b.add(texts.get(order.get(k)));
      bareBatches.add(b);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws OrtException {
    if (djl != null) djl.close();
    if (bare != null) bare.close();
    if (tokenizer != null) tokenizer.close();
  }

  @Benchmark
  public float embed(Counts counts) throws OrtException {
    float check = bare != null ? bareLoop() : djl.encode(texts).data()[0];
    counts.sentences += texts.size();
    counts.tokens += tokensPerCall;
    return check;
  }

  private float bareLoop() throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    float check = 0;
    for (List<String> batch : bareBatches) {
      Encoding[] enc = tokenizer.batchEncode(batch);
      int b = enc.length;
      int t = enc[0].getIds().length;
      long[] ids = new long[b * t];
      long[] mask = new long[b * t];
      long[] types = new long[b * t];
      for (int i = 0; i < b; i++) {
        System.arraycopy(enc[i].getIds(), 0, ids, i * t, t);
        System.arraycopy(enc[i].getAttentionMask(), 0, mask, i * t, t);
        System.arraycopy(enc[i].getTypeIds(), 0, types, i * t, t);
      }
      long[] shape = {b, t};
      try (OnnxTensor a = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
           OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
           OnnxTensor y = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
           OrtSession.Result r = bare.run(Map.of("input_ids", a, "attention_mask", m, "token_type_ids", y))) {
        float[][][] h = (float[][][]) r.get(0).getValue();
        for (int i = 0; i < b; i++) {
          float[] v = new float[h[i][0].length];
          if (cls) {
            v = h[i][0];
          } else {
            int n = 0;
            for (int k = 0; k < t; k++) {
              if (mask[i * t + k] == 0) continue;
              n++;
              for (int j = 0; j < v.length; j++) v[j] += h[i][k][j];
            }
            for (int j = 0; j < v.length; j++) v[j] /= n;
          }
          double s = 0;
          for (float x : v) s += x * x;
          check += (float) (v[0] / Math.sqrt(s));
        }
      }
    }
    return check;
  }

  /** Seeded texts: English words, or Chinese characters for the Chinese encoder; ≈ 20 or ≈ 200 tokens each. */
  static List<String> texts(boolean chinese, boolean long_, int n, long seed) {
    String[] en = ("the a my our new old small great quiet busy city river mountain market music film book game team player "
        + "coach recipe kitchen garden travel train flight hotel beach museum history science space planet star galaxy "
        + "bank market price stock budget phone camera laptop software update battery screen review love hate enjoy "
        + "watched bought read played cooked visited wrote recommend because although while after before during").split(" ");
    String zh = "我们今天明天城市河流山市场音乐电影书游戏球队教练菜谱厨房花园旅行火车飞机酒店海滩博物馆历史科学太空星系银行股票价格手机相机电脑软件屏幕喜欢推荐因为虽然之后的了是在有很";
    Random rnd = new Random(seed);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int len = long_ ? 150 + rnd.nextInt(41) : 12 + rnd.nextInt(17);
      StringBuilder sb = new StringBuilder();
      for (int w = 0; w < len; w++) {
        if (chinese) {
          sb.append(zh.charAt(rnd.nextInt(zh.length())));
        } else {
          if (w > 0) sb.append(' ');
          sb.append(en[rnd.nextInt(en.length)]);
        }
      }
      out.add(sb.append(chinese ? "。" : ".").toString());
    }
    return out;
  }
}
