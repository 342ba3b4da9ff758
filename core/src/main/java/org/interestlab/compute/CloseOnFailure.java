package org.interestlab.compute;

/**
 * Closes what a constructor had already opened when it fails, so a partially built object holding
 * native memory (a model, a tokenizer, an NDManager) leaks nothing. The constructor's failure is
 * the one thrown; failures while closing are attached to it as suppressed exceptions.
 *
 * <pre>{@code
 * Model model = null;
 * Tokenizer tokenizer = null;
 * try {
 *   model = open(...);
 *   tokenizer = open(...);
 * } catch (RuntimeException | Error e) {
 *   CloseOnFailure.closeAll(e, tokenizer, model);   // nulls (not yet opened) are skipped
 *   throw e;
 * }
 * }</pre>
 */
public final class CloseOnFailure {
  private CloseOnFailure() {}

  /** Closes every non-null resource, in the order given (list the last opened first); {@code failure} collects their errors. */
  public static void closeAll(Throwable failure, AutoCloseable... opened) {
    for (AutoCloseable resource : opened) {
      if (resource == null) continue;
      try {
        resource.close();
      } catch (Exception | Error e) {
        failure.addSuppressed(e);
      }
    }
  }
}
