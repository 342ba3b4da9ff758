package org.interestlab.robustness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Small clean datasets in the published file formats (MovieLens 100K {@code u.data/u.item/u.user},
 * 1M {@code ratings.dat/movies.dat/users.dat}, latest-small CSV, Amazon 5-core JSON lines), the
 * starting point that {@link CorruptDataFilesTest} damages one way at a time.
 *
 * <p>All four hold the same ratings: {@value #USERS} users, each rating {@value #PER_USER} of
 * {@value #ITEMS} items on whole stars, one day apart in 2001, so a leave-last-out split evaluates
 * every user (a clean fixture runs with exit 0 and no skip line).
 */
final class DataFixtures {
  static final int USERS = 40;
  static final int ITEMS = 12;
  static final int PER_USER = 8;
  /** 2001-01-01T00:00:00Z. */
  static final long START = 978307200L;

  private DataFixtures() {}

  /** One rating of the fixture: user and item ids from 1, stars 1–5, Unix seconds. */
  record Rating(int user, int item, int stars, long time) {}

  static List<Rating> ratings() {
    List<Rating> out = new ArrayList<>();
    for (int u = 1; u <= USERS; u++) {
      for (int j = 0; j < PER_USER; j++) {
        int item = 1 + (u * 5 + j * 7) % ITEMS;
        out.add(new Rating(u, item, 1 + (u + j) % 5, START + 86400L * (u + 3L * j)));
      }
    }
    return dedupeItems(out);
  }

  /** A user rates an item once: later repeats of (user, item) move to the next free item. */
  private static List<Rating> dedupeItems(List<Rating> in) {
    List<Rating> out = new ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (Rating r : in) {
      int item = r.item();
      while (!seen.add((long) r.user() * 1000 + item)) item = item % ITEMS + 1;
      out.add(new Rating(r.user(), item, r.stars(), r.time()));
    }
    return out;
  }

  static final String[] GENRES = {"Action", "Comedy", "Drama", "Romance"};

  /** MovieLens 100K: tab-separated u.data, pipe-separated u.item (19 genre flags) and u.user. */
  static void movieLens100k(Path dir) {
    StringBuilder data = new StringBuilder();
    for (Rating r : ratings()) data.append(r.user()).append('\t').append(r.item()).append('\t').append(r.stars()).append('\t').append(r.time()).append('\n');
    StringBuilder item = new StringBuilder();
    for (int i = 1; i <= ITEMS; i++) {
      item.append(i).append("|Movie ").append(i).append(" (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?").append(i);
      for (int g = 0; g < 19; g++) item.append('|').append(g == 1 + i % 4 ? '1' : '0');
      item.append('\n');
    }
    StringBuilder user = new StringBuilder();
    for (int u = 1; u <= USERS; u++) user.append(u).append('|').append(20 + u).append("|M|student|55455\n");
    write(dir.resolve("u.data"), data.toString());
    write(dir.resolve("u.item"), item.toString());
    write(dir.resolve("u.user"), user.toString());
  }

  /** MovieLens 1M: {@code ::}-separated ratings.dat, movies.dat, users.dat. */
  static void movieLens1m(Path dir) {
    StringBuilder ratings = new StringBuilder();
    for (Rating r : ratings()) ratings.append(r.user()).append("::").append(r.item()).append("::").append(r.stars()).append("::").append(r.time()).append('\n');
    StringBuilder movies = new StringBuilder();
    for (int i = 1; i <= ITEMS; i++) movies.append(i).append("::Movie ").append(i).append(" (1995)::").append(GENRES[i % 4]).append('\n');
    StringBuilder users = new StringBuilder();
    for (int u = 1; u <= USERS; u++) users.append(u).append("::F::25::4::55455\n");
    write(dir.resolve("ratings.dat"), ratings.toString());
    write(dir.resolve("movies.dat"), movies.toString());
    write(dir.resolve("users.dat"), users.toString());
  }

  /** MovieLens latest-small: CSV with headers (ratings as x.0 half-star values), one tag, links. */
  static void movieLensLatestSmall(Path dir) {
    StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
    for (Rating r : ratings()) ratings.append(r.user()).append(',').append(r.item()).append(',').append(r.stars()).append(".0,").append(r.time()).append('\n');
    StringBuilder movies = new StringBuilder("movieId,title,genres\n");
    for (int i = 1; i <= ITEMS; i++) movies.append(i).append(",\"Movie ").append(i).append(", The (1995)\",").append(GENRES[i % 4]).append('\n');
    write(dir.resolve("ratings.csv"), ratings.toString());
    write(dir.resolve("movies.csv"), movies.toString());
    write(dir.resolve("tags.csv"), "userId,movieId,tag,timestamp\n1,1,funny," + START + "\n");
    StringBuilder links = new StringBuilder("movieId,imdbId,tmdbId\n");
    for (int i = 1; i <= ITEMS; i++) links.append(i).append(",011").append(4700 + i).append(',').append(800 + i).append('\n');
    write(dir.resolve("links.csv"), links.toString());
  }

  /** Amazon 5-core JSON lines for category {@code category}, plain or gzip. */
  static Path amazon(Path dir, String category, boolean gzip) {
    String text = amazonText();
    Path p = dir.resolve("reviews_" + category + "_5.json" + (gzip ? ".gz" : ""));
    if (gzip) writeBytes(p, gzip(text.getBytes(StandardCharsets.UTF_8)));
    else write(p, text);
    return p;
  }

  static String amazonText() {
    StringBuilder s = new StringBuilder();
    for (Rating r : ratings()) {
      s.append("{\"reviewerID\": \"U").append(r.user()).append("\", \"asin\": \"B").append(r.item())
          .append("\", \"helpful\": [0, 0], \"reviewText\": \"Track ").append(r.item()).append(" sounds ")
          .append(GENRES[r.item() % 4].toLowerCase()).append(".\", \"overall\": ").append(r.stars())
          .append(".0, \"summary\": \"Review\", \"unixReviewTime\": ").append(r.time()).append("}\n");
    }
    return s.toString();
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static void write(Path p, String text) {
    writeBytes(p, text.getBytes(StandardCharsets.UTF_8));
  }

  static void writeBytes(Path p, byte[] bytes) {
    try {
      Files.createDirectories(p.getParent());
      Files.write(p, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
