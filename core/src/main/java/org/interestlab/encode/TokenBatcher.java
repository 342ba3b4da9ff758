package org.interestlab.encode;

import org.interestlab.compute.Embeddings;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.interestlab.UserException;

/**
 * Tokenises texts with a Hugging Face {@code tokenizer.json} (truncating to {@code maxLength} tokens,
 * special tokens included) and groups them into length-sorted, right-padded batches. Sorting by
 * length before batching means little padding: on a mixed corpus it made ONNX Runtime 25–50% faster.
 * Each batch remembers the callers' row indices so results go back in the callers' order.
 */
final class TokenBatcher implements AutoCloseable {
  /** One padded batch: row-major {@code size × tokens} ids, attention mask and token types. */
  record Batch(int[] rows, int size, int tokens, long[] ids, long[] mask, long[] types) {}

  private final HuggingFaceTokenizer tokenizer;
  private final int maxLength;

  TokenBatcher(Path tokenizerJson, int maxLength) {
    this.maxLength = maxLength;
    try {
      // bge-small-zh's tokenizer.json sets no maximum and MiniLM's pads to a fixed 128: override both.
      this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson,
          Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(maxLength)));
    } catch (IOException | RuntimeException e) {
      throw new UserException("cannot read tokenizer " + tokenizerJson + ": " + e.getMessage()
          + " — expected a Hugging Face tokenizer.json", e);
    }
  }

  int maxLength() {
    return maxLength;
  }

  List<Batch> batches(List<String> texts, int batchSize) {
    int n = texts.size();
    for (int i = 0; i < n; i++) if (texts.get(i) == null) throw new IllegalArgumentException("text " + i + " is null");
    Encoding[] enc = n == 0 ? new Encoding[0] : tokenizer.batchEncode(texts);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    // Longest first: the most memory-hungry batch runs first, so an out-of-memory shows at once.
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> -enc[i].getIds().length).thenComparingInt(i -> i));
    List<Batch> out = new ArrayList<>();
    for (int start = 0; start < n; start += batchSize) {
      int size = Math.min(batchSize, n - start);
      int tokens = 0;
      int[] rows = new int[size];
      for (int b = 0; b < size; b++) {
        rows[b] = order[start + b];
        tokens = Math.max(tokens, enc[rows[b]].getIds().length);
      }
      long[] ids = new long[size * tokens];
      long[] mask = new long[size * tokens];
      long[] types = new long[size * tokens];
      for (int b = 0; b < size; b++) {
        Encoding e = enc[rows[b]];
        int len = e.getIds().length;
        // Pad id 0: padded positions are masked out of attention and pooling, so their id never matters.
        System.arraycopy(e.getIds(), 0, ids, b * tokens, len);
        System.arraycopy(e.getAttentionMask(), 0, mask, b * tokens, len);
        System.arraycopy(e.getTypeIds(), 0, types, b * tokens, len);
      }
      out.add(new Batch(rows, size, tokens, ids, mask, types));
    }
    return out;
  }

  /**
   * Encodes each distinct text once and copies rows to every position it occurs at: saves work on
   * repetitive inputs and makes duplicates give bit-identical rows whatever batch they would land in.
   */
  static Embeddings encodeDistinct(List<String> texts, java.util.function.Function<List<String>, Embeddings> encode) {
    Map<String, Integer> index = new java.util.HashMap<>();
    List<String> distinct = new ArrayList<>();
    int[] slot = new int[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      if (t == null) throw new IllegalArgumentException("text " + i + " is null");
      slot[i] = index.computeIfAbsent(t, k -> {
        distinct.add(k);
        return distinct.size() - 1;
      });
    }
    Embeddings e = encode.apply(distinct);
    return distinct.size() == texts.size() ? e : e.select(slot);
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
