package org.interestlab.data;

import static org.interestlab.data.DataFiles.expectFields;
import static org.interestlab.data.DataFiles.parseNumericId;
import static org.interestlab.data.DataFiles.parseRating;
import static org.interestlab.data.DataFiles.parseTimestamp;
import static org.interestlab.data.DataFiles.split;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;

/**
 * Loads GroupLens' MovieLens 1M (config name {@code movielens-1m}): 1,000,209 ratings (1–5) by
 * 6,040 users of 3,706 rated movies (3,883 listed), 2000–03.
 *
 * <p>Reads the original files of {@code ml-1m.zip}, all {@code ::}-separated and ISO-8859-1:
 *
 * <ul>
 *   <li>{@code movies.dat}: {@code MovieID::Title::Genres}, genres {@code |}-separated. Item title =
 *       title; categories = genres; text = genres joined with {@code ", "};
 *   <li>{@code users.dat}: {@code UserID::Gender::Age::Occupation::Zip-code}; attributes {@code
 *       gender}, {@code age}, {@code occupation}, {@code zip} keep the file's values, which for age
 *       and occupation are the codes listed in the dataset's README (e.g. age {@code 18} = 18–24,
 *       occupation {@code 4} = college/grad student);
 *   <li>{@code ratings.dat}: {@code UserID::MovieID::Rating::Timestamp} (seconds).
 * </ul>
 *
 * <p>Items are declared from {@code movies.dat} first (item indices follow that file), users from
 * {@code users.dat}. No tags; ratings carry no text.
 *
 * <p>Records are checked by the policy of {@code RecordChecks}: ids must be numbers, each movie and
 * user id listed once, ratings whole stars 1–5, timestamps from 1970 to now (otherwise exit 2
 * naming file and line); repeated (user, item, time) rows and ratings of movies or by users absent
 * from {@code movies.dat} / {@code users.dat} are skipped and counted in {@link Dataset#loadNotes()}.
 * Cost: O(lines) time and memory.
 *
 * <pre>{@code
 * Dataset ml = DatasetSources.load("movielens-1m", Map.of());
 * }</pre>
 *
 * @see <a href="https://grouplens.org/datasets/movielens/1m/">MovieLens 1M</a>
 */
public record MovieLens1mSource() implements DatasetSource {
  /** Config name. */
  public static final String NAME = "movielens-1m";

  /** The config's {@code dataset: { source: movielens-1m }}; it has no parameters. */
  public static final ComponentSpec<DatasetSource> SPEC = new ComponentSpec<>(NAME,
      "GroupLens " + NAME + " (downloaded once into the cache)", ParamList.none(), (p, seed) -> new MovieLens1mSource());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Dataset load(Path folder) {
    Path ratings = DataFiles.require(folder, NAME, "ratings.dat");
    Path movies = DataFiles.require(folder, NAME, "movies.dat");
    Path users = DataFiles.require(folder, NAME, "users.dat");
    Dataset.Builder b = Dataset.builder(NAME);
    RecordChecks.Ids movieIds = new RecordChecks.Ids(movies, "movie id");
    DataFiles.forEachLine(movies, StandardCharsets.ISO_8859_1, (line, n) -> {
      List<String> f = split(line, "::");
      expectFields(movies, n, f, 3, "MovieID::Title::Genres");
      List<String> genres = new ArrayList<>();
      for (String g : f.get(2).split("\\|")) if (!g.isBlank()) genres.add(g.trim());
      String id = parseNumericId(movies, n, f.get(0), "movie id");
      movieIds.declare(id, n);
      b.item(new Item(id, f.get(1), String.join(", ", genres), genres));
    });
    RecordChecks.Ids userIds = new RecordChecks.Ids(users, "user id");
    DataFiles.forEachLine(users, StandardCharsets.ISO_8859_1, (line, n) -> {
      List<String> f = split(line, "::");
      expectFields(users, n, f, 5, "UserID::Gender::Age::Occupation::Zip-code");
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put("gender", f.get(1).trim());
      attrs.put("age", f.get(2).trim());
      attrs.put("occupation", f.get(3).trim());
      attrs.put("zip", f.get(4).trim());
      String id = parseNumericId(users, n, f.get(0), "user id");
      userIds.declare(id, n);
      b.user(new User(id, attrs));
    });
    RecordChecks checks = new RecordChecks(ratings, "ratings", RecordChecks.Scale.STARS);
    DataFiles.forEachLine(ratings, StandardCharsets.ISO_8859_1, (line, n) -> {
      List<String> f = split(line, "::");
      expectFields(ratings, n, f, 4, "UserID::MovieID::Rating::Timestamp");
      String user = parseNumericId(ratings, n, f.get(0), "user id");
      String movie = parseNumericId(ratings, n, f.get(1), "movie id");
      double rating = parseRating(ratings, n, f.get(2));
      long time = parseTimestamp(ratings, n, f.get(3));
      checks.rating(n, rating);
      checks.timestamp(n, time);
      if (!b.hasUser(user)) {
        checks.skip("ratings by users missing from users.dat", n);
      } else if (!b.hasItem(movie)) {
        checks.skip("ratings of movies missing from movies.dat", n);
      } else {
        b.interaction(user, movie, rating, time, "");
        checks.added(n);
      }
    });
    checks.finish(b);
    return b.build();
  }
}
