package org.interestlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.interestlab.UserException;

/** {@code jmh/target/benchmarks.jar}, built with Maven when it is missing or older than a source it holds. */
final class BenchJar {
  private BenchJar() {}

  static Path ensure(Path root) throws IOException, InterruptedException {
    Path jar = root.resolve("jmh/target/benchmarks.jar");
    if (Files.isRegularFile(jar) && !stale(root, Files.getLastModifiedTime(jar))) return jar;
    System.out.println("bench: building jmh/target/benchmarks.jar (first use or sources changed; a few minutes)...");
    Path log = root.resolve(".bench-build.log");
    List<String> mvn = List.of("mvn", "-B", "-q", "-DskipTests", "-Dinterestlab.skipJupyter=true", "-pl", "core,jmh", "-am", "package");
    Process p;
    try {
      p = new ProcessBuilder(mvn).directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new UserException("Maven (mvn) is needed to build the benchmarks: apt-get install maven");
    }
    if (p.waitFor() != 0 || !Files.isRegularFile(jar)) {
      throw new IllegalStateException("building the benchmarks failed; see " + log);
    }
    Files.deleteIfExists(log);
    return jar;
  }

  private static boolean stale(Path root, FileTime built) throws IOException {
    for (String dir : List.of("pom.xml", "jmh/pom.xml", "core/pom.xml", "core/src/main", "jmh/src/main")) {
      Path p = root.resolve(dir);
      if (!Files.exists(p)) continue;
      try (Stream<Path> files = Files.walk(p)) {
        if (files.filter(Files::isRegularFile).anyMatch(f -> modified(f).compareTo(built) > 0)) return true;
      }
    }
    return false;
  }

  private static FileTime modified(Path f) {
    try {
      return Files.getLastModifiedTime(f);
    } catch (IOException e) {
      return FileTime.fromMillis(Long.MAX_VALUE);
    }
  }
}
