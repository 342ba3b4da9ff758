package org.interestlab.compute;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Seconds per phase of one command, printed to standard error when switched on
 * ({@code ./lab cluster --phases}, or {@code -Dinterestlab.phases=true}): where the wall time a user
 * waits for goes (JVM start, reading, fitting, each metric, writing). Off by default; a mark then
 * costs one volatile read.
 *
 * <p>The first mark also reports the time from the launch to the mark: JVM start, class loading and
 * argument parsing. The launch is {@code -Dinterestlab.launched=EPOCH_SECONDS} when the launcher
 * passes it ({@code ./lab} does, before it starts Java), else the JVM's own start time.
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

  private static double launchedEpochSeconds() {
    String launched = System.getProperty("interestlab.launched", "");
    try {
      // bash writes EPOCHREALTIME with the locale's decimal separator.
      if (!launched.isBlank()) return Double.parseDouble(launched.strip().replace(',', '.'));
    } catch (NumberFormatException e) {
      // not a time: fall back to the JVM's start
    }
    return ManagementFactory.getRuntimeMXBean().getStartTime() / 1e3;
  }

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
        seconds = Math.max(0, System.currentTimeMillis() / 1e3 - launchedEpochSeconds());
      } else {
        seconds = (now - last) / 1e9;
      }
      last = now;
      out.printf(Locale.ROOT, "phase %-28s %6.2f s%n", phase, seconds);
    }
  }
}
