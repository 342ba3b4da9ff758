package org.interestlab.compute;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files that are either complete or absent: written under a hidden temporary name in the target's
 * folder and renamed into place, so a reader (or a crashed run) never sees half a file.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code file}, creating its folder; replaces an existing file. */
  public static void write(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
    try {
      Files.write(tmp, bytes);
      moveIntoPlace(tmp, file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Renames {@code from} to {@code to}, atomically where the file system can (same folder: always on Linux). */
  public static void moveIntoPlace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
