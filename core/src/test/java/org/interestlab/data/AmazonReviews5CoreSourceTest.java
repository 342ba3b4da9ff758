package org.interestlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.interestlab.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AmazonReviews5CoreSourceTest {
  @TempDir Path tmp;

  @Test
  void readsPlainJsonLinesAndJoinsSummaryWithText() {
    Dataset d = new AmazonReviews5CoreSource("Musical_Instruments").load(Fixtures.folder("amazon-reviews-5core"));
    assertThat(d.name()).isEqualTo("amazon-reviews-5core/Musical_Instruments");
    assertThat(d.users()).extracting(User::id).containsExactly("A2IBPI20UZIR0U", "A14VAT5EAX3D9S");
    assertThat(d.items()).extracting(Item::id).containsExactly("1384719342", "B00004Y2UT");
    assertThat(d.interactions()).containsExactly(
        new Interaction(0, 0, 5.0, 1393545600L,
            "good. Not much to write about here, but it does exactly what it's supposed to."),
        new Interaction(1, 0, 3.0, 1363392000L, "It Does The Job Well!"),
        new Interaction(0, 1, 4.0, 1356048000L, "Great cable élève"));
  }

  @Test
  void readsGzipAndAllowsEmptyText() {
    Dataset d = new AmazonReviews5CoreSource("Digital_Music").load(Fixtures.folder("amazon-reviews-5core"));
    assertThat(d.numUsers()).isEqualTo(2);
    assertThat(d.numItems()).isEqualTo(1);
    assertThat(d.interactions()).containsExactly(
        new Interaction(0, 0, 2.0, 1000000000L, ""),
        new Interaction(1, 0, 1.0, 1000086400L, "Noise? Loud."));
  }

  @Test
  void joinRules() {
    assertThat(AmazonReviews5CoreSource.joinSummaryAndText("Great", "Works.")).isEqualTo("Great. Works.");
    assertThat(AmazonReviews5CoreSource.joinSummaryAndText("Great!", "Works.")).isEqualTo("Great! Works.");
    assertThat(AmazonReviews5CoreSource.joinSummaryAndText(" ", " Works. ")).isEqualTo("Works.");
    assertThat(AmazonReviews5CoreSource.joinSummaryAndText("", "")).isEmpty();
  }

  @Test
  void malformedLinesNameFileLineAndField() throws IOException {
    Path f = tmp.resolve("reviews_Toys_5.json");
    Files.writeString(f, "{\"reviewerID\": \"U\", \"asin\": \"A\", \"overall\": 5.0, \"unixReviewTime\": 1}\n{not json\n");
    assertThatThrownBy(() -> new AmazonReviews5CoreSource("Toys").load(tmp))
        .isInstanceOf(UserException.class)
        .hasMessageContaining(f.toString()).hasMessageContaining("line 2").hasMessageContaining("JSON object");
    Files.writeString(f, "{\"reviewerID\": \"U\", \"overall\": 5.0, \"unixReviewTime\": 1}\n");
    assertThatThrownBy(() -> new AmazonReviews5CoreSource("Toys").load(tmp))
        .hasMessageContaining("line 1").hasMessageContaining("field \"asin\"");
    Files.writeString(f, "{\"reviewerID\": \"U\", \"asin\": \"A\", \"overall\": \"great\", \"unixReviewTime\": 1}\n");
    assertThatThrownBy(() -> new AmazonReviews5CoreSource("Toys").load(tmp))
        .hasMessageContaining("a number in \"overall\"");
  }

  @Test
  void truncatedGzipIsAUserError() throws IOException {
    byte[] whole = Files.readAllBytes(Fixtures.folder("amazon-reviews-5core").resolve("reviews_Digital_Music_5.json.gz"));
    Path cut = tmp.resolve("reviews_Toys_5.json.gz");
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
    assertThatThrownBy(() -> new AmazonReviews5CoreSource("Toys").load(tmp))
        .isInstanceOf(UserException.class)
        .hasMessageContaining(cut.toString())
        .hasMessageContaining("truncated or corrupt");
  }

  @Test
  void missingFileAndBadCategory() {
    assertThatThrownBy(() -> new AmazonReviews5CoreSource("Toys").load(tmp))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining(tmp.resolve("reviews_Toys_5.json.gz").toAbsolutePath().toString());
    assertThatThrownBy(() -> new AmazonReviews5CoreSource("../etc"))
        .isInstanceOf(UserException.class).hasMessageContaining("'../etc'");
  }
}
