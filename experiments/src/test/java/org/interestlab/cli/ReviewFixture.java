package org.interestlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small Amazon 5-core review file in the published format: 40 users in two tastes (jazz, metal),
 * 20 items without titles (as in the real files), 6 reviews per user at distinct days, so each user's
 * latest review (the leave-last-out test item) is unambiguous. Reviews read like their taste.
 */
final class ReviewFixture {
  static final int USERS = 40;
  static final int ITEMS = 20;
  static final int PER_USER = 6;
  static final long START = 1_300_000_000L;
  private static final String[] JAZZ = {"Smooth saxophone and soft piano, a calm late night jazz record.",
      "The trumpet solos swing beautifully; classic bebop with a warm upright bass.",
      "Mellow jazz trio, brushed drums and gentle piano chords."};
  private static final String[] METAL = {"Crushing guitar riffs and thundering double bass drums, pure heavy metal.",
      "Loud distorted guitars and screaming vocals; a brutal thrash album.",
      "Aggressive metal with fast solos and pounding drums."};

  private ReviewFixture() {}

  /** What user {@code u}'s {@code e}-th review (0 = oldest) says, or {@code silent} for an empty text. */
  interface Text {
    String of(int user, int event, boolean jazz);
  }

  /** The default texts: one of three per taste. */
  static String tasteText(int user, int event, boolean jazz) {
    return (jazz ? JAZZ : METAL)[(user + event) % 3];
  }

  /** Writes {@code <data>/amazon-reviews-5core/reviews_<category>_5.json} and returns the data folder. */
  static Path write(Path data, String category, Text text) {
    List<String> lines = new ArrayList<>();
    for (int u = 0; u < USERS; u++) {
      boolean jazz = u % 2 == 0;
      for (int e = 0; e < PER_USER; e++) {
        int item = (jazz ? 0 : ITEMS / 2) + (u / 2 + e * 3) % (ITEMS / 2);
        long time = START + 86_400L * (e * USERS + u);
        String t = text.of(u, e, jazz);
        lines.add(String.format(Locale.ROOT,
            "{\"reviewerID\": \"U%02d\", \"asin\": \"B%04d\", \"reviewerName\": \"n\", \"helpful\": [0, 0], \"reviewText\": \"%s\", "
                + "\"overall\": 5.0, \"summary\": \"\", \"unixReviewTime\": %d, \"reviewTime\": \"01 1, 2011\"}",
            u, item, t, time));
      }
    }
    try {
      Path folder = Files.createDirectories(data.resolve("amazon-reviews-5core"));
      Files.write(folder.resolve("reviews_" + category + "_5.json"), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return data;
  }
}
