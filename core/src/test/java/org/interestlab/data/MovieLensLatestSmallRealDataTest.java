package org.interestlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.interestlab.compute.CacheDirs;
import org.junit.jupiter.api.Test;

/**
 * Reads the real ml-latest-small files when {@code INTERESTLAB_DATA} (or {@code -Dinterestlab.data})
 * points at a folder holding {@code movielens-latest-small/}; skipped otherwise. The expected counts
 * are the ones GroupLens publishes in the dataset's README.
 */
class MovieLensLatestSmallRealDataTest {
  @Test
  void publishedCounts() {
    boolean configured = System.getProperty("interestlab.data") != null || System.getenv("INTERESTLAB_DATA") != null;
    Path folder = CacheDirs.datasets().resolve(MovieLensLatestSmallSource.NAME);
    assumeTrue(configured && Files.isRegularFile(folder.resolve("ratings.csv")),
        "real ml-latest-small not found: set INTERESTLAB_DATA to a folder containing movielens-latest-small/ (looked in "
            + folder + ")");
    Dataset d = new MovieLensLatestSmallSource().load(folder);
    assertThat(d.interactions()).hasSize(100_836);
    assertThat(d.numUsers()).isEqualTo(610);
    assertThat(d.numItems()).isEqualTo(9_742);
    assertThat(d.tags()).hasSize(3_683);
    // First rows of the files, read by eye.
    assertThat(d.items().get(0).title()).isEqualTo("Toy Story (1995)");
    assertThat(d.items().get(0).text()).isEqualTo("Adventure, Animation, Children, Comedy, Fantasy");
    assertThat(d.interactions().get(0)).isEqualTo(new Interaction(0, 0, 4.0, 964982703L, ""));
    assertThat(d.tags().get(0).text()).isEqualTo("funny");
    assertThat(MovieLensLatestSmallSource.readLinks(folder)).hasSize(9_742);
    // The README says every user rated at least 20 movies, so leave-last-out holds out exactly one
    // rating per user: 100,836 - 610 train; test keeps those whose movie also occurs in training.
    Split s = new LeaveLastOutSplit().split(d);
    assertThat(s.train().interactions()).hasSize(100_836 - 610);
    assertThat(s.test().interactions().size()).isBetween(1, 610);
  }

  @Test
  void catalogueHashesMatchTheRealFiles() {
    boolean configured = System.getProperty("interestlab.data") != null || System.getenv("INTERESTLAB_DATA") != null;
    Path folder = CacheDirs.datasets().resolve(MovieLensLatestSmallSource.NAME);
    assumeTrue(configured && Files.isRegularFile(folder.resolve("ratings.csv")),
        "real ml-latest-small not found: set INTERESTLAB_DATA to a folder containing movielens-latest-small/");
    DatasetStore.Verification v = DatasetStore.create().verify(MovieLensLatestSmallSource.NAME);
    assertThat(v.files()).extracting(DatasetStore.FileCheck::status).containsExactly(
        DatasetStore.Status.OK, DatasetStore.Status.OK, DatasetStore.Status.OK, DatasetStore.Status.OK,
        DatasetStore.Status.OK);
    assertThat(v.ok()).isTrue();
  }
}
