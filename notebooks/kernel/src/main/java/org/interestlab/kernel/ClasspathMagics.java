package org.interestlab.kernel;

import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * IJava's classpath magics. {@code %jars GLOB...} adds jar files; {@code %classpath PATH...} adds jars
 * or class folders. Relative paths are relative to the kernel's working directory (the notebook's
 * folder); globs ({@code lib/*.jar}, {@code **}) as in IJava.
 */
final class ClasspathMagics {
  static final List<String> NAMES = List.of("jars", "classpath");

  private final Consumer<String> addToClasspath;

  ClasspathMagics(Consumer<String> addToClasspath) {
    this.addToClasspath = addToClasspath;
  }

  void apply(CellSource.Magic magic) throws MagicException {
    List<String> args = splitArgs(magic.args());
    switch (magic.name()) {
      case "jars" -> add(magic, args, true);
      case "classpath" -> add(magic, args, false);
      default -> throw new MagicException("unknown magic %" + magic.name() + " on line " + magic.line()
          + "; this kernel knows %" + String.join(", %", NAMES));
    }
  }

  private void add(CellSource.Magic magic, List<String> args, boolean jarsOnly) throws MagicException {
    if (args.isEmpty()) {
      throw new MagicException("%" + magic.name() + " needs at least one " + (jarsOnly ? "jar" : "path")
          + " (line " + magic.line() + ")");
    }
    List<String> found = new ArrayList<>();
    for (String arg : args) {
      List<Path> matches = matches(arg, jarsOnly);
      if (matches.isEmpty()) {
        throw new MagicException("%" + magic.name() + ": no " + (jarsOnly ? "jar file" : "jar or folder")
            + " matches '" + arg + "' (working directory " + Path.of("").toAbsolutePath() + ")");
      }
      matches.forEach(p -> found.add(p.toAbsolutePath().normalize().toString()));
    }
    for (String p : found) addToClasspath.accept(p);
  }

  private static List<Path> matches(String arg, boolean jarsOnly) throws MagicException {
    List<Path> out = new ArrayList<>();
    Path literal = Path.of(arg);
    if (Files.exists(literal)) {
      if (!jarsOnly || Files.isRegularFile(literal)) out.add(literal);
      return out;
    }
    try {
      Iterable<Path> paths = jarsOnly ? new GlobFinder(arg).computeMatchingFiles() : new GlobFinder(arg).computeMatchingPaths();
      for (Path p : paths) if (!jarsOnly || p.toString().endsWith(".jar")) out.add(p);
    } catch (IOException e) {
      throw new MagicException("cannot search '" + arg + "': " + e.getMessage());
    }
    return out;
  }

  /** Whitespace-separated, with double quotes around arguments that hold spaces. */
  static List<String> splitArgs(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (char c : s.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (cur.length() > 0) out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) out.add(cur.toString());
    return out;
  }
}
