package org.interestlab.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.interestlab.UserException;
import org.interestlab.compute.AtomicFiles;
import org.interestlab.compute.StaleTemporaries;

/**
 * A run's output folder, written under a hidden temporary name ({@code .tmp-<pid>-…}) and renamed to
 * {@code <utc-time>-<name>-<hash8>-<n>} only when the run completes, so a crashed run never looks
 * finished. {@code n} counts the runs of the same resolved config (same name and hash) in the runs
 * folder, 1 for the first: repeated identical runs get distinct names that say which repetition they
 * are, and tables of several runs keep their rows apart. The name is not part of {@code metrics.json}.
 * The temporary name records the process id: creating a run folder removes the temporary folders of
 * runs whose process is dead (killed runs), never those of a live concurrent run. Failures to create
 * or write the folder (full disk, read-only folder) end in a {@link org.interestlab.UserException}
 * naming the path.
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

  private static final String TEMP_PREFIX = ".tmp-";
  /** {@code .tmp-<pid>-<final name>-<random>}. */
  private static final Pattern TEMP = Pattern.compile("^" + Pattern.quote(TEMP_PREFIX) + "(\\d+)-.*$");

  public static RunDirectory create(Path runsRoot, String name, String hash8, Instant start) {
    String finalName = STAMP.format(start) + "-" + name + "-" + hash8;
    Path temp = runsRoot.resolve(TEMP_PREFIX + ProcessHandle.current().pid() + "-" + finalName + "-"
        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
    try {
      Files.createDirectories(runsRoot);
      removeStale(runsRoot);
      // createDirectory, not createTempDirectory: the folder gets the user's umask, not 0700.
      Files.createDirectory(temp);
      return new RunDirectory(runsRoot, temp, finalName);
    } catch (IOException e) {
      throw new UserException(runsRoot + ": cannot create the run folder — " + AtomicFiles.reason(e) + " (choose another with --runs-dir)", e);
    }
  }

  /** Deletes the temporary folders of runs whose process is dead; returns how many. */
  static int removeStale(Path runsRoot) throws IOException {
    int removed = 0;
    try (Stream<Path> s = Files.list(runsRoot)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Matcher m = TEMP.matcher(p.getFileName().toString());
        if (!m.matches() || !Files.isDirectory(p) || StaleTemporaries.ownerAlive(Long.parseLong(m.group(1)), p)) continue;
        StaleTemporaries.deleteTree(p);
        removed++;
      }
    }
    return removed;
  }

  /** The temporary folder files are written into. */
  public Path path() {
    return temp;
  }

  /** Writes one text file of the run, UTF-8 (failures name the file: see {@link AtomicFiles#write}). */
  public void write(String file, String content) {
    write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes one file of the run. */
  public void write(String file, byte[] content) {
    try {
      AtomicFiles.write(temp.resolve(file), content);
    } catch (IOException e) {
      throw new UserException(temp.resolve(file) + ": cannot write — " + AtomicFiles.reason(e), e);
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
        throw new UserException(temp + ": cannot rename to " + target + " — " + AtomicFiles.reason(e), e);
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
      throw new UserException(runsRoot + ": cannot list the runs folder — " + AtomicFiles.reason(e), e);
    }
  }

  /** Deletes the temporary folder of a failed run. */
  public void abandon() {
    StaleTemporaries.deleteTree(temp); // best effort: a leftover .tmp- folder never looks like a finished run
  }
}
