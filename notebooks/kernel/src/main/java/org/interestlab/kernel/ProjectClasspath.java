package org.interestlab.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jars and folders cells get without any magic: InterestLab core, Tablesaw and their dependencies,
 * read from the {@code classpath.txt} Maven writes into the kernelspec at build time.
 */
public record ProjectClasspath(List<Path> entries, List<Path> missing) {
  public ProjectClasspath {
    entries = List.copyOf(entries);
    missing = List.copyOf(missing);
  }

  public static ProjectClasspath empty() {
    return new ProjectClasspath(List.of(), List.of());
  }

  /** Reads a file of path-separator separated entries (any line breaks ignored); {@code null} reads nothing. */
  public static ProjectClasspath read(Path file) {
    if (file == null) return empty();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the cell classpath file " + file, e);
    }
    return of(text);
  }

  static ProjectClasspath of(String text) {
    List<Path> present = new ArrayList<>();
    List<Path> missing = new ArrayList<>();
    for (String s : text.split("[" + File.pathSeparator + "\\r\\n]+")) {
      if (s.isBlank()) continue;
      Path p = Path.of(s.strip());
      (Files.exists(p) ? present : missing).add(p);
    }
    return new ProjectClasspath(present, missing);
  }

  /** The entries joined with the platform's path separator, as JShell's {@code addToClasspath} takes them. */
  public String joined() {
    return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
  }
}
