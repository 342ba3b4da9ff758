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
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.FittedEncoder;
import org.interestlab.encode.OnnxSentenceEncoder;
import org.interestlab.encode.SentenceModel;
import org.interestlab.encode.TorchBertEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many sentences per second does each engine embed, for the same model, the same texts and the
 * same batches? Three paths: {@code ortDjl} ({@link OnnxSentenceEncoder}: DJL's ONNX Runtime engine),
 * {@code torchDjl} ({@link TorchBertEncoder}: the BERT forward pass from DJL PyTorch NDArray ops on the
 * same weights), and {@code ortBare}: ONNX Runtime's own Java API in a plain loop (tokenise, run, mean or
 * CLS pool) — the floor DJL's wrapper is measured against.
 *
 * <p>Each invocation embeds {@link #SENTENCES} synthetic sentences of 12–28 words (seeded), so the
 * score (ops/s) is sentences per second. Expect, on 2 CPU cores: ORT via DJL ≈ bare ORT (the wrapper
 * costs little), 250–350 sentences/s for MiniLM at batch 32; PyTorch's eager ops somewhat slower.
 *
 * <pre>
 * mvn -B -q -pl core,jmh -am package -DskipTests
 * java -cp jmh/target/classes:$(cat jmh/target/classpath.txt) org.openjdk.jmh.Main EncoderThroughput -p model=minilm-l6
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Dai.djl.onnx.disable_alternative=true", "-Dinterestlab.progress=false"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class EncoderThroughputBenchmark {
  static final int SENTENCES = 256;

  @Param({"minilm-l6", "bge-small-zh"})
  public String model;

  @Param({"32"})
  public int batchSize;

  private List<String> texts;
  private FittedEncoder ort;
  private FittedEncoder torch;
  private OrtSession bare;
  private HuggingFaceTokenizer bareTokenizer;
  private List<List<String>> bareBatches;
  private boolean cls;

  @Setup(Level.Trial)
  public void setUp() throws IOException, OrtException {
    texts = sentences(model.equals("bge-small-zh"), SENTENCES, 42);
    // DJL's ONNX Runtime engine must create ONNX Runtime's environment before anything else does.
    ort = OnnxSentenceEncoder.builder().setModel(model).optBatchSize(batchSize).build().fit(List.of());
    torch = TorchBertEncoder.builder().setModel(model).optBatchSize(batchSize).optDevice("cpu").build().fit(List.of());
    SentenceModel files = SentenceModel.builtin(model);
    cls = files.pooling() == org.interestlab.encode.Pooling.CLS;
    bare = OrtEnvironment.getEnvironment().createSession(files.modelFile().toString(), new OrtSession.SessionOptions());
    bareTokenizer = HuggingFaceTokenizer.newInstance(files.tokenizerFile(),
        Map.of("padding", "true", "truncation", "true", "maxLength", "256"));
    // The same length-sorted batches the encoders form.
    Encoding[] enc = bareTokenizer.batchEncode(texts);
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
    ort.close();
    torch.close();
    bare.close();
    bareTokenizer.close();
  }

  @Benchmark
  @OperationsPerInvocation(SENTENCES)
  public Embeddings ortDjl() {
    return ort.encode(texts);
  }

  @Benchmark
  @OperationsPerInvocation(SENTENCES)
  public Embeddings torchDjl() {
    return torch.encode(texts);
  }

  @Benchmark
  @OperationsPerInvocation(SENTENCES)
  public float ortBare() throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    float check = 0;
    for (List<String> batch : bareBatches) {
      Encoding[] enc = bareTokenizer.batchEncode(batch);
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

  /** Seeded sentences: English words, or Chinese characters for the Chinese model. */
  static List<String> sentences(boolean chinese, int n, long seed) {
    String[] en = ("the a my our new old small great quiet busy city river mountain market music film book game team player "
        + "coach recipe kitchen garden travel train flight hotel beach museum history science space planet star galaxy "
        + "bank market price stock budget phone camera laptop software update battery screen review love hate enjoy "
        + "watched bought read played cooked visited wrote recommend because although while after before during").split(" ");
    String zh = "我们今天明天城市河流山市场音乐电影书游戏球队教练菜谱厨房花园旅行火车飞机酒店海滩博物馆历史科学太空星系银行股票价格手机相机电脑软件屏幕喜欢推荐因为虽然之后的了是在有很";
    Random rnd = new Random(seed);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int len = 12 + rnd.nextInt(17);
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
