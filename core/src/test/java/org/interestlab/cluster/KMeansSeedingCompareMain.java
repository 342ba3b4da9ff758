package org.interestlab.cluster;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.Npy;

/**
 * k-means++ seeding side by side: the pruned {@link KMeansPlusPlus} and the unpruned
 * {@link KMeansPlusPlusReference} (every candidate against every point), alternating in one JVM on
 * the same .npy file and seeds; prints wall and process CPU seconds of each, whether the centres are
 * identical, and the median ratios. Run by {@code jmh/compare/kmeans_seeding_compare.sh}.
 *
 * <pre>{@code java --add-modules jdk.incubator.vector -cp core/target/test-classes:core/target/classes:... \
 *     org.interestlab.cluster.KMeansSeedingCompareMain points.npy 100 3}</pre>
 */
public final class KMeansSeedingCompareMain {
  private KMeansSeedingCompareMain() {}

  public static void main(String[] args) throws Exception {
    Embeddings x = Npy.read(Path.of(args[0]));
    int k = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // One untimed seeding of each, for the JIT.
    KMeansPlusPlus.seed(x.data(), x.rows(), x.dim(), k, new SplittableRandom(-1));
    double[] wallRatio = new double[rounds];
    double[] cpuRatio = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long c0 = os.getProcessCpuTime();
      long w0 = System.nanoTime();
      float[] pruned = KMeansPlusPlus.seed(x.data(), x.rows(), x.dim(), k, new SplittableRandom(r));
      long c1 = os.getProcessCpuTime();
      long w1 = System.nanoTime();
      float[] unpruned = KMeansPlusPlusReference.seed(x.data(), x.rows(), x.dim(), k, new SplittableRandom(r));
      long c2 = os.getProcessCpuTime();
      long w2 = System.nanoTime();
      wallRatio[r] = (double) (w2 - w1) / (w1 - w0);
      cpuRatio[r] = (double) (c2 - c1) / (c1 - c0);
      System.out.printf(Locale.ROOT, "seed %d: pruned %.2f s wall %.2f s cpu, unpruned %.2f s wall %.2f s cpu, same centres %b%n",
          r, (w1 - w0) / 1e9, (c1 - c0) / 1e9, (w2 - w1) / 1e9, (c2 - c1) / 1e9, Arrays.equals(pruned, unpruned));
    }
    System.out.printf(Locale.ROOT, "ratio unpruned/pruned (median of %d): %.2fx wall, %.2fx cpu%n", rounds, median(wallRatio), median(cpuRatio));
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
