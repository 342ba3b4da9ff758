package org.interestlab.data;

import static org.interestlab.data.DataFiles.expectFields;
import static org.interestlab.data.DataFiles.malformed;
import static org.interestlab.data.DataFiles.parseNumericId;
import static org.interestlab.data.DataFiles.parseRating;
import static org.interestlab.data.DataFiles.parseTimestamp;
import static org.interestlab.data.DataFiles.split;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * Loads GroupLens' MovieLens 100K (config name {@code movielens-100k}): 100,000 ratings (1–5) by
 * 943 users of 1,682 movies, 1997–98, with user demographics.
 *
 * <p>Reads, from the dataset folder, the original files of {@code ml-100k.zip}:
 *
 * <ul>
 *   <li>{@code u.data}: tab-separated {@code user item rating timestamp} (timestamps in seconds);
 *   <li>{@code u.item}: pipe-separated, ISO-8859-1, {@code id|title|release date|video release
 *       date|IMDb URL|} then one 0/1 flag per genre. Item title = title; categories = the genres
 *       flagged 1; text = those genres joined with {@code ", "} (e.g. {@code "Animation, Children's,
 *       Comedy"}). Genre names come from {@code u.genre} ({@code name|index} lines) when present,
 *       else the standard 19 ({@link #STANDARD_GENRES}), kept literally (including {@code
 *       unknown});
 *   <li>{@code u.user}: {@code id|age|gender|occupation|zip}; they become the user attributes
 *       {@code age}, {@code gender}, {@code occupation}, {@code zip}.
 * </ul>
 *
 * <p>Items are declared from {@code u.item} first, so item index {@code i} is line {@code i+1} of
 * that file; users follow {@code u.user} order. Interactions keep the order of {@code u.data}. The
 * dataset has no tags; ratings carry no text.
 *
 * <p>Records are checked by the policy of {@code RecordChecks}: ids must be numbers, each movie and
 * user id listed once, ratings whole stars 1–5, timestamps from 1970 to now (otherwise exit 2
 * naming file and line); repeated (user, item, time) rows and ratings of movies or by users absent
 * from {@code u.item} / {@code u.user} are skipped and counted in {@link Dataset#loadNotes()}.
 *
 * <p>Cost: one pass over each file, O(lines) time and memory.
 *
 * <pre>{@code
 * Dataset ml = new MovieLens100kSource().load(DatasetStore.create().ensure("movielens-100k", Map.of()));
 * }</pre>
 *
 * @see <a href="https://grouplens.org/datasets/movielens/100k/">MovieLens 100K</a>
 */
public record MovieLens100kSource() implements DatasetSource {
  /** Config name. */
  public static final String NAME = "movielens-100k";

  /** The config's {@code dataset: { source: movielens-100k }}; it has no parameters. */
  public static final ComponentSpec<DatasetSource> SPEC = new ComponentSpec<>(NAME,
      "GroupLens " + NAME + " (downloaded once into the cache)", ParamList.none(), (p, seed) -> new MovieLens100kSource());

  /** The genre names of the published {@code u.genre}, in flag order. */
  public static final List<String> STANDARD_GENRES = List.of(
      "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary",
      "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller",
      "War", "Western");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Dataset load(Path folder) {
    Path data = DataFiles.require(folder, NAME, "u.data");
    Path itemFile = DataFiles.require(folder, NAME, "u.item");
    Path userFile = DataFiles.require(folder, NAME, "u.user");
    Path genreFile = folder.resolve("u.genre");
    List<String> genres = Files.isRegularFile(genreFile) ? readGenres(genreFile) : STANDARD_GENRES;

    Dataset.Builder b = Dataset.builder(NAME);
    RecordChecks.Ids itemIds = new RecordChecks.Ids(itemFile, "movie id");
    DataFiles.forEachLine(itemFile, StandardCharsets.ISO_8859_1, (line, n) -> {
      List<String> f = split(line, "|");
      expectFields(itemFile, n, f, 5 + genres.size(),
          "id|title|release date|video release date|IMDb URL|" + genres.size() + " genre flags");
      String id = parseNumericId(itemFile, n, f.get(0), "movie id");
      itemIds.declare(id, n);
      List<String> cats = new ArrayList<>();
      for (int g = 0; g < genres.size(); g++) {
        String flag = f.get(5 + g).trim();
        if (flag.equals("1")) cats.add(genres.get(g));
        else if (!flag.equals("0")) throw malformed(itemFile, n, "genre flag 0 or 1 for " + genres.get(g), "'" + flag + "'");
      }
      b.item(new Item(id, f.get(1), String.join(", ", cats), cats));
    });
    RecordChecks.Ids userIds = new RecordChecks.Ids(userFile, "user id");
    DataFiles.forEachLine(userFile, StandardCharsets.ISO_8859_1, (line, n) -> {
      List<String> f = split(line, "|");
      expectFields(userFile, n, f, 5, "id|age|gender|occupation|zip");
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put("age", f.get(1).trim());
      attrs.put("gender", f.get(2).trim());
      attrs.put("occupation", f.get(3).trim());
      attrs.put("zip", f.get(4).trim());
      String id = parseNumericId(userFile, n, f.get(0), "user id");
      userIds.declare(id, n);
      b.user(new User(id, attrs));
    });
    RecordChecks checks = new RecordChecks(data, "ratings", RecordChecks.Scale.STARS);
    DataFiles.forEachLine(data, StandardCharsets.ISO_8859_1, (line, n) -> {
      List<String> f = split(line, "\t");
      expectFields(data, n, f, 4, "user<TAB>item<TAB>rating<TAB>timestamp");
      String user = parseNumericId(data, n, f.get(0), "user id");
      String item = parseNumericId(data, n, f.get(1), "item id");
      double rating = parseRating(data, n, f.get(2));
      long time = parseTimestamp(data, n, f.get(3));
      checks.rating(n, rating);
      checks.timestamp(n, time);
      if (!b.hasUser(user)) {
        checks.skip("ratings by users missing from u.user", n);
      } else if (!b.hasItem(item)) {
        checks.skip("ratings of movies missing from u.item", n);
      } else {
        b.interaction(user, item, rating, time, "");
        checks.added(n);
      }
    });
    checks.finish(b);
    return b.build();
  }

  /** {@code u.genre}: {@code name|index} lines; indices must cover 0..n-1. */
  private static List<String> readGenres(Path file) {
    TreeMap<Integer, String> byIndex = new TreeMap<>();
    DataFiles.forEachLine(file, StandardCharsets.ISO_8859_1, (line, n) -> {
      List<String> f = split(line, "|");
      expectFields(file, n, f, 2, "genre name|index");
      try {
        byIndex.put(Integer.parseInt(f.get(1).trim()), f.get(0));
      } catch (NumberFormatException e) {
        throw malformed(file, n, "an integer genre index", "'" + f.get(1) + "'");
      }
    });
    List<String> names = new ArrayList<>(byIndex.values());
    if (byIndex.isEmpty() || byIndex.firstKey() != 0 || byIndex.lastKey() != names.size() - 1) {
      throw malformed(file, 1, "genre indices 0.." + (names.size() - 1) + " without gaps", "indices " + byIndex.keySet());
    }
    return List.copyOf(names);
  }
}
