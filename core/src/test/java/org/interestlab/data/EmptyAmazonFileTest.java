package org.interestlab.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.interestlab.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Amazon reviews file without reviews names the file (it used to surface as "tfidf: cannot fit on an empty corpus"). */
class EmptyAmazonFileTest {
  @TempDir Path tmp;

  @Test
  void anEmptyPlainFileIsNamed() throws IOException {
    Path f = Files.writeString(tmp.resolve("reviews_Toys_5.json"), "");
    assertThatThrownBy(() -> new AmazonReviews5CoreSource("Toys").load(tmp)).isInstanceOf(UserException.class)
        .hasMessageStartingWith(f.toAbsolutePath() + ": no reviews");
  }

  @Test
  void aGzipOfNothingIsNamed() throws IOException {
    Path f = tmp.resolve("reviews_Toys_5.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.flush();
    }
    assertThatThrownBy(() -> new AmazonReviews5CoreSource("Toys").load(tmp)).isInstanceOf(UserException.class)
        .hasMessageStartingWith(f.toAbsolutePath() + ": no reviews");
  }
}
