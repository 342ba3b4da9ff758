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
 * {@code users.dat}, {@code ratings.dat}, ISO-8859-1), so that a config naming {@code movielens-1m}
 * can run without the real files. Each user rates about half of the movies, 1–5 stars, the lower
 * movie ids more often (a popularity skew, so that recommenders differ).
 */
final class FakeMovieLens1m {
  private static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror", "Romance", "Thriller"};

  private FakeMovieLens1m() {}

  static void write(Path folder, int users, int movies, long seed) throws IOException {
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
}
