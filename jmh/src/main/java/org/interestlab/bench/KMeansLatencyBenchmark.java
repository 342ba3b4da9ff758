package org.interestlab.bench;

import java.util.concurrent.TimeUnit;
import org.interestlab.cluster.DistanceMetric;
import org.interestlab.cluster.Clustering;
import org.interestlab.cluster.KMeans;
import org.interestlab.compute.Embeddings;
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
 * How long does one k-means fit take, per assignment algorithm, for n points of dimension d and k
 * clusters? Every fit runs exactly {@link #ITERATIONS} Lloyd iterations (tol = 0) from the same
 * initial centres (the first k points) on seeded clustered data ({@link KMeansScaleMain#generate}),
 * so the algorithms do the same work and give the same result; only the time differs.
 *
 * <p>Expect, on 2 CPU cores at n = 100,000, d = 384, k = 100: {@code lloyd} about one full
 * n × d × k matrix product per iteration; {@code elkan}, {@code yinyang} and {@code hamerly} a
 * fraction of that once the centres settle (their first iteration costs as much as Lloyd's);
 * elkan ahead, its per-centre bounds reopening fewer points after a centre moves far.
 *
 * <pre>
 * mvn -B -q -pl core,jmh -am package -DskipTests
 * java -cp jmh/target/classes:$(cat jmh/target/classpath.txt) org.openjdk.jmh.Main KMeansLatency -p n=100000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "--add-modules", "jdk.incubator.vector", "-Dai.djl.offline=true", "-Dinterestlab.progress=false"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class KMeansLatencyBenchmark {
  static final int ITERATIONS = 10;

  @Param({"20000", "100000"})
  public int n;

  @Param({"384"})
  public int d;

  @Param({"100"})
  public int k;

  @Param({"elkan", "hamerly", "yinyang", "lloyd"})
  public String algorithm;

  private Embeddings points;
  private Embeddings init;
  private KMeans kmeans;

  @Setup
  public void setUp() {
    points = KMeansScaleMain.generate(n, d, 2 * k, 7L);
    int[] first = new int[k];
    for (int i = 0; i < k; i++) first[i] = i;
    init = points.select(first);
    kmeans = new KMeans(k, KMeans.Init.RANDOM, 1, ITERATIONS, 0.0, 7L, "cpu", KMeans.Algorithm.parse(algorithm),
        DistanceMetric.EUCLIDEAN);
  }

  @Benchmark
  public Clustering fit() {
    return kmeans.fitFrom(points, init);
  }
}
