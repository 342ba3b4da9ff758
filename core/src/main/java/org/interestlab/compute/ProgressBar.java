package org.interestlab.compute;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on standard error for long work (downloads, encoding, fitting). It draws only when
 * the work takes longer than {@link #DELAY_NANOS} and at most every 200 ms, so short steps and
 * tests stay quiet. Where standard error is not a terminal (a log file, CI) it writes a plain line
 * every 10 s instead of redrawing in place. It prints nothing when {@code interestlab.progress=false} (set in tests) or when
 * {@code INTERESTLAB_PROGRESS=0}.
 *
 * <pre>{@code
 * try (ProgressBar bar = ProgressBar.start("encode", texts.size(), "texts")) {
 *   for (...) { ...; bar.advance(batch.size()); }
 * }
 * }</pre>
 */
public final class ProgressBar implements AutoCloseable {
  static final long DELAY_NANOS = 2_000_000_000L;
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final long LOG_LINE_NANOS = 10_000_000_000L;
  private static final int WIDTH = 30;

  private final String label;
  private final long total;
  private final String unit;
  private final PrintStream out;
  private final boolean enabled;
  private final boolean terminal = System.console() != null;
  private final long startNanos = System.nanoTime();
  private long done;
  private long lastDraw;
  private boolean drawn;

  private ProgressBar(String label, long total, String unit, PrintStream out, boolean enabled) {
    this.label = label;
    this.total = total;
    this.unit = unit;
    this.out = out;
    this.enabled = enabled;
  }

  /** A bar over {@code total} units ({@code total <= 0}: unknown size, counts only). */
  public static ProgressBar start(String label, long total, String unit) {
    boolean on = !"false".equals(System.getProperty("interestlab.progress"))
        && !"0".equals(System.getenv("INTERESTLAB_PROGRESS"));
    return new ProgressBar(label, total, unit, System.err, on);
  }

  public synchronized void advance(long n) {
    done += n;
    if (!enabled) return;
    long now = System.nanoTime();
    if (now - startNanos < DELAY_NANOS || now - lastDraw < (terminal ? REDRAW_NANOS : LOG_LINE_NANOS)) return;
    lastDraw = now;
    draw(now);
  }

  private void draw(long now) {
    double secs = (now - startNanos) / 1e9;
    double rate = secs > 0 ? done / secs : 0;
    StringBuilder sb = new StringBuilder(terminal ? "\r" : "").append(label).append(' ');
    if (total > 0) {
      double f = Math.min(1.0, (double) done / total);
      int filled = (int) Math.round(f * WIDTH);
      sb.append('[').append("=".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
      sb.append(String.format(Locale.ROOT, "%3.0f%% %,d/%,d %s", f * 100, done, total, unit));
      if (rate > 0 && done < total) sb.append(String.format(Locale.ROOT, " ETA %s", formatSeconds((total - done) / rate)));
    } else {
      sb.append(String.format(Locale.ROOT, "%,d %s", done, unit));
    }
    sb.append(String.format(Locale.ROOT, " (%.1f %s/s)  ", rate, unit));
    if (terminal) out.print(sb);
    else out.println(sb.toString().stripTrailing());
    out.flush();
    drawn = true;
  }

  private static String formatSeconds(double s) {
    long t = Math.round(s);
    return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
        : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
  }

  /** Draws the final state (if anything was drawn) and ends the line. */
  @Override
  public synchronized void close() {
    if (drawn) {
      draw(System.nanoTime());
      if (terminal) out.println();
      out.flush();
    }
  }
}
