package org.interestlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.interestlab.UserException;
import org.junit.jupiter.api.Test;

class DatasetCatalogTest {
  @Test
  void shippedCatalogueListsTheDatasets() {
    DatasetCatalog c = DatasetCatalog.load();
    assertThat(c.names()).containsExactly(
        "movielens-100k", "movielens-1m", "movielens-latest-small", "amazon-reviews-5core", "synthetic-interests",
        "synthetic-interests-zh");
    DatasetCatalog.Entry ml = c.get("movielens-100k");
    assertThat(ml.url()).isEqualTo("https://files.grouplens.org/datasets/movielens/ml-100k.zip");
    assertThat(ml.archive()).isEqualTo(DatasetCatalog.Archive.ZIP);
    assertThat(ml.archiveFolder()).isEqualTo("ml-100k");
    assertThat(ml.files().get(0)).isEqualTo(new DatasetCatalog.FileSpec("u.data",
        "06416e597f82b7342361e41163890c81036900f418ad91315590814211dca490", false));
    assertThat(ml.citation()).contains("Harper").contains("10.1145/2827872");
    assertThat(c.get("movielens-1m").url()).isEqualTo("https://files.grouplens.org/datasets/movielens/ml-1m.zip");
    assertThat(c.get("movielens-latest-small").files()).extracting(DatasetCatalog.FileSpec::name)
        .containsExactly("ratings.csv", "movies.csv", "tags.csv", "links.csv", "README.txt");
    DatasetCatalog.Entry synth = c.get("synthetic-interests");
    assertThat(synth.archive()).isEqualTo(DatasetCatalog.Archive.BUNDLED);
    assertThat(synth.repoFolder()).isEqualTo("datasets/synthetic-interests");
    assertThat(synth.url()).isEmpty();
    for (DatasetCatalog.Entry e : c.entries()) {
      assertThat(e.licence()).as(e.name() + " licence").isNotBlank();
      assertThat(e.citation()).as(e.name() + " citation").isNotBlank();
    }
  }

  @Test
  void amazonResolvesItsCategory() {
    DatasetCatalog.Entry amazon = DatasetCatalog.load().get("amazon-reviews-5core");
    assertThat(amazon.isTemplate()).isTrue();
    DatasetCatalog.Entry music = amazon.resolve(Map.of("category", "Musical_Instruments"));
    assertThat(music.url()).isEqualTo(
        "http://snap.stanford.edu/data/amazon/productGraph/categoryFiles/reviews_Musical_Instruments_5.json.gz");
    assertThat(music.files()).extracting(DatasetCatalog.FileSpec::name)
        .containsExactly("reviews_Musical_Instruments_5.json.gz");
    assertThat(music.isTemplate()).isFalse();
    assertThat(amazon.namePattern(amazon.files().get(0)).matcher("reviews_Digital_Music_5.json.gz").matches()).isTrue();
    assertThat(amazon.namePattern(amazon.files().get(0)).matcher("reviews_x_5.json").matches()).isFalse();
    assertThatThrownBy(() -> amazon.resolve(Map.of()))
        .isInstanceOf(UserException.class).hasMessageContaining("needs parameter category")
        .hasMessageContaining("Musical_Instruments");
  }

  @Test
  void malformedCatalogueNamesKeyPath() {
    assertThatThrownBy(() -> DatasetCatalog.parse("datasets:\n  - { name: x, archive: tar, url: u, files: [] }\n", "c.yaml"))
        .isInstanceOf(UserException.class)
        .hasMessage("c.yaml: datasets[0] (x).archive: 'tar' is not one of zip, file, bundled");
    assertThatThrownBy(() -> DatasetCatalog.parse("datasets:\n  - { name: x, archive: zip, url: u, files: [], size: 3 }\n", "c.yaml"))
        .hasMessageContaining("datasets[0].size: unknown key");
    assertThatThrownBy(() -> DatasetCatalog.parse(
        "datasets:\n  - { name: x, archive: zip, url: u, files: [ { name: a, sha256: ABC } ] }\n", "c.yaml"))
        .hasMessageContaining("datasets[0] (x).files[0].sha256: 'ABC' is not 64 lower-case hex digits");
    assertThatThrownBy(() -> DatasetCatalog.parse("datasets:\n  - { name: x, archive: zip, files: [] }\n", "c.yaml"))
        .hasMessageContaining("datasets[0] (x).url: missing");
    assertThatThrownBy(() -> DatasetCatalog.parse(
        "datasets:\n  - { name: x, archive: zip, url: u, files: [ { name: a, sha256: 0%s } ] }\n".formatted("1".repeat(63)), "c.yaml"))
        .hasMessageContaining("files[0].sha256: write the hash in quotes");
    assertThatThrownBy(() -> DatasetCatalog.parse("datasets: 3\n", "c.yaml"))
        .hasMessageContaining("c.yaml: datasets: expected a list, got '3'");
  }
}
