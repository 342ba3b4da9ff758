package org.interestlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a small dataset in MovieLens 1M's own format ({@code ::}-separated {@code movies.dat},
 * {@code users.dat}, {@code ratings.dat}, ISO-8859-1) or in MovieLens 100K's ({@code u.data}
 * tab-separated, {@code u.item} and {@code u.user} pipe-separated), so that a config naming {@code
 * movielens-1m} or {@code movielens-100k} can run without the real files. Each user rates about half of the movies, 1–5 stars, the lower
 * movie ids more often (a popularity skew, so that recommenders differ).
 */
final class FakeMovieLens {
  private static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror", "Romance", "Thriller"};

  private FakeMovieLens() {}

  static void ml1m(Path folder, int users, int movies, long seed) throws IOException {
    Files.createDirectories(folder);
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> movieLines = new ArrayList<>();
    for (int m = 1; m <= movies; m++) {
      movieLines.add(m + "::Movie " + m + " (19" + (70 + m % 30) + ")::" + GENRES[m % GENRES.length] + "|" + GENRES[(m * 7) % GENRES.length]);
    }
    List<String> userLines = new ArrayList<>();
    List<String> ratingLines = new ArrayList<>();
    long time = 978_300_000L;
    for (int u = 1; u <= users; u++) {
      userLines.add(u + "::" + (u % 2 == 0 ? "F" : "M") + "::25::" + (u % 21) + "::" + (10000 + u));
      for (int m = 1; m <= movies; m++) {
        if (rng.nextDouble() < 0.8 - 0.6 * m / movies) {
          ratingLines.add(u + "::" + m + "::" + (1 + rng.nextInt(5)) + "::" + (time += 1 + rng.nextInt(600)));
        }
      }
    }
    Files.write(folder.resolve("movies.dat"), movieLines, StandardCharsets.ISO_8859_1);
    Files.write(folder.resolve("users.dat"), userLines, StandardCharsets.ISO_8859_1);
    Files.write(folder.resolve("ratings.dat"), ratingLines, StandardCharsets.ISO_8859_1);
  }

  /** The same ratings, movies and users in MovieLens 100K's files. */
  static void ml100k(Path folder, int users, int movies, long seed) throws IOException {
    ml1m(folder, users, movies, seed);
    List<String> data = new ArrayList<>();
    for (String line : Files.readAllLines(folder.resolve("ratings.dat"), StandardCharsets.ISO_8859_1)) data.add(line.replace("::", "\t"));
    List<String> items = new ArrayList<>();
    for (String line : Files.readAllLines(folder.resolve("movies.dat"), StandardCharsets.ISO_8859_1)) {
      String[] f = line.split("::");
      StringBuilder item = new StringBuilder(f[0] + "|" + f[1] + "|01-Jan-1995||http://us.imdb.com/M/title-exact?" + f[0]);
      for (int g = 0; g < 19; g++) item.append('|').append(g == 1 + Integer.parseInt(f[0]) % 6 ? '1' : '0');
      items.add(item.toString());
    }
    List<String> userLines = new ArrayList<>();
    for (int u = 1; u <= users; u++) userLines.add(u + "|25|" + (u % 2 == 0 ? "F" : "M") + "|student|" + (10000 + u));
    for (String f : List.of("ratings.dat", "movies.dat", "users.dat")) Files.delete(folder.resolve(f));
    Files.write(folder.resolve("u.data"), data, StandardCharsets.ISO_8859_1);
    Files.write(folder.resolve("u.item"), items, StandardCharsets.ISO_8859_1);
    Files.write(folder.resolve("u.user"), userLines, StandardCharsets.ISO_8859_1);
  }
}
