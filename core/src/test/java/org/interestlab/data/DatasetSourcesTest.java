package org.interestlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.interestlab.UserException;
import org.junit.jupiter.api.Test;

class DatasetSourcesTest {
  @Test
  void namesMapToLoaders() {
    assertThat(DatasetSources.names())
        .containsExactly("movielens-100k", "movielens-1m", "movielens-latest-small", "amazon-reviews-5core");
    assertThat(DatasetSources.forName("movielens-100k", Map.of())).isInstanceOf(MovieLens100kSource.class);
    assertThat(DatasetSources.forName("movielens-1m", Map.of())).isInstanceOf(MovieLens1mSource.class);
    assertThat(DatasetSources.forName("movielens-latest-small", Map.of())).isInstanceOf(MovieLensLatestSmallSource.class);
    assertThat(DatasetSources.forName("amazon-reviews-5core", Map.of("category", "Beauty")))
        .isEqualTo(new AmazonReviews5CoreSource("Beauty"));
    for (String n : DatasetSources.names()) {
      Map<String, String> p = n.startsWith("amazon") ? Map.of("category", "Beauty") : Map.of();
      assertThat(DatasetSources.forName(n, p).name()).isEqualTo(n);
      assertThat(DatasetCatalog.load().find(n)).as("catalogue entry for " + n).isPresent();
    }
  }

  @Test
  void unknownNamesAndParametersListWhatIsAllowed() {
    assertThatThrownBy(() -> DatasetSources.forName("movielens-20m", Map.of()))
        .isInstanceOf(UserException.class)
        .hasMessage("unknown dataset source 'movielens-20m'; allowed: movielens-100k, movielens-1m, "
            + "movielens-latest-small, amazon-reviews-5core");
    assertThatThrownBy(() -> DatasetSources.forName("amazon-reviews-5core", Map.of()))
        .hasMessageContaining("needs parameter category");
    assertThatThrownBy(() -> DatasetSources.forName("movielens-1m", Map.of("category", "x")))
        .hasMessageContaining("unknown parameter 'category'; allowed: none");
  }

  @Test
  void loadsThroughTheStoreFromAFilledCache() {
    DatasetStore store = DatasetStore.of(Fixtures.folder("movielens-1m").getParent(), DatasetCatalog.load()).offline(true);
    Dataset d = DatasetSources.load(store, "movielens-1m", Map.of());
    assertThat(d.interactions()).hasSize(3);
    Dataset music = DatasetSources.load(store, "amazon-reviews-5core", Map.of("category", "Digital_Music"));
    assertThat(music.interactions()).hasSize(2);
    assertThatThrownBy(() -> DatasetSources.load(store, "amazon-reviews-5core", Map.of("category", "Beauty")))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("reviews_Beauty_5.json.gz")
        .hasMessageContaining("http://snap.stanford.edu/data/amazon/productGraph/categoryFiles/reviews_Beauty_5.json.gz");
  }
}
