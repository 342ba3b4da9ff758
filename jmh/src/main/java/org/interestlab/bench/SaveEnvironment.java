package org.interestlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.interestlab.compute.AtomicFiles;
import org.interestlab.experiment.EnvironmentInfo;
import org.interestlab.experiment.Json;

/**
 * Writes {@code environment.json} (host, CPU, cores, memory, JVM, engine versions, GPUs, git commit)
 * next to a benchmark's results, so numbers from different machines can be told apart.
 * Usage: {@code SaveEnvironment <out.json> <repo root>}.
 */
public final class SaveEnvironment {
  private SaveEnvironment() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: SaveEnvironment OUT.json REPO_ROOT");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    AtomicFiles.write(out, Json.write(EnvironmentInfo.collect(Path.of(args[1]))).getBytes(StandardCharsets.UTF_8));
  }
}
