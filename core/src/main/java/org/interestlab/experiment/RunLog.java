package org.interestlab.experiment;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What a run tells the user: printed to the console as it happens and kept for {@code run.log}.
 * Lines carry the seconds since the run started.
 */
public final class RunLog {
  private final StringBuilder text = new StringBuilder();
  private final PrintStream console;
  private final Instant start = Instant.now();

  public RunLog(PrintStream console) {
    this.console = console;
  }

  public synchronized void info(String message) {
    double s = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    String line = String.format(Locale.ROOT, "[%7.2fs] %s", s, message);
    text.append(line).append('\n');
    if (console != null) console.println(line);
  }

  /**
   * A line the user should see even with {@code --quiet}: kept for {@code run.log} and printed to
   * standard error as {@code warning: …}.
   */
  public synchronized void warn(String message) {
    info("warning: " + message);
    if (console == null) System.err.println("warning: " + message);
  }

  public synchronized String text() {
    return text.toString();
  }
}
