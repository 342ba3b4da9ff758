package org.interestlab.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's output folder, written under a hidden temporary name ({@code .tmp-…}) and renamed to
 * {@code <utc-time>-<name>-<hash8>-<n>} only when the run completes, so a crashed run never looks
 * finished. {@code n} counts the runs of the same resolved config (same name and hash) in the runs
 * folder, 1 for the first: repeated identical runs get distinct names that say which repetition they
 * are, and tables of several runs keep their rows apart. The name is not part of {@code metrics.json}.
 */
public final class RunDirectory {
  /** Characters of {@code yyyyMMddTHHmmssZ}. */
  private static final int STAMP_LENGTH = 16;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path runsRoot;
  private final Path temp;
  private final String finalName;

  private RunDirectory(Path runsRoot, Path temp, String finalName) {
    this.runsRoot = runsRoot;
    this.temp = temp;
    this.finalName = finalName;
  }

  public static RunDirectory create(Path runsRoot, String name, String hash8, Instant start) {
    try {
      Files.createDirectories(runsRoot);
      String finalName = STAMP.format(start) + "-" + name + "-" + hash8;
      Path temp = Files.createTempDirectory(runsRoot, ".tmp-" + finalName + "-");
      return new RunDirectory(runsRoot, temp, finalName);
    } catch (IOException e) {
      throw new org.interestlab.UserException("cannot create run directory under " + runsRoot + ": " + e.getMessage());
    }
  }

  /** The temporary folder files are written into. */
  public Path path() {
    return temp;
  }

  public void write(String file, String content) {
    try {
      Files.writeString(temp.resolve(file), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void write(String file, byte[] content) {
    try {
      Files.write(temp.resolve(file), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Renames the folder to its final name, numbered after the finished runs of the same config. */
  public Path complete() {
    for (int n = repetitions() + 1; ; n++) {
      Path target = runsRoot.resolve(finalName + "-" + n);
      if (Files.exists(target)) continue;
      try {
        return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        // raced with another run: try the next suffix
      } catch (AtomicMoveNotSupportedException e) {
        throw new IllegalStateException("runs folder does not support atomic rename: " + runsRoot, e);
      } catch (IOException e) {
        if (Files.exists(target)) continue;
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Finished runs of this config in the runs folder: names ending in {@code -<name>-<hash8>} or {@code -<name>-<hash8>-<n>}. */
  private int repetitions() {
    String configPart = finalName.substring(STAMP_LENGTH);
    Pattern same = Pattern.compile("\\d{8}T\\d{6}Z" + Pattern.quote(configPart) + "(-\\d+)?");
    try (Stream<Path> s = Files.list(runsRoot)) {
      return (int) s.filter(p -> same.matcher(p.getFileName().toString()).matches()).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the temporary folder of a failed run. */
  public void abandon() {
    try (Stream<Path> s = Files.walk(temp)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a leftover .tmp- folder never looks like a finished run
    }
  }
}
