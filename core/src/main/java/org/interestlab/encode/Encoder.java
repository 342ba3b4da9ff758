package org.interestlab.encode;

import java.util.List;

/**
 * Text → vector, in the estimator style: an {@code Encoder} holds parameters only; {@link #fit}
 * returns a {@link FittedEncoder}. Encoders that need no fitting (pretrained language models) load
 * their weights in {@code fit} and ignore the corpus.
 */
public interface Encoder {
  /** A stable identity of this encoder's parameters (used as an embedding-cache key). */
  String id();

  /** Fits on a corpus (TF-IDF vocabulary, SVD) or loads pretrained weights. Never mutates input. */
  FittedEncoder fit(List<String> corpus);
}
