package org.interestlab.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user model's identity follows the weights file: replaced in place, it is a different model. */
class SentenceModelTest {

  @Test
  void replacedWeightsGiveANewIdentity(@TempDir Path dir) throws Exception {
    Path model = dir.resolve(SentenceModel.MODEL_FILE);
    Files.writeString(dir.resolve(SentenceModel.TOKENIZER_FILE), "{}");
    Files.writeString(model, "first weights");
    SentenceModel before = SentenceModel.directory(dir, Pooling.MEAN);
    assertThat(before.weightsSha256()).isEqualTo(sha256("first weights"));

    // Other bytes, another size.
    Files.writeString(model, "second, longer weights");
    SentenceModel resized = SentenceModel.directory(dir, Pooling.MEAN);
    assertThat(resized.weightsSha256()).isEqualTo(sha256("second, longer weights"));
    assertThat(resized.identity(Pooling.MEAN, 256)).isNotEqualTo(before.identity(Pooling.MEAN, 256));

    // Same size, other bytes, a later modification time.
    FileTime stamp = Files.getLastModifiedTime(model);
    Files.writeString(model, "second, LONGER weights");
    Files.setLastModifiedTime(model, FileTime.fromMillis(stamp.toMillis() + 5_000));
    SentenceModel touched = SentenceModel.directory(dir, Pooling.MEAN);
    assertThat(touched.weightsSha256()).isEqualTo(sha256("second, LONGER weights"));

    // Unchanged file: the same identity again.
    assertThat(SentenceModel.directory(dir, Pooling.MEAN).identity(Pooling.MEAN, 256)).isEqualTo(touched.identity(Pooling.MEAN, 256));
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
