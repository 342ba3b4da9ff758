package org.interestlab.data;

import static org.interestlab.data.DataFiles.malformed;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.interestlab.UserException;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.ParamSpec;

/**
 * Loads one category of McAuley's 2014 Amazon review data, 5-core version (config name {@code
 * amazon-reviews-5core}, parameter {@code category}, e.g. {@code Musical_Instruments}): every user
 * and item has at least 5 reviews.
 *
 * <p>Reads {@code reviews_<category>_5.json} or, if that is absent, {@code
 * reviews_<category>_5.json.gz} (as downloaded) from the dataset folder; several categories share
 * the folder. The file holds one JSON object per line; used fields:
 *
 * <ul>
 *   <li>{@code reviewerID} (user id), {@code asin} (item id), {@code overall} (rating 1–5), {@code
 *       unixReviewTime} (seconds; day resolution): required;
 *   <li>{@code summary} and {@code reviewText}: optional, may be empty. The interaction text is
 *       {@code summary + ". " + reviewText}; when the summary already ends in {@code . ! ? …} only a
 *       space joins them, and when either is empty the other stands alone (so a review with neither
 *       has text {@code ""}). The summary goes first because it is the reviewer's own headline of
 *       the same opinion.
 * </ul>
 *
 * <p>Items carry only their ASIN: the 5-core files hold no product titles (those are in the
 * separate {@code meta_<category>.json.gz}, which this loader does not read). Users and items appear
 * in order of first appearance. No tags. Cost: O(lines) time and memory; JSON
 * parsing dominates.
 *
 * <pre>{@code
 * Dataset music = new AmazonReviews5CoreSource("Musical_Instruments")
 *     .load(DatasetStore.create().ensure("amazon-reviews-5core", Map.of("category", "Musical_Instruments")));
 * }</pre>
 *
 * @param category the category as spelled in the file names (letters, digits, underscores)
 * @see <a href="https://jmcauley.ucsd.edu/data/amazon/index_2014.html">Amazon product data (2014)</a>
 */
public record AmazonReviews5CoreSource(String category) implements DatasetSource {
  /** Config name. */
  public static final String NAME = "amazon-reviews-5core";

  /** Parameter naming the category. */
  public static final String CATEGORY = "category";

  /** The parameters, as a config names them. */
  public static final ParamList PARAMS = ParamList.of(ParamSpec.string(CATEGORY, null, "e.g. Musical_Instruments"));

  /** The config's {@code dataset: { source: amazon-reviews-5core, category: … }}. */
  public static final ComponentSpec<DatasetSource> SPEC = new ComponentSpec<>(NAME,
      "Amazon review 5-core file of one category (reviews_<category>_5.json[.gz])", PARAMS,
      (p, seed) -> new AmazonReviews5CoreSource(p.getString(CATEGORY)));

  static final Pattern CATEGORY_PATTERN = Pattern.compile("[A-Za-z0-9_]+");

  public AmazonReviews5CoreSource {
    if (category == null || !CATEGORY_PATTERN.matcher(category).matches()) {
      throw new UserException("dataset " + NAME + ": parameter category = '" + category
          + "' is not allowed; expected letters, digits and underscores as in the file names, e.g. Musical_Instruments");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The file name of this category's reviews as published ({@code .json.gz}). */
  public String fileName() {
    return "reviews_" + category + "_5.json.gz";
  }

  @Override
  public Dataset load(Path folder) {
    Path plain = folder.resolve("reviews_" + category + "_5.json");
    Path file = Files.isRegularFile(plain) ? plain : folder.resolve(fileName());
    if (!Files.isRegularFile(file)) {
      throw new DatasetUnavailableException("dataset " + NAME + " (category " + category + "): missing file "
          + folder.resolve(fileName()).toAbsolutePath() + " (or its uncompressed " + plain.getFileName() + ")");
    }
    Dataset.Builder b = Dataset.builder(NAME + "/" + category);
    DataFiles.forEachLine(file, StandardCharsets.UTF_8, (line, n) -> {
      JsonObject o;
      try {
        JsonElement e = JsonParser.parseString(line);
        if (!e.isJsonObject()) throw malformed(file, n, "a JSON object", line);
        o = e.getAsJsonObject();
      } catch (JsonParseException e) {
        throw malformed(file, n, "a JSON object per line", line);
      }
      String user = string(o, "reviewerID", file, n, true);
      String item = string(o, "asin", file, n, true);
      double rating = number(o, "overall", file, n);
      long time = (long) number(o, "unixReviewTime", file, n);
      String text = joinSummaryAndText(string(o, "summary", file, n, false), string(o, "reviewText", file, n, false));
      b.interaction(user, item, rating, time, text);
    });
    Dataset d = b.build();
    if (d.interactions().isEmpty()) throw new UserException(file.toAbsolutePath() + ": no reviews in the file (it is empty) — fetch it again");
    return d;
  }

  /** The documented join of a review's summary and text. */
  static String joinSummaryAndText(String summary, String text) {
    String s = summary.strip();
    String t = text.strip();
    if (s.isEmpty()) return t;
    if (t.isEmpty()) return s;
    char last = s.charAt(s.length() - 1);
    boolean ended = last == '.' || last == '!' || last == '?' || last == '…';
    return s + (ended ? " " : ". ") + t;
  }

  private static String string(JsonObject o, String key, Path file, long n, boolean required) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) {
      if (required) throw malformed(file, n, "field \"" + key + "\"", "an object without it");
      return "";
    }
    if (!e.isJsonPrimitive()) throw malformed(file, n, "a string in \"" + key + "\"", e.toString());
    String s = e.getAsString();
    if (required && s.isBlank()) throw malformed(file, n, "a non-empty \"" + key + "\"", "an empty string");
    return s;
  }

  private static double number(JsonObject o, String key, Path file, long n) {
    JsonElement e = o.get(key);
    if (e == null || e.isJsonNull()) throw malformed(file, n, "field \"" + key + "\"", "an object without it");
    if (e.isJsonPrimitive()) {
      JsonPrimitive p = e.getAsJsonPrimitive();
      try {
        double v = p.isNumber() ? p.getAsDouble() : Double.parseDouble(p.getAsString());
        if (Double.isFinite(v)) return v;
      } catch (NumberFormatException ignored) {
        // reported below with the value
      }
    }
    throw malformed(file, n, "a number in \"" + key + "\"", e.toString());
  }
}
