package org.interestlab.encode;

import org.interestlab.compute.Embeddings;
import java.util.List;

/**
 * A fitted encoder that reads and fills an {@link EmbeddingCache}: every {@code encode} call goes
 * through the cache, so components that embed texts (profilers, item vectors) share it without
 * knowing. Closing it closes the wrapped encoder.
 */
public final class CachedEncoder extends ForwardingEncoder {
  private final EmbeddingCache cache;

  public CachedEncoder(FittedEncoder inner, EmbeddingCache cache) {
    super(inner);
    this.cache = cache;
  }

  public EmbeddingCache cache() {
    return cache;
  }

  @Override
  public Embeddings encode(List<String> texts) {
    return cache.encode(inner, texts);
  }
}
