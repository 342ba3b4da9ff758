package org.interestlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.compute.CsvRow;
import org.interestlab.compute.CsvTable;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * Loads GroupLens' MovieLens latest-small (config name {@code movielens-latest-small}), the 2018
 * release: 100,836 ratings (0.5–5 in half stars) and 3,683 free-text tags by 610 users on 9,742
 * movies.
 *
 * <p>Reads the original CSV files of {@code ml-latest-small.zip} (UTF-8, a header row, RFC 4180
 * quoting: fields with commas are quoted, quotes inside are doubled):
 *
 * <ul>
 *   <li>{@code movies.csv} ({@code movieId,title,genres}): item title = title; categories = the
 *       {@code |}-separated genres, none for {@code (no genres listed)}; text = the genres joined
 *       with {@code ", "} (e.g. {@code "Adventure, Animation, Children"});
 *   <li>{@code ratings.csv} ({@code userId,movieId,rating,timestamp}): the interactions;
 *   <li>{@code tags.csv} ({@code userId,movieId,tag,timestamp}): {@link Dataset#tags()} events whose
 *       text is the tag, exactly as typed;
 *   <li>{@code links.csv} ({@code movieId,imdbId,tmdbId}): not part of the {@link Dataset}; read it
 *       with {@link #readLinks(Path)}.
 * </ul>
 *
 * <p>Items are declared from {@code movies.csv} first (item indices follow that file); users appear
 * in order of first appearance in {@code ratings.csv}, then {@code tags.csv}.
 *
 * <p>Records are checked by the policy of {@code RecordChecks}: ids must be numbers, each movieId
 * listed once in {@code movies.csv}, ratings 0.5–5 in half stars, timestamps from 1970 to now, and
 * every file must end with a line end (a cut last row is a truncated file): otherwise exit 2 naming
 * file and line. Repeated (user, movie, time) ratings and ratings or tags of movies absent from
 * {@code movies.csv} are skipped and counted in {@link Dataset#loadNotes()}. Cost: O(lines) time
 * and memory.
 *
 * <pre>{@code
 * Dataset ml = DatasetSources.load("movielens-latest-small", Map.of());
 * ml.tags().get(0).text();   // "funny"
 * }</pre>
 *
 * @see <a href="https://grouplens.org/datasets/movielens/latest/">MovieLens latest datasets</a>
 */
public record MovieLensLatestSmallSource() implements DatasetSource {
  /** Config name. */
  public static final String NAME = "movielens-latest-small";

  /** The config's {@code dataset: { source: movielens-latest-small }}; it has no parameters. */
  public static final ComponentSpec<DatasetSource> SPEC = new ComponentSpec<>(NAME,
      "GroupLens " + NAME + " (downloaded once into the cache)", ParamList.none(), (p, seed) -> new MovieLensLatestSmallSource());

  /** The pseudo-genre of movies without genres; it yields no category. */
  public static final String NO_GENRES = "(no genres listed)";

  /**
   * One row of {@code links.csv}: a movie's ids at IMDb and TMDb ({@code tmdbId} may be empty).
   *
   * @param movieId MovieLens id
   * @param imdbId IMDb id without the {@code tt} prefix, zero-padded as in the file
   * @param tmdbId The Movie Database id, or {@code ""}
   */
  public record Link(String movieId, String imdbId, String tmdbId) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Dataset load(Path folder) {
    Path ratings = DataFiles.require(folder, NAME, "ratings.csv");
    Path movies = DataFiles.require(folder, NAME, "movies.csv");
    Path tags = DataFiles.require(folder, NAME, "tags.csv");
    Dataset.Builder b = Dataset.builder(NAME);
    RecordChecks.Ids movieIds = new RecordChecks.Ids(movies, "movieId");
    long last = 1;
    try (CsvTable t = CsvTable.open(movies).requireHeader(List.of("movieId", "title", "genres"))) {
      for (CsvRow r : t) {
        List<String> genres = new ArrayList<>();
        for (String g : r.get("genres").split("\\|")) {
          if (!g.isBlank() && !g.equals(NO_GENRES)) genres.add(g.trim());
        }
        String id = numericId(r, "movieId");
        movieIds.declare(id, r.line());
        b.item(new Item(id, r.get("title"), String.join(", ", genres), genres));
        last = r.line();
      }
    }
    DataFiles.requireLineEnd(movies, last);
    RecordChecks checks = new RecordChecks(ratings, "ratings", RecordChecks.Scale.HALF_STARS);
    last = 1;
    try (CsvTable t = CsvTable.open(ratings).requireHeader(List.of("userId", "movieId", "rating", "timestamp"))) {
      for (CsvRow r : t) {
        String user = numericId(r, "userId");
        String movie = numericId(r, "movieId");
        double rating = r.getDouble("rating", "a numeric rating such as 3.5");
        long time = timestamp(r);
        checks.rating(r.line(), rating);
        checks.timestamp(r.line(), time);
        if (!b.hasItem(movie)) {
          checks.skip("ratings of movies missing from movies.csv", r.line());
        } else {
          b.interaction(user, movie, rating, time, "");
          checks.added(r.line());
        }
        last = r.line();
      }
    }
    DataFiles.requireLineEnd(ratings, last);
    checks.finish(b);
    RecordChecks tagChecks = new RecordChecks(tags, "tags", RecordChecks.Scale.HALF_STARS);
    last = 1;
    try (CsvTable t = CsvTable.open(tags).requireHeader(List.of("userId", "movieId", "tag", "timestamp"))) {
      for (CsvRow r : t) {
        String user = numericId(r, "userId");
        String movie = numericId(r, "movieId");
        long time = timestamp(r);
        tagChecks.timestamp(r.line(), time);
        if (!b.hasItem(movie)) tagChecks.skip("tags of movies missing from movies.csv", r.line());
        else b.tag(user, movie, r.get("tag"), time);
        last = r.line();
      }
    }
    DataFiles.requireLineEnd(tags, last);
    tagChecks.finishSkips(b);
    return b.build();
  }

  /** Reads {@code links.csv}: movie id → its IMDb and TMDb ids, in file order. */
  public static Map<String, Link> readLinks(Path folder) {
    Path links = DataFiles.require(folder, NAME, "links.csv");
    Map<String, Link> out = new LinkedHashMap<>();
    try (CsvTable t = CsvTable.open(links).requireHeader(List.of("movieId", "imdbId", "tmdbId"))) {
      for (CsvRow r : t) {
        String id = id(r, "movieId");
        out.put(id, new Link(id, r.get("imdbId").trim(), r.get("tmdbId").trim()));
      }
    }
    return out;
  }

  private static String id(CsvRow r, String column) {
    String id = r.get(column).trim();
    if (id.isEmpty()) throw r.invalid(column, "a non-empty id");
    return id;
  }

  private static String numericId(CsvRow r, String column) {
    String id = id(r, column);
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) < '0' || id.charAt(i) > '9') throw r.invalid(column, "a numeric id");
    }
    return id;
  }

  private static long timestamp(CsvRow r) {
    return r.getLong("timestamp", "an integer Unix timestamp (seconds)");
  }
}
