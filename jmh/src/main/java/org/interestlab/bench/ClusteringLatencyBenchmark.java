package org.interestlab.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.interestlab.UserException;
import org.interestlab.cluster.Clusterer;
import org.interestlab.cluster.Clustering;
import org.interestlab.cluster.KMeans;
import org.interestlab.compute.Embeddings;
import org.interestlab.experiment.ParamValues;
import org.interestlab.experiment.Registry;
import org.interestlab.experiment.Stage;
import org.interestlab.params.ComponentSpec;
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
 * How long does one fit of each clusterer take, for n points of dimension d and k clusters, with and
 * without k-means++ seeding? Data: {@code n × d} float32 points around {@value #GROUPS} seeded Gaussian
 * centres ({@link KMeansScaleMain#generate}). k-means ({@code kmeans-elkan | -hamerly | -yinyang | -lloyd})
 * runs exactly {@value #ITERATIONS} iterations (tol 0, one init): {@code seeding=included} seeds with
 * k-means++ inside the timed fit (what a user waits for); {@code seeding=excluded} starts every algorithm
 * from the same centres (the first k points), so the four do the same work and only the time differs.
 * The other clusterers ({@code minibatch-kmeans}, {@code gmm}, {@code dbscan}, {@code agglomerative})
 * run with their config defaults and are measured with {@code seeding=included} only.
 *
 * <p>Cases that do not apply are skipped with the reason printed: {@code seeding=excluded} for the
 * non-k-means clusterers, {@code k=100} for DBSCAN (it has no k), agglomerative above its
 * {@code max_points} (memory grows as n²), and {@code device=gpu} where DJL sees no GPU or the clusterer
 * has no GPU path.
 *
 * <p>Expect on 2 CPU cores at n = 100,000, d = 384, k = 100, seeding excluded: {@code lloyd} about one
 * n × d × k matrix product per iteration (≈ 0.1 s), the bounded algorithms a fraction of that once the
 * centres settle; with seeding included, k-means++ adds its O(n·k·d·(2 + ln k)) pass.
 *
 * <pre>
 * java -jar jmh/target/benchmarks.jar ClusteringLatency -p n=100000 -p k=100 -p algorithm=kmeans-elkan
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "--add-modules", "jdk.incubator.vector", "-Dai.djl.offline=true", "-Dinterestlab.progress=false"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ClusteringLatencyBenchmark {
  static final int ITERATIONS = 10;
  static final int GROUPS = 60;

  @Param({"kmeans-elkan", "kmeans-hamerly", "kmeans-yinyang", "kmeans-lloyd", "minibatch-kmeans", "gmm", "dbscan", "agglomerative"})
  public String algorithm;

  @Param({"10000", "100000"})
  public int n;

  @Param({"384"})
  public int d;

  @Param({"10", "100"})
  public int k;

  @Param({"included", "excluded"})
  public String seeding;

  @Param({"cpu", "gpu"})
  public String device;

  private Embeddings points;
  private Embeddings init;
  private Clusterer clusterer;

  @Setup
  public void setUp() {
    boolean kmeans = algorithm.startsWith("kmeans-");
    String kind = kmeans ? "kmeans" : algorithm;
    if (!kmeans && seeding.equals("excluded")) throw new BenchDevice.Skipped("seeding=excluded applies to k-means only");
    if (kind.equals("dbscan") && k != 10) throw new BenchDevice.Skipped("dbscan has no k; measured once, at k=10");
    ComponentSpec<?> spec = Registry.standard().spec(Stage.CLUSTERER, kind);
    Map<String, Object> params = new HashMap<>();
    BenchDevice.configure(spec, device, kind, params);
    switch (kind) {
      case "kmeans" -> {
        params.putAll(Map.of("k", k, "n_init", 1, "max_iter", ITERATIONS, "tol", 0.0, "algorithm", algorithm.substring(7)));
        params.put("init", "k-means++");
      }
      // eps between the within-group distance (0.3·√(2d)) and the distance across groups.
      case "dbscan" -> params.putAll(Map.of("eps", 1.1 * 0.3 * Math.sqrt(2.0 * d), "min_samples", 10));
      default -> params.put("k", k);
    }
    try {
      clusterer = (Clusterer) spec.create(ParamValues.resolve(spec, params, "benchmark", kind), 7L);
    } catch (UserException e) {
      throw new BenchDevice.Skipped(e.getMessage());
    }
    if (kind.equals("agglomerative") && n > 10_000) {
      throw new BenchDevice.Skipped("agglomerative refuses n=" + n + " above its max_points 10000 (memory grows as n²)");
    }
    points = KMeansScaleMain.generate(n, d, GROUPS, 7L);
    int[] first = new int[k];
    for (int i = 0; i < k; i++) first[i] = i;
    init = points.select(first);
  }

  @Benchmark
  public Clustering fit() {
    if (seeding.equals("excluded")) return ((KMeans) clusterer).fitFrom(points, init);
    return clusterer.fit(points);
  }
}
