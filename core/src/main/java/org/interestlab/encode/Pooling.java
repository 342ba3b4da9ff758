package org.interestlab.encode;

import java.util.Locale;
import org.interestlab.UserException;

/**
 * How a sentence encoder turns per-token hidden states into one vector. {@code MEAN}: average over
 * the tokens the attention mask keeps (sentence-transformers' default, used by MiniLM); {@code CLS}:
 * the first token's state (BGE). Both are followed by L2 normalisation.
 */
public enum Pooling {
  MEAN,
  CLS;

  /** Parses {@code mean | cls} (any case). */
  public static Pooling parse(String value, String where) {
    if (value != null) {
      switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "mean":
          return MEAN;
        case "cls":
          return CLS;
        default:
          break;
      }
    }
    throw new UserException(where + ": bad pooling '" + value + "' — allowed: mean, cls");
  }

  /** The config spelling: {@code mean} or {@code cls}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Pools one batch of hidden states ({@code batch × tokens × hidden}, row-major) into L2-normalised
   * rows written to {@code out} at {@code rows[b] * hidden}. Runs in Java: it is O(batch · tokens ·
   * hidden), negligible next to the transformer, and the ONNX Runtime engine has no NDArray ops.
   */
  void pool(float[] states, long[] mask, int batch, int tokens, int hidden, float[] out, int[] rows) {
    double[] acc = new double[hidden];
    for (int b = 0; b < batch; b++) {
      java.util.Arrays.fill(acc, 0);
      if (this == CLS) {
        int base = b * tokens * hidden;
        for (int h = 0; h < hidden; h++) acc[h] = states[base + h];
      } else {
        long count = 0;
        for (int t = 0; t < tokens; t++) {
          if (mask[b * tokens + t] == 0) continue;
          count++;
          int base = (b * tokens + t) * hidden;
          for (int h = 0; h < hidden; h++) acc[h] += states[base + h];
        }
        // sentence-transformers clamps the token count at 1e-9 to avoid dividing by zero.
        double inv = 1.0 / Math.max(count, 1e-9);
        for (int h = 0; h < hidden; h++) acc[h] *= inv;
      }
      double norm = 0;
      for (double a : acc) norm += a * a;
      // torch.nn.functional.normalize divides by max(norm, 1e-12).
      double inv = 1.0 / Math.max(Math.sqrt(norm), 1e-12);
      int o = rows[b] * hidden;
      for (int h = 0; h < hidden; h++) out[o + h] = (float) (acc[h] * inv);
    }
  }
}
