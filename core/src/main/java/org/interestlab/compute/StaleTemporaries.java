package org.interestlab.compute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes what killed processes left behind: {@code .part} files of {@link AtomicFiles} and other
 * temporaries whose name records the writer's process id. A temporary is stale when no process has
 * that id, or when the process that has it started after the temporary was last modified (the id was
 * reused); a live writer's temporaries are never touched.
 *
 * <p>Cost: one folder listing and, per temporary, one process lookup.
 */
public final class StaleTemporaries {
  /** {@code .<name>.<pid>-<random>.part}, as {@link AtomicFiles#temporaryName} writes it. */
  private static final Pattern PART = Pattern.compile("^\\..*\\.(\\d+)-[0-9a-f]+" + Pattern.quote(AtomicFiles.PART_SUFFIX) + "$");

  private StaleTemporaries() {}

  /** The writer's process id recorded in an {@link AtomicFiles} temporary name, if it is one. */
  static Optional<Long> partOwner(String fileName) {
    Matcher m = PART.matcher(fileName);
    return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }

  /** Whether {@code path} (a temporary written by process {@code pid}) may still be written to. */
  public static boolean ownerAlive(long pid, Path path) {
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) return false;
    Optional<Instant> started = p.get().info().startInstant();
    if (started.isEmpty()) return true;
    try {
      return !started.get().isAfter(Files.getLastModifiedTime(path).toInstant());
    } catch (IOException e) {
      return true; // gone or unreadable: leave it alone
    }
  }

  /** Deletes the {@link AtomicFiles} temporaries of dead writers directly in {@code dir}; returns how many. */
  public static int removeParts(Path dir) {
    if (!Files.isDirectory(dir)) return 0;
    int removed = 0;
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Optional<Long> pid = partOwner(p.getFileName().toString());
        if (pid.isPresent() && !ownerAlive(pid.get(), p) && Files.deleteIfExists(p)) removed++;
      }
    } catch (IOException e) {
      // best effort: a leftover temporary never looks like a finished file
    }
    return removed;
  }

  /** Deletes a folder and everything in it, best effort. */
  public static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort, as above
    }
  }
}
