package org.interestlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
  @TempDir
  Path runs;

  @Test
  void repeatedIdenticalRunsAreNumberedInTheOrderTheyFinish() throws Exception {
    Instant t = Instant.parse("2026-12-03T12:00:00Z");
    Path first = RunDirectory.create(runs, "demo", "0123abcd", t).complete();
    Path second = RunDirectory.create(runs, "demo", "0123abcd", t).complete();
    Path third = RunDirectory.create(runs, "demo", "0123abcd", t.plusSeconds(3600)).complete();
    Path other = RunDirectory.create(runs, "demo", "ffff0000", t).complete();
    assertThat(first.getFileName()).hasToString("20261203T120000Z-demo-0123abcd-1");
    assertThat(second.getFileName()).hasToString("20261203T120000Z-demo-0123abcd-2");
    assertThat(third.getFileName()).hasToString("20261203T130000Z-demo-0123abcd-3");
    assertThat(other.getFileName()).hasToString("20261203T120000Z-demo-ffff0000-1");
  }

  @Test
  void foldersOfTheOldUnnumberedFormCountAsRepetitions() throws Exception {
    Files.createDirectories(runs.resolve("20261101T080000Z-demo-0123abcd"));
    Files.createDirectories(runs.resolve("20261101T080000Z-demo-longer-0123abcd-1")); // another config name
    Path next = RunDirectory.create(runs, "demo", "0123abcd", Instant.parse("2026-12-03T12:00:00Z")).complete();
    assertThat(next.getFileName()).hasToString("20261203T120000Z-demo-0123abcd-2");
  }
}
