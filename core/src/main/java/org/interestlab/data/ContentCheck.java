package org.interestlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interestlab.UserException;

/**
 * The part of {@code lab datasets verify} that reads a dataset the way a run does: it loads the
 * folder with the dataset's own loader (so every malformed, truncated or out-of-range record fails
 * here exactly as it would fail a run) and compares the record counts with those the publisher gives
 * ({@link DatasetCatalog.Counts}). A hash says the bytes are the published ones; this says the
 * content is, and it is the only check for files whose hash is not recorded (MovieLens 1M, Amazon).
 *
 * <p>Cost: one load of the dataset (seconds for MovieLens 1M).
 *
 * <pre>{@code
 * List<ContentCheck.Line> lines = ContentCheck.run("movielens-1m", Map.of(), folder, counts);
 * }</pre>
 */
public final class ContentCheck {
  private ContentCheck() {}

  /**
   * One line of the report.
   *
   * @param ok false when it is a problem (verification fails)
   * @param text what was found, for the command line
   */
  public record Line(boolean ok, String text) {}

  /**
   * Loads the dataset from {@code folder} and compares its counts with {@code published}.
   *
   * @param published the publisher's counts, or {@code null} when none are recorded
   * @return the report lines; empty when no loader is registered under {@code name}
   */
  public static List<Line> run(String name, Map<String, String> params, Path folder, DatasetCatalog.Counts published) {
    List<Line> out = new ArrayList<>();
    if (!DatasetSources.names().contains(name)) return out;
    String label = params.isEmpty() ? name : name + " " + params;
    Dataset d;
    try {
      d = DatasetSources.forName(name, params).load(folder);
    } catch (DatasetUnavailableException e) {
      return out; // the file checks already say what is missing
    } catch (UserException e) {
      out.add(new Line(false, "UNREADABLE " + label + ": " + e.getMessage()));
      return out;
    }
    Map<String, Long> found = counts(d);
    out.add(new Line(true, "loaded    " + label + ": " + describe(found, found.keySet())));
    for (String note : d.loadNotes()) out.add(new Line(true, "note      " + note));
    if (published == null) {
      out.add(new Line(true, "counts    no published counts recorded in the catalogue: not compared"));
      return out;
    }
    Map<String, Long> expected = published.published();
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      if (!e.getValue().equals(found.get(e.getKey()))) differ.add(e.getKey());
    }
    if (differ.isEmpty()) {
      out.add(new Line(true, "counts    match the published " + describe(expected, expected.keySet())));
    } else {
      out.add(new Line(false, "COUNTS    published " + describe(expected, expected.keySet()) + ", found "
          + describe(found, expected.keySet()) + ": not the published dataset (a sample, another release, or a damaged file)"));
    }
    return out;
  }

  private static Map<String, Long> counts(Dataset d) {
    Map<String, Long> m = new java.util.LinkedHashMap<>();
    m.put("interactions", (long) d.interactions().size());
    m.put("users", (long) d.numUsers());
    m.put("items", (long) d.numItems());
    if (!d.tags().isEmpty()) m.put("tags", (long) d.tags().size());
    return m;
  }

  private static String describe(Map<String, Long> values, java.util.Collection<String> keys) {
    List<String> parts = new ArrayList<>();
    for (String k : keys) parts.add(String.format(Locale.ROOT, "%,d %s", values.getOrDefault(k, 0L), k));
    return String.join(", ", parts);
  }
}
