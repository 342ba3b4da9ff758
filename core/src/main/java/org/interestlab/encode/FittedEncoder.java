package org.interestlab.encode;

import java.util.List;

/**
 * A ready encoder. It may hold native memory (an ONNX session, a PyTorch model), hence
 * {@link AutoCloseable}: use try-with-resources.
 */
public interface FittedEncoder extends AutoCloseable {
  /** Identity of the fitted state: parameters plus whatever fitting produced (corpus hash, weights). */
  String id();

  int dimension();

  /** One row per text, in the caller's order. */
  Embeddings encode(List<String> texts);

  @Override
  default void close() {}
}
