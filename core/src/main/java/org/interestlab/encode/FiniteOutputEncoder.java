package org.interestlab.encode;

import java.util.List;
import org.interestlab.compute.Embeddings;

/**
 * A fitted encoder whose output is checked: a NaN or infinite value from an encoder is a bug in it
 * (or in its weights), so it throws an {@link IllegalStateException} naming the encoder and the text
 * instead of flowing on (a mean profile would silently turn it into a zero vector). Closing it closes
 * the wrapped encoder. Cost: one pass over the output.
 *
 * <pre>{@code
 * FittedEncoder enc = FiniteOutputEncoder.of(TfIdfEncoder.defaults().fit(corpus));
 * }</pre>
 */
public final class FiniteOutputEncoder extends ForwardingEncoder {
  private FiniteOutputEncoder(FittedEncoder inner) {
    super(inner);
  }

  public static FittedEncoder of(FittedEncoder inner) {
    return inner instanceof FiniteOutputEncoder ? inner : new FiniteOutputEncoder(inner);
  }

  /** Returns {@code e} when every value is finite; otherwise throws, naming {@code encoder} and the text. */
  static Embeddings requireFinite(Embeddings e, FittedEncoder encoder, List<String> texts) {
    int bad = e.firstNonFiniteRow();
    if (bad < 0) return e;
    String text = texts.get(bad);
    throw new IllegalStateException("encoder " + encoder.id() + " returned NaN or infinity for text " + bad + " ('"
        + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "')");
  }

  @Override
  public Embeddings encode(List<String> texts) {
    return requireFinite(inner.encode(texts), inner, texts);
  }
}
