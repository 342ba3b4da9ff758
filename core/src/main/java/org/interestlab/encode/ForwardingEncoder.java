package org.interestlab.encode;

/**
 * A fitted encoder that wraps another and changes only how texts are encoded (checked, cached): the
 * identity, dimension and placement are the wrapped encoder's, and closing it closes the wrapped one.
 */
abstract class ForwardingEncoder implements FittedEncoder {
  protected final FittedEncoder inner;

  ForwardingEncoder(FittedEncoder inner) {
    this.inner = inner;
  }

  @Override
  public final String id() {
    return inner.id();
  }

  @Override
  public final int dimension() {
    return inner.dimension();
  }

  @Override
  public final String placement() {
    return inner.placement();
  }

  @Override
  public final void close() {
    inner.close();
  }
}
