package org.interestlab.recommend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Division by a constant that stays valid through the backward pass. DJL's PyTorch {@code div(Number)}
 * wraps the number in a 0-d tensor over a Java direct buffer and closes it as soon as the quotient
 * exists, but autograd keeps that tensor to differentiate the quotient: after a garbage collection the
 * backward pass read freed memory (non-finite gradients at random steps, different from run to run). A
 * scalar the engine allocates itself lives as long as autograd needs it. Same value, same float32 result.
 */
final class ScalarOps {
  private ScalarOps() {}

  static NDArray divide(NDArray x, double by) {
    return x.div(x.getManager().full(new Shape(), (float) by));
  }
}
