package org.interestlab.compute;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.interestlab.UserException;

/**
 * Files that are either complete or absent: written under a hidden temporary name in the target's
 * folder and renamed into place, so a reader (or a crashed run) never sees half a file.
 *
 * <p>The temporary name is {@code .<target name>.<pid>-<random>.part}: the writer's process id lets
 * a later process remove the leftovers of a killed writer ({@link StaleTemporaries}) without
 * touching a live one's. Files are created as any program creates them (mode 0666 minus the user's
 * umask), not 0600, so a shared {@code .npy} stays readable to colleagues.
 *
 * <p>A write that fails (full disk, read-only folder, no permission) is a problem of the user's
 * environment, not a bug: it ends in a {@link UserException} naming the file and the reason.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("out/labels.csv"), bytes);   // out/labels.csv complete, or unchanged
 * }</pre>
 */
public final class AtomicFiles {
  /** Suffix of every temporary file this class writes. */
  public static final String PART_SUFFIX = ".part";

  private static volatile Fault fault;

  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code file}, creating its folder; replaces an existing file. */
  public static void write(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = dir.resolve(temporaryName(file.getFileName().toString()));
    try {
      Files.createDirectories(dir);
      failIfInjected(dir);
      Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      moveIntoPlace(tmp, file);
    } catch (IOException e) {
      throw new UserException(file + ": cannot write — " + reason(e), e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static void deleteQuietly(Path tmp) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      // nothing was written there (the failure came first); a leftover is removed by StaleTemporaries
    }
  }

  /**
   * {@code .<name>.<pid>-<random>.part}: hidden, unique, and telling which process wrote it; for
   * writers that stream into a temporary themselves (model extraction) and rename it with {@link #moveIntoPlace}.
   */
  public static String temporaryName(String name) {
    return "." + name + "." + ProcessHandle.current().pid() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + PART_SUFFIX;
  }

  /** Renames {@code from} to {@code to}, atomically where the file system can (same folder: always on Linux). */
  public static void moveIntoPlace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Why an I/O operation failed, in words a user can act on: the operating system's reason
   * ("No space left on device", "Read-only file system") where it gave one.
   */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) return "permission denied (is the folder read-only?)";
    if (e instanceof NoSuchFileException) return "no such file or folder";
    if (e instanceof NotDirectoryException) return "a path element is not a folder";
    if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /**
   * Test seam for faults no test can cause portably (a full disk; a read-only folder when tests run
   * as root): until the returned handle is closed, every write under {@code folder} fails with an
   * {@link IOException} whose message is {@code reason}, exactly where the operating system's error
   * would surface.
   */
  public static Fault injectFailureUnder(Path folder, String reason) {
    Fault f = new Fault(folder.toAbsolutePath().normalize(), reason);
    fault = f;
    return f;
  }

  /** Throws an injected failure, if any, for a write into {@code dir}; also used by other writers of user-named paths. */
  public static void failIfInjected(Path dir) throws IOException {
    Fault f = fault;
    if (f != null && dir.toAbsolutePath().normalize().startsWith(f.folder)) throw new IOException(f.reason);
  }

  /** An injected write failure; closing it restores normal writes. */
  public static final class Fault implements AutoCloseable {
    private final Path folder;
    private final String reason;

    private Fault(Path folder, String reason) {
      this.folder = folder;
      this.reason = reason;
    }

    @Override
    public void close() {
      if (fault == this) fault = null;
    }
  }
}
