package org.interestlab.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.interestlab.compute.CacheDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run (the quickstart's pipeline) killed with {@code kill -9} in the middle of its work (while it fills the embedding
 * cache), then run again: the killed run leaves no complete-looking folder, the next run removes its
 * temporary folder and the cache's {@code .part} files, and its results are byte-identical to those
 * of a run that was never interrupted (with a cache of its own). Each run is a separate JVM started
 * as {@code ./lab} starts one.
 */
class KilledRunTest {
  /** The quickstart made lighter (shorter texts, one k-means start) so three runs take less than a minute or two. */
  static final String CONFIG = """
      name: killed
      seed: 42
      dataset:   { source: synthetic-interests }
      split:     { kind: temporal, test_fraction: 0.2 }
      profile:   { kind: recency-mean, half_life_days: 90 }
      encoder:   { kind: minilm-l6, batch_size: 64, max_length: 24 }
      clusterer: { kind: kmeans, k: 12, n_init: 1 }
      recommenders:
        - { kind: most-popular }
        - { kind: cluster-popular }
      metrics: [ndcg@10, recall@10, ari]
      """;

  @TempDir Path tmp;

  /**
   * A cache root of its own for embeddings, sharing the user's unpacked engine libraries and model
   * files (read only here; unpacking them again would take most of the test's time).
   */
  private static Path cacheSharingModels(Path cache) throws IOException {
    Files.createDirectories(cache);
    for (String shared : List.of("djl", "models")) {
      Path real = CacheDirs.root().resolve(shared);
      if (Files.isDirectory(real)) Files.createSymbolicLink(cache.resolve(shared), real.toAbsolutePath());
    }
    return cache;
  }

  private Process lab(Path cache, Path runs, String name) throws IOException {
    Path root = Cli.root();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss4m",
        "-Dai.djl.offline=true", "-Dai.djl.onnx.disable_alternative=true", "-Dinterestlab.progress=false",
        "-Dinterestlab.root=" + root, "-Dinterestlab.cache=" + cache,
        "-cp", System.getProperty("java.class.path"), "org.interestlab.cli.Lab",
        "run", tmp.resolve("killed.yaml").toString(), "--runs-dir", runs.toString(), "--quiet"));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile()).start();
  }

  private static List<Path> find(Path dir, String suffix) throws IOException {
    if (!Files.exists(dir)) return List.of();
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private void finish(Process p, String name) throws Exception {
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).as(name + " finished").isTrue();
    assertThat(p.exitValue()).as(name + ": " + Files.readString(tmp.resolve(name + ".log"))).isZero();
  }

  @Test
  void aRunKilledMidWayLeavesNothingCompleteAndTheNextRunIsCleanAndIdentical() throws Exception {
    Files.writeString(tmp.resolve("killed.yaml"), CONFIG);
    Path cache = cacheSharingModels(tmp.resolve("cache"));
    Path runs = tmp.resolve("runs");

    Process killed = lab(cache, runs, "killed");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    // Mid-way: the run folder exists and the embedding cache is being filled.
    while (killed.isAlive() && System.nanoTime() < deadline
        && (find(runs, "").stream().noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")) || find(cache.resolve("embeddings"), ".npy").isEmpty())) {
      Thread.sleep(20);
    }
    assertThat(killed.isAlive()).as("the run was still working when killed: " + Files.readString(tmp.resolve("killed.log"))).isTrue();
    killed.destroyForcibly().waitFor();

    List<String> left = names(runs);
    assertThat(left).as("only a temporary folder").hasSize(1).allMatch(n -> n.startsWith(".tmp-" + killed.pid() + "-"));
    // A cache temporary of the killed writer, wherever one was not left by chance.
    Path shard = find(cache.resolve("embeddings"), ".npy").get(0).getParent();
    Path stalePart = Files.write(shard.resolve(".0123.npy." + killed.pid() + "-5eed.part"), new byte[7]);

    Process rerun = lab(cache, runs, "rerun");
    finish(rerun, "rerun");
    List<String> after = names(runs);
    assertThat(after).as("the stale temporary folder is gone, one complete run").hasSize(1).noneMatch(n -> n.startsWith("."));
    assertThat(stalePart).doesNotExist();
    assertThat(find(cache.resolve("embeddings"), ".part")).isEmpty();

    Path freshRuns = tmp.resolve("fresh-runs");
    finish(lab(cacheSharingModels(tmp.resolve("fresh-cache")), freshRuns, "fresh"), "fresh");
    Path a = runs.resolve(after.get(0));
    Path b = freshRuns.resolve(names(freshRuns).get(0));
    for (String f : List.of("metrics.json", "metrics.csv", "per_user.csv", "clusters.csv", "config.yaml")) {
      assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
    }
  }
}
