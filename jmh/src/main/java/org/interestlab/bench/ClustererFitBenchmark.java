package org.interestlab.bench;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.interestlab.cluster.Clusterer;
import org.interestlab.cluster.Clustering;
import org.interestlab.compute.Engines;
import org.interestlab.compute.Embeddings;
import org.interestlab.params.ComponentSpec;
import org.interestlab.experiment.ParamValues;
import org.interestlab.experiment.Registry;
import org.interestlab.experiment.Stage;
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
 * How long does one fit of each non-k-means clusterer take, as n grows? Data: {@code n × 64}
 * float32 points in 16 Gaussian groups (σ = 1, seeded); parameters as in
 * {@code jmh/compare/cluster_algos_peers.py}, which times scikit-learn on the same kind of data. Expect
 * agglomerative to grow as n² (and to be refused above its {@code max_points}), DBSCAN as n² d
 * (one matrix product per block plus a scan), mini-batch k-means and the mixture roughly linearly.
 *
 * <pre>
 * mvn -B -q -pl core,jmh -am package -DskipTests
 * java -cp jmh/target/classes:$(cat jmh/target/classpath.txt) org.openjdk.jmh.Main ClustererFit
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dai.djl.offline=true", "-Dinterestlab.progress=false"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ClustererFitBenchmark {
  static final int DIM = 64;
  static final int GROUPS = 16;

  @Param({"minibatch-kmeans", "agglomerative", "dbscan", "gmm"})
  public String kind;

  @Param({"2000", "10000"})
  public int n;

  Embeddings points;
  Clusterer clusterer;

  @Setup
  public void setup() {
    Engines.pytorch();
    SplittableRandom rng = new SplittableRandom(0);
    float[][] centres = new float[GROUPS][DIM];
    for (float[] c : centres) for (int j = 0; j < DIM; j++) c[j] = (float) rng.nextDouble(-10, 10);
    float[] data = new float[n * DIM];
    for (int i = 0; i < n; i++) {
      float[] c = centres[rng.nextInt(GROUPS)];
      for (int j = 0; j < DIM; j++) data[i * DIM + j] = c[j] + (float) gaussian(rng);
    }
    points = new Embeddings(n, DIM, data);
    double eps = 1.2 * Math.sqrt(2.0 * DIM);
    Map<String, Object> params = switch (kind) {
      case "dbscan" -> Map.of("eps", eps, "min_samples", 10);
      case "minibatch-kmeans" -> Map.of("k", GROUPS, "batch_size", 1024);
      default -> Map.of("k", GROUPS);
    };
    ComponentSpec<?> spec = Registry.standard().spec(Stage.CLUSTERER, kind);
    clusterer = (Clusterer) spec.create(ParamValues.resolve(spec, params, "benchmark", kind), 0L);
  }

  private static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  @Benchmark
  public Clustering fit() {
    return clusterer.fit(points);
  }
}
