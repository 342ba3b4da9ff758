package org.interestlab.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Non-finite vectors are never used silently: a cached one is a miss and is rewritten, an encoder's is a bug. */
class EmbeddingCacheFiniteTest {
  @TempDir Path tmp;

  /** Every text becomes (length, 1, fill). */
  record FixedEncoder(float fill) implements FittedEncoder {
    @Override
    public String id() {
      return "fixed-test-encoder";
    }

    @Override
    public int dimension() {
      return 3;
    }

    @Override
    public Embeddings encode(List<String> texts) {
      float[][] rows = new float[texts.size()][];
      for (int i = 0; i < rows.length; i++) rows[i] = new float[] {texts.get(i).length(), 1, fill};
      return Embeddings.of(rows);
    }
  }

  private static Path entry(EmbeddingCache cache, String text) throws IOException {
    try (Stream<Path> s = Files.walk(cache.directory())) {
      String h = EmbeddingCache.sha256(text);
      return s.filter(p -> p.getFileName().toString().equals(h + ".npy")).findFirst().orElseThrow();
    }
  }

  @Test
  void aCachedEntryHoldingNanIsAMissAndIsRewritten() throws IOException {
    EmbeddingCache cache = EmbeddingCache.open(tmp);
    cache.encode(new FixedEncoder(2), List.of("blue sky"));
    Path f = entry(cache, "blue sky");
    // A valid header whose values are NaN: before the fix it was read as a hit.
    Npy.write(f, new Embeddings(1, 3, new float[] {Float.NaN, 1, 2}));

    EmbeddingCache again = EmbeddingCache.open(tmp);
    Embeddings e = again.encode(new FixedEncoder(2), List.of("blue sky"));
    assertThat(e.row(0)).containsExactly(8f, 1f, 2f);
    assertThat(again.hits()).isZero();
    assertThat(again.misses()).isEqualTo(1);
    assertThat(Npy.read(f).row(0)).containsExactly(8f, 1f, 2f);
  }

  @Test
  void anInfiniteEntryIsAMissToo() throws IOException {
    EmbeddingCache cache = EmbeddingCache.open(tmp);
    cache.encode(new FixedEncoder(2), List.of("rain"));
    Npy.write(entry(cache, "rain"), new Embeddings(1, 3, new float[] {4, Float.NEGATIVE_INFINITY, 2}));
    EmbeddingCache again = EmbeddingCache.open(tmp);
    assertThat(again.encode(new FixedEncoder(2), List.of("rain")).row(0)).containsExactly(4f, 1f, 2f);
    assertThat(again.misses()).isEqualTo(1);
  }

  @Test
  void anEncoderReturningNanIsABugAndNothingIsStored() throws IOException {
    EmbeddingCache cache = EmbeddingCache.open(tmp);
    assertThatThrownBy(() -> cache.encode(new FixedEncoder(Float.NaN), List.of("a", "bb")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("fixed-test-encoder").hasMessageContaining("text 0 ('a')");
    try (Stream<Path> s = Files.walk(tmp)) {
      assertThat(s.filter(p -> p.toString().endsWith(".npy"))).isEmpty();
    }
    assertThatThrownBy(() -> FiniteOutputEncoder.of(new FixedEncoder(Float.POSITIVE_INFINITY)).encode(List.of("x")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void staleTemporariesOfAKilledWriterAreRemovedAtTheNextWrite() throws Exception {
    EmbeddingCache cache = EmbeddingCache.open(tmp);
    cache.encode(new FixedEncoder(2), List.of("first"));
    Path shard = entry(cache, "first").getParent();
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    Path stale = Files.write(shard.resolve(".x.npy." + p.pid() + "-7a.part"), new byte[5]);
    EmbeddingCache.open(tmp).encode(new FixedEncoder(2), List.of("second"));
    assertThat(stale).doesNotExist();
  }
}
