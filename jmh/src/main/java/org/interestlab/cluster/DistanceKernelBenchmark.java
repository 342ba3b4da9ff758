package org.interestlab.cluster;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * What does one squared distance between two d-dimensional float vectors cost, on each of the
 * paths k-means uses? The reference ({@link SquaredDistance#between}: double sums, the same bits
 * on every path) on the Vector API and in plain Java, and the bounded float distance of
 * {@link BoundedDistance} (used for the bounds) on both kernels. One call per invocation, over 256
 * point rows and 16 centres that stay in cache, so the numbers are compute, not memory.
 *
 * <p>Expect on a Zen 4 core at d = 384: the float Vector API kernel about six times the speed of
 * the plain-Java reference, the double reference on the Vector API about one and a half times.
 * Lives in the cluster package to reach the package-private kernels.
 *
 * <pre>
 * jmh/bench DistanceKernel
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DistanceKernelBenchmark {
  @Param({"384"})
  public int d;

  private float[] points;
  private float[] centres;
  private int next;
  private final BoundedDistance.Kernel scalar = new BoundedDistance.ScalarKernel();
  private final BoundedDistance.Kernel vector = BoundedDistance.kernel();

  @Setup
  public void setUp() {
    if (!BoundedDistance.vectorized()) throw new IllegalStateException("the fork lacks --add-modules jdk.incubator.vector");
    SplittableRandom rng = new SplittableRandom(1);
    points = new float[256 * d];
    centres = new float[16 * d];
    for (int i = 0; i < points.length; i++) points[i] = (float) rng.nextGaussian();
    for (int i = 0; i < centres.length; i++) centres[i] = (float) rng.nextGaussian();
  }

  private int row() {
    next = (next + 1) & 255;
    return next;
  }

  @Benchmark
  public double referenceVector() {
    int i = row();
    return vector.reference(points, i * d, centres, (i & 15) * d, d);
  }

  @Benchmark
  public double referenceScalar() {
    int i = row();
    return scalar.reference(points, i * d, centres, (i & 15) * d, d);
  }

  @Benchmark
  public float boundedVector() {
    int i = row();
    return vector.squared(points, i * d, centres, (i & 15) * d, d);
  }

  @Benchmark
  public float boundedScalar() {
    int i = row();
    return scalar.squared(points, i * d, centres, (i & 15) * d, d);
  }
}
