package org.interestlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.interestlab.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The label file format, written out by hand, and the errors of a hand-edited one. */
class LabelsCsvTest {
  @TempDir Path tmp;

  @Test
  void writesTheDocumentedTextAndReadsItBack() throws IOException {
    assertThat(LabelsCsv.toCsv(new int[] {3, -1, 0})).isEqualTo("index,label\n0,3\n1,-1\n2,0\n");
    Path f = tmp.resolve("l.csv");
    LabelsCsv.write(f, new int[] {3, -1, 0});
    assertThat(Files.readString(f)).isEqualTo("index,label\n0,3\n1,-1\n2,0\n");
    assertThat(LabelsCsv.read(f, 3, "v.npy")).containsExactly(3, -1, 0);
  }

  @Test
  void acceptsCrLfABomAndBlankLines() throws IOException {
    Path f = tmp.resolve("l.csv");
    Files.writeString(f, "\uFEFFindex,label\r\n0, 2\r\n\r\n1,-1\r\n");
    assertThat(LabelsCsv.read(f, -1, "v.npy")).containsExactly(2, -1);
  }

  @Test
  void errorsNameTheLineTheColumnAndWhatIsAllowed() throws IOException {
    Path f = tmp.resolve("l.csv");
    Files.writeString(f, "index,label\n0,1\n1,-2\n");
    assertThatThrownBy(() -> LabelsCsv.read(f, -1, "v.npy")).isInstanceOf(UserException.class)
        .hasMessageEndingWith("l.csv: line 3, column label: '-2' — allowed: −1 (noise) or an integer ≥ 0");
    Files.writeString(f, "index,label\n0,one\n");
    assertThatThrownBy(() -> LabelsCsv.read(f, -1, "v.npy")).isInstanceOf(UserException.class)
        .hasMessageEndingWith("l.csv: line 2, column label: 'one' — allowed: an integer, −1 (noise) or ≥ 0");
    Files.writeString(f, "index,label\n0,1\n");
    assertThatThrownBy(() -> LabelsCsv.read(f, 2, "v.npy")).isInstanceOf(UserException.class)
        .hasMessageEndingWith("l.csv: 1 labels but v.npy has 2 points");
  }
}
