package org.interestlab.kernel;

import java.util.List;

/** A cell that does not compile: each problem with its line and column in the cell. */
public final class CompilationException extends Exception {
  private final List<String> details;

  CompilationException(String message, List<String> details) {
    super(message);
    this.details = List.copyOf(details);
  }

  /** The problems as lines: position and message, the source line, a caret under the position. */
  public List<String> details() {
    return details;
  }
}
