package org.interestlab.encode;

import org.interestlab.compute.Embeddings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.interestlab.UserException;
import org.interestlab.compute.CacheDirs;
import org.interestlab.compute.StaleTemporaries;

/**
 * Embeddings on disk, so re-running an experiment does not re-encode texts it has seen.
 *
 * <p>Key: the fitted encoder's {@link FittedEncoder#id()} — for the language-model encoders that is
 * engine + model name + weights sha256 + pooling + maximum length; for TF-IDF, its parameters + the
 * corpus hash — and the sha256 of the text's UTF-8 bytes. Layout:
 * {@code <dir>/<sha256(model id), 16 hex>/model.txt} (the full model id, for people) and
 * {@code <dir>/<model>/<first 2 hex of text hash>/<text sha256>.npy}, one 1 × d float32 {@code .npy}
 * per text (readable with {@code numpy.load}). Writes are atomic (temporary file + rename), so
 * concurrent runs may share a cache; a file of the wrong shape or holding NaN or infinity is treated as a
 * miss and rewritten, and an encoder that returns such values is a bug ({@link IllegalStateException}),
 * never stored. Temporary files of writers that were killed are removed when this cache next writes
 * into the same model folder.
 *
 * <p>Default location: {@code <cache root>/embeddings} (see {@link CacheDirs}).
 *
 * <p>Complexity: one small file read per hit; misses are encoded in one {@code encode} call (so the
 * encoder still batches them) and written one file each.
 *
 * <pre>{@code
 * EmbeddingCache cache = EmbeddingCache.openDefault();
 * try (FittedEncoder enc = OnnxSentenceEncoder.of("minilm-l6").fit(List.of())) {
 *   Embeddings e = cache.encode(enc, texts);
 *   System.out.println(cache.hits() + " hits, " + cache.misses() + " misses");
 * }
 * }</pre>
 */
public final class EmbeddingCache {
  private final Path dir;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  /** Model folders already cleaned of stale temporaries by this object (once each). */
  private final Set<Path> cleaned = ConcurrentHashMap.newKeySet();

  private EmbeddingCache(Path dir) {
    this.dir = dir;
  }

  /** A cache in {@code dir} (created on first write). */
  public static EmbeddingCache open(Path dir) {
    return new EmbeddingCache(dir.toAbsolutePath().normalize());
  }

  /** The cache under {@code <cache root>/embeddings}. */
  public static EmbeddingCache openDefault() {
    return open(CacheDirs.root().resolve("embeddings"));
  }

  public Path directory() {
    return dir;
  }

  /** Texts found in the cache since this object was made. */
  public long hits() {
    return hits.get();
  }

  /** Texts that had to be encoded since this object was made. */
  public long misses() {
    return misses.get();
  }

  /**
   * Vectors of {@code texts} (caller's order) by {@code encoder}: cached rows are read, the rest are
   * encoded together and stored. Duplicate texts are encoded once.
   */
  public Embeddings encode(FittedEncoder encoder, List<String> texts) {
    String modelId = encoder.id();
    Path modelDir = dir.resolve(sha256(modelId).substring(0, 16));
    int d = encoder.dimension();
    float[] out = new float[texts.size() * d];
    Map<String, List<Integer>> missing = new LinkedHashMap<>();
    Map<String, String> hashOf = new LinkedHashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      String h = hashOf.computeIfAbsent(text, EmbeddingCache::sha256);
      List<Integer> pending = missing.get(text);
      if (pending != null) {
        pending.add(i);
        continue;
      }
      float[] row = read(file(modelDir, h), d);
      if (row != null) {
        System.arraycopy(row, 0, out, i * d, d);
        hits.incrementAndGet();
      } else {
        missing.computeIfAbsent(text, k -> new ArrayList<>()).add(i);
      }
    }
    if (!missing.isEmpty()) {
      List<String> todo = new ArrayList<>(missing.keySet());
      Embeddings fresh = FiniteOutputEncoder.requireFinite(encoder.encode(todo), encoder, todo);
      try {
        Files.createDirectories(modelDir);
        if (cleaned.add(modelDir)) removeStaleParts(modelDir);
        Path label = modelDir.resolve("model.txt");
        if (!Files.exists(label)) org.interestlab.compute.AtomicFiles.write(label, (modelId + "\n").getBytes(StandardCharsets.UTF_8));
        for (int r = 0; r < todo.size(); r++) {
          float[] row = fresh.row(r);
          Npy.write(file(modelDir, hashOf.get(todo.get(r))), new Embeddings(1, d, row));
          for (int i : missing.get(todo.get(r))) {
            System.arraycopy(row, 0, out, i * d, d);
            misses.incrementAndGet();
          }
        }
      } catch (IOException e) {
        throw new UserException("cannot write the embedding cache in " + modelDir + ": " + e.getMessage()
            + " — set INTERESTLAB_CACHE to a writable folder", e);
      }
    }
    return new Embeddings(texts.size(), d, out);
  }

  /** Removes the {@code .part} files of killed writers in a model folder and its shard folders. */
  private static void removeStaleParts(Path modelDir) throws IOException {
    StaleTemporaries.removeParts(modelDir);
    try (Stream<Path> shards = Files.list(modelDir)) {
      shards.filter(Files::isDirectory).forEach(StaleTemporaries::removeParts);
    }
  }

  private static Path file(Path modelDir, String textHash) {
    return modelDir.resolve(textHash.substring(0, 2)).resolve(textHash + ".npy");
  }

  private static float[] read(Path file, int d) {
    try {
      Embeddings e = Npy.fromBytes(Files.readAllBytes(file), file.toString());
      return e.rows() == 1 && e.dim() == d && e.firstNonFiniteRow() < 0 ? e.data() : null;
    } catch (NoSuchFileException e) {
      return null;
    } catch (UserException e) {
      return null; // a damaged entry is re-encoded and overwritten
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "EmbeddingCache[" + dir + ", " + hits() + " hits, " + misses() + " misses]";
  }
}
