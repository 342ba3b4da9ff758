package org.interestlab.kernel;

/** A line magic the user got wrong: unknown name, or a path that matches nothing. */
public final class MagicException extends Exception {
  MagicException(String message) {
    super(message);
  }
}
