package org.interestlab.encode;

import org.interestlab.compute.Embeddings;
import java.util.List;

/**
 * A ready encoder. It may hold native memory (an ONNX session, a PyTorch model), hence
 * {@link AutoCloseable}: use try-with-resources.
 */
public interface FittedEncoder extends AutoCloseable {
  /** Identity of the fitted state: parameters plus whatever fitting produced (corpus hash, weights). */
  String id();

  int dimension();

  /** Where the work runs, for the run log ({@code cpu}, {@code gpu(0)}, with why when {@code auto} chose). */
  default String placement() {
    return "cpu";
  }

  /** One row per text, in the caller's order. */
  Embeddings encode(List<String> texts);

  @Override
  default void close() {}
}
