package org.interestlab.encode;

import org.interestlab.compute.Embeddings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.interestlab.UserException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .npy} and CSV files checked with NumPy itself, and the embedding cache. */
class EmbeddingFilesTest {
  private static final String PYTHON = "/usr/bin/python3";
  private static final Embeddings SAMPLE = Embeddings.of(new float[][] {{1.5f, -2f, 0f}, {3.25f, 1e-8f, -0f}});

  @BeforeAll
  static void numpyIsInstalled() throws Exception {
    Run r = python("import numpy");
    if (r.code != 0) {
      fail("these tests read files with NumPy, but " + PYTHON + " cannot import numpy: " + r.out.trim()
          + " — install it with: apt-get install python3-numpy");
    }
  }

  @Test
  void numpyLoadsWhatWeWrite(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("x.npy");
    Npy.write(f, SAMPLE);
    Run r = python("import numpy as np; a = np.load(r'" + f + "'); print(a.dtype, a.shape, a.flags['C_CONTIGUOUS']);"
        + " print(' '.join(repr(float(v)) for v in a.ravel()))");
    assertThat(r.code).as(r.out).isZero();
    String[] lines = r.out.trim().split("\n");
    assertThat(lines[0]).isEqualTo("float32 (2, 3) True");
    assertThat(lines[1]).isEqualTo("1.5 -2.0 0.0 3.25 9.99999993922529e-09 -0.0");
  }

  @Test
  void bytesEqualNumpySaveAndWeReadNumpyFiles(@TempDir Path tmp) throws Exception {
    Path ours = tmp.resolve("ours.npy");
    Path theirs = tmp.resolve("theirs.npy");
    Path theirs64 = tmp.resolve("theirs64.npy");
    Npy.write(ours, SAMPLE);
    Run r = python("import numpy as np; a = np.array([[1.5, -2, 0], [3.25, 1e-8, -0.0]], dtype='<f4');"
        + " np.save(r'" + theirs + "', a); np.save(r'" + theirs64 + "', np.arange(12, dtype='<f8').reshape(4, 3))");
    assertThat(r.code).as(r.out).isZero();
    assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(theirs));
    assertThat(Npy.read(theirs)).isEqualTo(SAMPLE);
    Embeddings e = Npy.read(theirs64);
    assertThat(e.rows()).isEqualTo(4);
    assertThat(e.row(3)).containsExactly(9f, 10f, 11f);
  }

  @Test
  void csvRoundTripsAndPythonReadsIt(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("x.csv");
    EmbeddingsCsv.write(f, List.of("u1", "user, \"two\""), SAMPLE);
    List<String> ids = new ArrayList<>();
    assertThat(EmbeddingsCsv.read(f, ids)).isEqualTo(SAMPLE);
    assertThat(ids).containsExactly("u1", "user, \"two\"");
    Run r = python("import csv; rows = list(csv.reader(open(r'" + f + "'))); print(rows[0]); print(rows[2][0], float(rows[2][2]))");
    assertThat(r.out.trim().split("\n")).containsExactly("['id', 'd0', 'd1', 'd2']", "user, \"two\" 1e-08");
  }

  @Test
  void csvTextIsJavasShortestFloatsWithIdsQuotedOnlyWhenNeeded(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("x.csv");
    EmbeddingsCsv.write(f, List.of("u1", "two\nlines, \"q\""), SAMPLE);
    assertThat(Files.readString(f)).isEqualTo("id,d0,d1,d2\nu1,1.5,-2.0,0.0\n\"two\nlines, \"\"q\"\"\",3.25,1.0E-8,-0.0\n");
    List<String> ids = new ArrayList<>();
    assertThat(EmbeddingsCsv.read(f, ids)).isEqualTo(SAMPLE);
    assertThat(ids).containsExactly("u1", "two\nlines, \"q\"");
    Files.writeString(f, "id,d0,d1\na,1,2\nb,3,x\n");
    assertThatThrownBy(() -> EmbeddingsCsv.read(f, null)).isInstanceOf(UserException.class)
        .hasMessageEndingWith("x.csv: line 3, column d1: 'x' — allowed: a finite number");
    Files.writeString(f, "name,d0\na,1\n");
    assertThatThrownBy(() -> EmbeddingsCsv.read(f, null)).isInstanceOf(UserException.class)
        .hasMessageContaining("line 1: header is 'name,d0' — expected 'id,d0,d1,…'");
  }

  @Test
  void cacheCountsHitsAndMissesAndReturnsTheSameVectors(@TempDir Path tmp) throws Exception {
    List<String> corpus = List.of("red apple pie", "green apple tart", "blue sky", "grey sky rain", "apple rain");
    EmbeddingCache cache = EmbeddingCache.open(tmp.resolve("cache"));
    try (FittedEncoder enc = TfIdfEncoder.defaults().withMinDf(1).withDimension(3).fit(corpus)) {
      Embeddings direct = enc.encode(corpus);
      Embeddings first = cache.encode(enc, List.of("red apple pie", "blue sky", "red apple pie"));
      assertThat(cache.misses()).isEqualTo(3);
      assertThat(cache.hits()).isZero();
      assertThat(first.row(0)).containsExactly(direct.row(0));
      assertThat(first.row(2)).containsExactly(direct.row(0));
      Embeddings all = cache.encode(enc, corpus);
      assertThat(cache.hits()).isEqualTo(2);
      assertThat(cache.misses()).isEqualTo(6);
      assertThat(all).isEqualTo(direct);
      // A fresh cache object over the same folder: everything is a hit; files are numpy-readable 1 × 3 rows.
      EmbeddingCache again = EmbeddingCache.open(tmp.resolve("cache"));
      assertThat(again.encode(enc, corpus)).isEqualTo(direct);
      assertThat(again.hits()).isEqualTo(5);
      assertThat(again.misses()).isZero();
      Path modelDir;
      try (var s = Files.list(tmp.resolve("cache"))) {
        modelDir = s.findFirst().orElseThrow();
      }
      assertThat(Files.readString(modelDir.resolve("model.txt")).trim()).isEqualTo(enc.id());
      String h = EmbeddingCache.sha256("blue sky");
      Path f = modelDir.resolve(h.substring(0, 2)).resolve(h + ".npy");
      Run r = python("import numpy as np; print(np.load(r'" + f + "').shape)");
      assertThat(r.out.trim()).isEqualTo("(1, 3)");
      // A damaged entry is a miss and is rewritten.
      Files.write(f, new byte[] {1, 2, 3});
      EmbeddingCache third = EmbeddingCache.open(tmp.resolve("cache"));
      assertThat(third.encode(enc, List.of("blue sky")).row(0)).containsExactly(direct.row(2));
      assertThat(third.misses()).isEqualTo(1);
      assertThat(Npy.read(f).row(0)).containsExactly(direct.row(2));
    }
  }

  private record Run(int code, String out) {}

  private static Run python(String code) throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(PYTHON))) return new Run(127, PYTHON + " not found");
    Process p = new ProcessBuilder(PYTHON, "-c", code).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Run(-1, "timed out");
    }
    return new Run(p.exitValue(), out);
  }
}
