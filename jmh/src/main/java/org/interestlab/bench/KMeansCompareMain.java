package org.interestlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.interestlab.cluster.DistanceMetric;
import org.interestlab.cluster.Clustering;
import org.interestlab.cluster.KMeans;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.Npy;

/**
 * InterestLab's side of {@code jmh/compare/kmeans_compare.sh}: k-means from the same points and
 * initial centres as the scikit-learn and faiss runs, written in the same result format
 * ({@code <name>.labels}, {@code <name>.json}) for {@code kmeans_peers.py report}.
 *
 * <pre>
 * java -cp jmh/target/classes:$(cat jmh/target/classpath.txt) org.interestlab.bench.KMeansCompareMain DIR 20 3 hamerly yinyang lloyd
 * </pre>
 *
 * <p>The engine start and the JIT warm-up happen in {@link #WARM_UP_FITS} untimed fits before the clock starts (as the
 * Python runs time {@code fit} only, not the interpreter and imports); the timed part is {@link KMeans#fitFrom} including its final assignment and inertia, the fastest of
 * REPEAT fits and of any earlier result in DIR (arguments: DIR ITERATIONS REPEAT ALGORITHM...). An algorithm
 * {@code scikit-learn:T} runs {@code arithmetic: scikit-learn} for a scikit-learn run on T threads, written as
 * {@code interestlab-scikit-learn-Tthreads}.
 */
public final class KMeansCompareMain {
  private KMeansCompareMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      System.err.println("usage: KMeansCompareMain DIR ITERATIONS REPEAT ALGORITHM...   (algorithms: auto, hamerly, elkan, yinyang, lloyd, "
          + "scikit-learn:THREADS)");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int iterations = Integer.parseInt(args[1]);
    Embeddings points = Npy.read(dir.resolve("points.npy"));
    Embeddings init = Npy.read(dir.resolve("init.npy"));
    int repeat = Integer.parseInt(args[2]);
    for (int a = 3; a < args.length; a++) {
      boolean scikitLearn = args[a].startsWith("scikit-learn:");
      KMeans.Algorithm algorithm = scikitLearn ? KMeans.Algorithm.LLOYD : KMeans.Algorithm.parse(args[a]);
      KMeans km = new KMeans(init.rows(), KMeans.Init.RANDOM, 1, iterations, 0.0, 0L, "cpu", algorithm, DistanceMetric.EUCLIDEAN);
      int threads = scikitLearn ? Integer.parseInt(args[a].substring("scikit-learn:".length())) : 0;
      if (scikitLearn) km = km.withScikitLearnArithmetic(threads);
      String name = scikitLearn ? "interestlab-scikit-learn-" + threads + "threads" : "interestlab-" + algorithm.configName();
      // The reproduction of scikit-learn's arithmetic is for its labels, not its speed: no warm-up.
      if (!scikitLearn) warmUp(km, points, init);
      double seconds = Double.POSITIVE_INFINITY;
      Clustering c = null;
      for (int r = 0; r < repeat; r++) {
        long start = System.nanoTime();
        c = km.fitFrom(points, init);
        seconds = Math.min(seconds, (System.nanoTime() - start) / 1e9);
      }
      write(dir, name, seconds, c);
    }
  }

  /**
   * Untimed fits on the same data: start the engine and let the JIT compile the hot loops, as
   * JMH's warm-up iterations would (the peers' loops are compiled ahead of time).
   */
  private static void warmUp(KMeans km, Embeddings points, Embeddings init) {
    for (int w = 0; w < WARM_UP_FITS; w++) km.fitFrom(points, init);
  }

  /** Untimed fits before the clock starts: as JMH's warm-up iterations, until the JIT has compiled the hot loops. */
  private static final int WARM_UP_FITS = 3;

  /** Keeps the fastest run: a result already in DIR that is faster stays. */
  private static void write(Path dir, String name, double seconds, Clustering c) throws IOException {
    Path previous = dir.resolve(name + ".json");
    if (Files.exists(previous)) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"seconds\": ([0-9.eE+-]+)").matcher(Files.readString(previous));
      if (m.find() && Double.parseDouble(m.group(1)) <= seconds) {
        System.out.printf(Locale.ROOT, "%s: %.3f s (slower than the kept run)%n", name, seconds);
        return;
      }
    }
    StringBuilder sb = new StringBuilder(c.labels().length * 3);
    for (int l : c.labels()) sb.append(l).append('\n');
    atomically(dir.resolve(name + ".labels"), sb.toString());
    atomically(dir.resolve(name + ".json"), String.format(Locale.ROOT,
        "{\"name\": \"%s\", \"seconds\": %.6f, \"iterations\": %d, \"inertia\": %.10g}%n", name, seconds, c.iterations(), c.inertia()));
    System.out.printf(Locale.ROOT, "%s: %.3f s, %d iterations%n", name, seconds, c.iterations());
  }

  private static void atomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
