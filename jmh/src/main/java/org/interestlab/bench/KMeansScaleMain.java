package org.interestlab.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.interestlab.cluster.DistanceMetric;
import org.interestlab.cluster.Clustering;
import org.interestlab.cluster.KMeans;
import org.interestlab.compute.Embeddings;

/**
 * Does k-means scale to a million interest vectors in bounded memory? Generates n × d clustered
 * float32 points in memory (seeded: 2k Gaussian groups), runs {@link KMeans} with random seeding for
 * a fixed number of iterations and prints the time of each phase. Run it under
 * {@code /usr/bin/time -v} with a fixed heap to read the peak memory (heap + native):
 *
 * <pre>
 * jmh/compare/kmeans_scale.sh            # 1,000,000 × 384, k = 1000, 3 iterations, -Xmx2200m
 * </pre>
 *
 * <p>Arguments: {@code n d k iterations [algorithm] [seed]}.
 */
public final class KMeansScaleMain {
  private KMeansScaleMain() {}

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    int d = Integer.parseInt(args[1]);
    int k = Integer.parseInt(args[2]);
    int iterations = Integer.parseInt(args[3]);
    KMeans.Algorithm algorithm = KMeans.Algorithm.parse(args.length > 4 ? args[4] : "hamerly");
    long seed = args.length > 5 ? Long.parseLong(args[5]) : 7L;

    long t0 = System.nanoTime();
    Embeddings x = generate(n, d, 2 * k, seed);
    long t1 = System.nanoTime();
    KMeans km = new KMeans(k, KMeans.Init.RANDOM, 1, iterations, 0.0, seed, "cpu", algorithm, DistanceMetric.EUCLIDEAN);
    Clustering c = km.fit(x);
    long t2 = System.nanoTime();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "points %d x %d, k = %d, %s, %d iterations%n", n, d, k, algorithm.configName(), c.iterations());
    System.out.printf(Locale.ROOT, "generate %.1f s, k-means %.1f s (%.2f s per iteration incl. final assignment), inertia %.6g%n",
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t1) / 1e9 / c.iterations(), c.inertia());
    System.out.printf(Locale.ROOT, "heap: max %d MB, committed %d MB%n", rt.maxMemory() >> 20, rt.totalMemory() >> 20);
  }

  /** {@code groups} Gaussian groups (centres N(0, 0.35²), noise N(0, 0.3²)), offset by 0.05. */
  static Embeddings generate(int n, int d, int groups, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] centres = new float[groups * d];
    for (int i = 0; i < centres.length; i++) centres[i] = (float) (0.35 * rng.nextGaussian());
    float[] data = new float[Math.multiplyExact(n, d)];
    for (int i = 0; i < n; i++) {
      int g = rng.nextInt(groups);
      for (int t = 0; t < d; t++) data[i * d + t] = (float) (0.05 + centres[g * d + t] + 0.3 * rng.nextGaussian());
    }
    return new Embeddings(n, d, data);
  }
}
