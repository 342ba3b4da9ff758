package org.interestlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.interestlab.compute.Device;
import org.interestlab.compute.Engines;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.data.User;
import org.interestlab.eval.EvaluationContext;
import org.interestlab.eval.MeanAggregate;
import org.interestlab.eval.MetricSpec;
import org.interestlab.eval.PercentileBootstrap;
import org.interestlab.eval.SystemMetric;
import org.interestlab.recommend.FittedRecommender;
import org.interestlab.recommend.TopKRecommendations;
import org.interestlab.recommend.TrainingData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * How long does a run take to evaluate one recommender by full ranking at MovieLens-1M size, once
 * the model's scores exist? For every one of {@code users} users: the top 10 of all {@code items}
 * items by score, the user's training items excluded ({@link TopKRecommendations}); then every
 * metric a config can ask of a list (precision, recall, NDCG, MAP, MRR, hit rate, F1 per user;
 * coverage, novelty, average popularity, Gini over users) and the 95% bootstrap interval (1000
 * resamples) of each per-user metric — what the runner's recommend, evaluate and significance steps
 * do. Scores are precomputed random numbers, so model cost is left out; training and test items
 * are drawn to ML-1M's density (about 124 training and 41 test items per user).
 *
 * <p>Expect on 2 CPU cores: well under one second, most of it the top-k selection over
 * 6,040 × 3,706 scores.
 *
 * <p>{@code device} ({@link BenchDevice}): {@code cpu} is what a run does, the top-k selection in
 * Java ({@link TopKRecommendations}); {@code gpu} moves the scores to DJL's first GPU (PyTorch),
 * masks the training items there and takes each user's top 10 with the engine's {@code topK}, then
 * evaluates the lists in Java as on the CPU. Where DJL sees no GPU the {@code gpu} trial stops with
 * the printed reason and records nothing (never a CPU number under {@code device=gpu}).
 *
 * <pre>
 * java -jar jmh/target/benchmarks.jar RankingEval -p device=cpu
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Dai.djl.offline=true", "-Dinterestlab.progress=false"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RankingEvalBenchmark {
  static final int K = 10;
  static final List<String> PER_USER = List.of("precision@10", "recall@10", "ndcg@10", "map@10", "mrr@10", "hitrate@10", "f1@10");
  static final List<String> SYSTEM = List.of("coverage@10", "novelty@10", "avgpop@10", "gini@10");

  @Param({"6040"})
  public int users;

  @Param({"3706"})
  public int items;

  @Param({"cpu", "gpu"})
  public String device;

  private double[][] scores;
  private TrainingData train;
  private BitSet[] test;
  private int[] testUsers;
  private EvaluationContext context;
  /** The GPU's scores with the training items masked, one row per test user (device=gpu only). */
  private NDManager gpu;
  private NDArray maskedScores;

  @Setup
  public void setUp() {
    Device where = BenchDevice.select(device, Engines.PYTORCH);
    SplittableRandom rng = new SplittableRandom(7);
    Dataset.Builder b = Dataset.builder("ml-1m-sized");
    for (int u = 0; u < users; u++) b.user(new User("u" + u, java.util.Map.of()));
    for (int i = 0; i < items; i++) b.item(new Item("i" + i, "", "", List.of()));
    test = new BitSet[users];
    scores = new double[users][items];
    for (int u = 0; u < users; u++) {
      test[u] = new BitSet(items);
      for (int t = 0; t < 124; t++) b.interaction("u" + u, "i" + rng.nextInt(items), 1, t, null);
      for (int t = 0; t < 41; t++) test[u].set(rng.nextInt(items));
      for (int i = 0; i < items; i++) scores[u][i] = rng.nextDouble();
    }
    train = TrainingData.of(b.build());
    BitSet[] seen = train.seenItems();
    for (int u = 0; u < users; u++) test[u].andNot(seen[u]);
    testUsers = java.util.stream.IntStream.range(0, users).filter(u -> !test[u].isEmpty()).toArray();
    context = EvaluationContext.of(items, K, train.itemPopularity(), users);
    if (where.isGpu()) {
      gpu = Engines.newManager(where);
      float[] masked = new float[testUsers.length * items];
      for (int r = 0; r < testUsers.length; r++) {
        int u = testUsers[r];
        for (int i = 0; i < items; i++) masked[r * items + i] = seen[u].get(i) ? Float.NEGATIVE_INFINITY : (float) scores[u][i];
      }
      maskedScores = gpu.create(masked, new Shape(testUsers.length, items));
    }
  }

  @TearDown
  public void tearDown() {
    if (gpu != null) gpu.close();
  }

  /** Each test user's top K by the engine's topK on the device (training items masked at setup). */
  private int[][] topKOnDevice() {
    try (NDManager step = gpu.newSubManager()) {
      NDArray scoresHere = maskedScores.duplicate();
      scoresHere.attach(step);
      long[] ids = scoresHere.topK(K, 1, true, true).get(1).toType(DataType.INT64, false).toLongArray();
      int[][] lists = new int[testUsers.length][K];
      for (int r = 0; r < testUsers.length; r++) for (int j = 0; j < K; j++) lists[r][j] = (int) ids[r * K + j];
      return lists;
    }
  }

  @Benchmark
  public double rankEvaluateAndBootstrap() {
    FittedRecommender model = user -> scores[user];
    int[][] lists = gpu != null ? topKOnDevice() : new TopKRecommendations(model, train).forUsers(testUsers, K);
    List<MeanAggregate> perUser = new ArrayList<>();
    for (String m : PER_USER) perUser.add(MetricSpec.parse(m).newPerUserMean(K, context));
    List<SystemMetric> system = new ArrayList<>();
    for (String m : SYSTEM) system.add(MetricSpec.parse(m).newSystemMetric(K, context));
    List<double[]> columns = new ArrayList<>();
    for (int m = 0; m < perUser.size(); m++) columns.add(new double[testUsers.length]);
    for (int i = 0; i < testUsers.length; i++) {
      int u = testUsers[i];
      int n = test[u].cardinality();
      for (int m = 0; m < perUser.size(); m++) columns.get(m)[i] = perUser.get(m).addUser(lists[i], test[u], n);
      for (SystemMetric s : system) s.add(lists[i], test[u], n);
    }
    double sink = 0;
    for (MeanAggregate m : perUser) sink += m.evaluate();
    for (SystemMetric s : system) sink += s.evaluate();
    for (var ci : PercentileBootstrap.DEFAULT.intervals(columns, 42L)) sink += ci.lower();
    return sink;
  }
}
