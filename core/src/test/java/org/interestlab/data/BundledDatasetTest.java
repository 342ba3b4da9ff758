package org.interestlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundled dataset is read from the repository folder and never downloaded. */
class BundledDatasetTest {
  @TempDir Path tmp;
  String before;

  @BeforeEach
  void pointRootAtTemp() {
    before = System.getProperty("interestlab.root");
    System.setProperty("interestlab.root", tmp.resolve("repo").toString());
  }

  @AfterEach
  void restoreRoot() {
    if (before == null) System.clearProperty("interestlab.root");
    else System.setProperty("interestlab.root", before);
  }

  @Test
  void bundledFolderComesFromTheRepositoryRoot() throws IOException {
    DatasetCatalog c = DatasetCatalog.parse(
        "datasets:\n  - { name: made, archive: bundled, repo_folder: bundle/made, files: [ { name: a.txt } ] }\n",
        "test catalogue");
    Path expected = tmp.resolve("repo").resolve("bundle/made");
    DatasetStore store = DatasetStore.of(tmp.resolve("cache"), c).offline(false);
    assertThatThrownBy(() -> store.ensure("made", Map.of()))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("bundled")
        .hasMessageContaining(expected.toString());
    Files.createDirectories(expected);
    Files.writeString(expected.resolve("a.txt"), "alpha\n");
    assertThat(store.ensure("made", Map.of())).isEqualTo(expected);
    assertThat(Files.exists(tmp.resolve("cache"))).isFalse();
    assertThat(store.verify("made").ok()).isTrue();
  }
}
