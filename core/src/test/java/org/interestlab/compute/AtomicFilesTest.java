package org.interestlab.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.interestlab.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The atomic writer: permissions as any program gets them, failures named, temporaries of dead writers removed. */
class AtomicFilesTest {
  @TempDir Path tmp;

  /** A process id that belonged to a process which has exited. */
  static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  @Test
  void writtenFilesGetTheUmaskNotOwnerOnly() throws IOException {
    Path plain = Files.createFile(tmp.resolve("plain.txt"));          // what the user's umask gives any new file
    Path ours = tmp.resolve("ours.npy");
    AtomicFiles.write(ours, new byte[] {1, 2, 3});
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
    assertThat(Files.getPosixFilePermissions(ours)).isEqualTo(expected);
    // Under any usual umask (022, 002) others may read; 0600 (the defect) would fail here.
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ours))).isNotEqualTo("rw-------");
  }

  @Test
  void aFullDiskIsAUserErrorNamingTheFile() {
    Path target = tmp.resolve("out").resolve("vectors.npy");
    try (AtomicFiles.Fault f = AtomicFiles.injectFailureUnder(tmp, "No space left on device")) {
      assertThatThrownBy(() -> AtomicFiles.write(target, new byte[10])).isInstanceOf(UserException.class)
          .hasMessage(target + ": cannot write — No space left on device");
    }
    assertThat(target).doesNotExist();
  }

  @Test
  void aReadOnlyFolderIsAUserErrorNamingTheFile() throws IOException {
    Path ro = Files.createDirectory(tmp.resolve("ro"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // root ignores permission bits: then the operating system's answer is injected where it would surface.
      try (AtomicFiles.Fault f = Files.isWritable(ro) ? AtomicFiles.injectFailureUnder(ro, "Read-only file system") : null) {
        assertThatThrownBy(() -> AtomicFiles.write(ro.resolve("labels.csv"), new byte[10])).isInstanceOf(UserException.class)
            .hasMessageStartingWith(ro.resolve("labels.csv") + ": cannot write — ")
            .hasMessageMatching(".*(permission denied|Read-only file system).*");
      }
      try (Stream<Path> s = Files.list(ro)) {
        assertThat(s).isEmpty();
      }
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void temporariesOfDeadWritersAreRemovedLiveOnesKept() throws Exception {
    Path dead = Files.writeString(tmp.resolve(".a.npy." + deadPid() + "-1f.part"), "half", StandardCharsets.UTF_8);
    Path live = Files.writeString(tmp.resolve(".b.npy." + ProcessHandle.current().pid() + "-2e.part"), "half", StandardCharsets.UTF_8);
    Path other = Files.writeString(tmp.resolve("c.part"), "not ours", StandardCharsets.UTF_8);
    assertThat(StaleTemporaries.removeParts(tmp)).isEqualTo(1);
    assertThat(dead).doesNotExist();
    assertThat(live).exists();
    assertThat(other).exists();
  }

  @Test
  void temporaryNamesRecordTheWriter() {
    String name = AtomicFiles.temporaryName("x.npy");
    assertThat(StaleTemporaries.partOwner(name)).contains(ProcessHandle.current().pid());
    assertThat(StaleTemporaries.partOwner("x.npy")).isEmpty();
  }
}
