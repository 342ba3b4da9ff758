package org.interestlab.compute;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Seconds per phase of one command, printed to standard error when switched on
 * ({@code ./lab cluster --phases}, or {@code -Dinterestlab.phases=true}): where the wall time a user
 * waits for goes (JVM start, reading, fitting, each metric, writing). Off by default; a mark then
 * costs one volatile read.
 *
 * <p>The first mark also reports the time from the process start (as the operating system recorded
 * it, 10 ms resolution) to the mark: JVM start, class loading and argument parsing.
 *
 * <pre>{@code
 * PhaseClock.enable();
 * PhaseClock.mark("read vectors");   // prints "phase read vectors  0.41 s"
 * }</pre>
 */
public final class PhaseClock {
  private static volatile boolean enabled = Boolean.getBoolean("interestlab.phases");
  private static long last;
  private static PrintStream out = System.err;

  private PhaseClock() {}

  /** Starts printing; the time until the first mark counts from the process start. */
  public static synchronized void enable() {
    enabled = true;
  }

  public static boolean enabled() {
    return enabled;
  }

  /** Prints the seconds since the previous mark (or since the process started) under {@code phase}. */
  public static void mark(String phase) {
    if (!enabled) return;
    synchronized (PhaseClock.class) {
      long now = System.nanoTime();
      double seconds;
      if (last == 0) {
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        seconds = Math.max(0, Duration.between(started, Instant.now()).toNanos() / 1e9);
      } else {
        seconds = (now - last) / 1e9;
      }
      last = now;
      out.printf(Locale.ROOT, "phase %-28s %6.2f s%n", phase, seconds);
    }
  }
}
