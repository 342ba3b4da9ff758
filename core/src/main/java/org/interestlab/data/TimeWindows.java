package org.interestlab.data;

import static org.interestlab.params.ParamSpec.integer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.interestlab.UserException;
import org.interestlab.params.ParamList;

/**
 * Consecutive time windows of {@code days} days over a dataset's interactions, for following
 * interests over time. The first window starts at midnight UTC of the day of the earliest
 * interaction; windows follow back to back until the latest interaction is covered. A last window
 * shorter than half a window joins the one before it, which then ends after the day of the latest
 * interaction (so a year in 30-day windows is twelve windows, the last one 35 days long, not twelve
 * plus a 5-day stub).
 *
 * <pre>{@code
 * List<TimeWindows.Window> w = new TimeWindows(30).of(dataset);
 * Dataset upToMarch = w.get(2).upToEnd(dataset);
 * }</pre>
 *
 * @param days window length in days (≥ 1)
 */
public record TimeWindows(int days) {
  private static final long DAY = 86_400L;

  /** The parameter, as the config's {@code dynamic:} section names it, with its range and default. */
  public static final ParamList PARAMS = ParamList.of(integer("window_days", 45, 1, 36_500, "window length in days"));

  public TimeWindows {
    PARAMS.check("window_days", days);
  }

  /** Window {@code index}: interactions with {@code start ≤ timestamp < end} (Unix seconds). */
  public record Window(int index, long start, long end) {
    /** The dataset with only the interactions (and tags) before this window's end. */
    public Dataset upToEnd(Dataset data) {
      List<Interaction> in = data.interactions().stream().filter(i -> i.timestamp() < end).toList();
      List<Interaction> tags = data.tags().stream().filter(i -> i.timestamp() < end).toList();
      return data.withInteractions(in, tags);
    }

    public boolean contains(long timestamp) {
      return timestamp >= start && timestamp < end;
    }

    /** {@code 2023-01-01..2023-01-31} (the end day inclusive). */
    public String label() {
      return Instant.ofEpochSecond(start).toString().substring(0, 10) + ".." + Instant.ofEpochSecond(end - 1).toString().substring(0, 10);
    }
  }

  public List<Window> of(Dataset data) {
    if (data.interactions().isEmpty()) throw new UserException("time windows: " + data.name() + " has no interactions");
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Interaction i : data.interactions()) {
      min = Math.min(min, i.timestamp());
      max = Math.max(max, i.timestamp());
    }
    return cover(Math.floorDiv(min, DAY) * DAY, max);
  }

  /** Windows from {@code start} until {@code last} (inclusive) is covered. */
  public List<Window> cover(long start, long last) {
    long length = days * DAY;
    List<Window> out = new ArrayList<>();
    for (long s = start; s <= last; s += length) out.add(new Window(out.size(), s, s + length));
    if (out.size() > 1) {
      Window tail = out.get(out.size() - 1);
      if ((last + 1 - tail.start()) * 2 < length) {
        out.remove(out.size() - 1);
        Window prev = out.remove(out.size() - 1);
        out.add(new Window(prev.index(), prev.start(), Math.floorDiv(last, DAY) * DAY + DAY));
      }
    }
    return out;
  }

  /** Index of the window holding {@code timestamp}, or −1. */
  public static int indexOf(List<Window> windows, long timestamp) {
    for (Window w : windows) if (w.contains(timestamp)) return w.index();
    return -1;
  }
}
