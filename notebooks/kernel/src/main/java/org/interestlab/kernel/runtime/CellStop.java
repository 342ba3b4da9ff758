package org.interestlab.kernel.runtime;

/**
 * The stop check the kernel puts into cell code at every backward jump (the end of each loop round):
 * once the user interrupts, the next round of any loop in a cell throws {@link ThreadDeath}. The
 * check sits outside the loop body's {@code try}, so a loop that catches {@code Throwable} ends
 * too; the request stays up until the next cell starts, so nested loops unwind to the top. Costs
 * one volatile read per loop round. Cells never call this themselves.
 */
public final class CellStop {
  private static volatile boolean requested;

  private CellStop() {}

  /** Called by instrumented cell code at each backward jump. */
  public static void check() {
    if (requested) throw new ThreadDeath();
  }

  /** The kernel asks the running cell to stop. */
  public static void request() {
    requested = true;
  }

  /** The kernel clears the request before a cell starts. */
  public static void clear() {
    requested = false;
  }
}
