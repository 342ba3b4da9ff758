package org.interestlab.data;

import static org.interestlab.data.DataFiles.malformed;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.interestlab.UserException;

/**
 * The loaders' policy for records that are well-formed but wrong, applied to one file of events
 * (ratings or reviews). Two kinds of treatment, the same for every dataset:
 *
 * <ul>
 *   <li><b>Rejected</b> (a {@link UserException}, exit 2, naming file and line): a rating outside
 *       the dataset's {@link Scale}; a negative timestamp or one after the time of loading; a file
 *       without a single record. A published file never holds these, so the file is damaged or not
 *       the dataset it claims to be, and no run should go on with it.
 *   <li><b>Skipped and reported</b> (one line per reason in {@link Dataset#loadNotes()}: "skipped N
 *       …, first at line L"): a row repeating an earlier row's user, item and timestamp (the first is
 *       kept); a rating of an item (or by a user) that the dataset's item (user) file does not list.
 *       Dropping these changes nothing a model could have learnt correctly from them, and the count
 *       says how much was dropped.
 * </ul>
 *
 * <p>Malformed lines (wrong number of fields, text where a number belongs, broken JSON, a last line
 * cut short) are rejected by {@link DataFiles} before these checks. Cost: O(1) per record, plus
 * {@link DuplicateEvents} (O(n log n)) once at {@link #finish}.
 *
 * <pre>{@code
 * RecordChecks checks = new RecordChecks(ratingsFile, "ratings", RecordChecks.Scale.STARS);
 * checks.rating(line, r); checks.timestamp(line, t); b.interaction(...); checks.added(line);
 * checks.finish(b);
 * }</pre>
 */
final class RecordChecks {
  /**
   * The ratings a dataset allows: {@code min} to {@code max} in steps of {@code step}.
   *
   * @param min lowest rating
   * @param max highest rating
   * @param step spacing of allowed values
   */
  record Scale(double min, double max, double step) {
    /** Whole stars 1–5: MovieLens 100K and 1M, Amazon reviews ({@code overall}). */
    static final Scale STARS = new Scale(1, 5, 1);
    /** Half stars 0.5–5: MovieLens latest(-small). */
    static final Scale HALF_STARS = new Scale(0.5, 5, 0.5);

    boolean allows(double r) {
      if (!(r >= min && r <= max)) return false;
      double steps = (r - min) / step;
      return Math.abs(steps - Math.rint(steps)) < 1e-9;
    }

    String describe() {
      return fmt(min) + " to " + fmt(max) + " in steps of " + fmt(step);
    }

    private static String fmt(double v) {
      return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
  }

  /**
   * The ids an item or user file declares, each once: a second line with the same id is rejected
   * (naming both lines), since silently keeping either would change the dataset.
   */
  static final class Ids {
    private final Path file;
    private final String what;
    private final Map<String, Long> firstLine = new java.util.HashMap<>();

    /** @param what what an id names (e.g. "movie id") */
    Ids(Path file, String what) {
      this.file = file;
      this.what = what;
    }

    void declare(String id, long line) {
      Long before = firstLine.putIfAbsent(id, line);
      if (before != null) {
        throw new UserException(file.toAbsolutePath() + " line " + line + ": " + what + " " + id
            + " is listed twice (first at line " + before + "); each id may appear once");
      }
    }
  }

  private final Path file;
  private final String what;
  private final Scale scale;
  private final long now = System.currentTimeMillis() / 1000;
  private final Map<String, long[]> skipped = new LinkedHashMap<>();
  private long[] lines = new long[1024];
  private int added;

  /**
   * @param file the events file (for messages)
   * @param what what one record is, plural (e.g. "ratings", "reviews")
   * @param scale the dataset's rating scale
   */
  RecordChecks(Path file, String what, Scale scale) {
    this.file = file;
    this.what = what;
    this.scale = scale;
  }

  /** Rejects a rating outside the scale. */
  void rating(long line, double r) {
    if (!scale.allows(r)) throw malformed(file, line, "a rating from " + scale.describe(), String.valueOf(r));
  }

  /** Rejects a negative timestamp or one after the time of loading. */
  void timestamp(long line, long t) {
    if (t < 0) throw malformed(file, line, "a Unix timestamp (seconds) not before 1970", String.valueOf(t));
    if (t > now) throw malformed(file, line, "a Unix timestamp (seconds) not after now (" + now + ")", String.valueOf(t));
  }

  /** Counts a record skipped for {@code reason} (e.g. "ratings of movies missing from movies.csv"). */
  void skip(String reason, long line) {
    long[] c = skipped.computeIfAbsent(reason, k -> new long[] {0, line});
    c[0]++;
  }

  /** Notes the source line of the interaction just added to the builder (for duplicate reports). */
  void added(long line) {
    if (added == lines.length) lines = Arrays.copyOf(lines, added * 2);
    lines[added++] = line;
  }

  /**
   * Drops exact duplicate rows from the builder, records every skip in its notes, and rejects a file
   * that gave no record at all.
   */
  void finish(Dataset.Builder b) {
    if (added != b.interactionCount()) throw new IllegalStateException("added() not called once per interaction");
    if (added == 0) {
      throw new UserException(file.toAbsolutePath() + ": no " + what + " in the file"
          + (skipped.isEmpty() ? " (empty)" : " that could be used") + "; fetch it again");
    }
    int[] repeats = DuplicateEvents.repeats(b.interactionsSoFar());
    if (repeats.length > 0) {
      b.removeInteractions(repeats);
      long first = Long.MAX_VALUE;
      for (int p : repeats) first = Math.min(first, lines[p]);
      note(b, repeats.length, "duplicate rows (same user, item and time as an earlier row)", first);
    }
    finishSkips(b);
  }

  /** Records every skip in the builder's notes (for a file of text events such as tags, which may be empty). */
  void finishSkips(Dataset.Builder b) {
    for (Map.Entry<String, long[]> e : skipped.entrySet()) note(b, e.getValue()[0], e.getKey(), e.getValue()[1]);
  }

  private void note(Dataset.Builder b, long count, String reason, long firstLine) {
    b.note(String.format(Locale.ROOT, "%s: skipped %,d %s, first at line %d", file.toAbsolutePath(), count, reason, firstLine));
  }
}
