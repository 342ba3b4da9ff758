package org.interestlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is: {@code -Dinterestlab.root} (set by ./lab and Maven), else the working directory. */
final class Paths {
  private Paths() {}

  static Path root() {
    String p = System.getProperty("interestlab.root");
    Path root = p != null ? Path.of(p) : Path.of("");
    return root.toAbsolutePath().normalize();
  }

  static Path runsDir() {
    return root().resolve("experiments").resolve("runs");
  }

  /** A path the user typed, relative to the working directory; falls back to the root. */
  static Path userPath(String s) {
    Path p = Path.of(s);
    if (p.isAbsolute() || Files.exists(p)) return p;
    Path underRoot = root().resolve(s);
    return Files.exists(underRoot) ? underRoot : p;
  }
}
