package org.interestlab.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.interestlab.data.Dataset;
import org.interestlab.data.Item;
import org.interestlab.data.User;
import org.interestlab.experiment.ParamValues;
import org.interestlab.experiment.Registry;
import org.interestlab.experiment.Stage;
import org.interestlab.params.ComponentSpec;
import org.interestlab.recommend.FittedRecommender;
import org.interestlab.recommend.Recommender;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long does one fit of each latent or closed-form recommender take, at MovieLens size, with the
 * config defaults (EASE λ = 100; ALS and BPR with their default factors, iterations and epochs)?
 * Interactions are drawn uniformly at the dataset's density, seeded: {@code ml-100k-sized} is 943 users ×
 * 1,682 items with 106 interactions per user, {@code ml-1m-sized} 6,040 × 3,706 with 165 per user.
 *
 * <p>{@code device=gpu} solves EASE on DJL's first GPU; ALS and BPR are Java on the CPU, so their GPU
 * cases are skipped with the reason printed, as are all GPU cases where DJL sees no GPU.
 *
 * <p>Expect on 2 CPU cores: EASE dominated by one items × items inverse (≈ 2/3·m³ flops: about a second
 * at 3,706 items), ALS and BPR roughly linear in interactions × factors × iterations.
 *
 * <pre>
 * java -jar jmh/target/benchmarks.jar RecommenderFit -p dataset=ml-100k-sized
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector", "-Dai.djl.offline=true", "-Dinterestlab.progress=false"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class RecommenderFitBenchmark {
  @Param({"ease", "als", "bpr"})
  public String recommender;

  @Param({"ml-100k-sized", "ml-1m-sized"})
  public String dataset;

  @Param({"cpu", "gpu"})
  public String device;

  private Recommender model;
  private TrainingData train;

  @Setup
  public void setUp() {
    ComponentSpec<?> spec = Registry.standard().spec(Stage.RECOMMENDER, recommender);
    Map<String, Object> params = new HashMap<>();
    BenchDevice.configure(spec, device, recommender, params);
    model = (Recommender) spec.create(ParamValues.resolve(spec, params, "benchmark", recommender), 7L);
    boolean large = switch (dataset) {
      case "ml-100k-sized" -> false;
      case "ml-1m-sized" -> true;
      default -> throw new IllegalArgumentException("dataset must be ml-100k-sized or ml-1m-sized, was " + dataset);
    };
    train = TrainingData.of(interactions(large ? 6040 : 943, large ? 3706 : 1682, large ? 165 : 106, 7L));
  }

  static Dataset interactions(int users, int items, int perUser, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Dataset.Builder b = Dataset.builder("uniform-" + users + "x" + items);
    for (int u = 0; u < users; u++) b.user(new User("u" + u, Map.of()));
    for (int i = 0; i < items; i++) b.item(new Item("i" + i, "", "", List.of()));
    for (int u = 0; u < users; u++) {
      for (int t = 0; t < perUser; t++) b.interaction("u" + u, "i" + rng.nextInt(items), 1, t, null);
    }
    return b.build();
  }

  @Benchmark
  public double fit() {
    // Closed at once: a fitted EASE holds engine memory, and only the fit is timed.
    try (FittedRecommender fitted = model.fit(train)) {
      return fitted.scores(0)[0];
    }
  }
}
