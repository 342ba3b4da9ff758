package org.interestlab.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Corrupt and inconsistent data files, one damage at a time, in every format InterestLab reads
 * (MovieLens 100K, 1M and latest-small, Amazon 5-core plain and gzip), each driven through {@code
 * ./lab run} (or {@code ./lab datasets verify}) as a user would. A rejected file ends with exit 2,
 * one line on standard error naming the file and the line, no stack trace and no run folder; a
 * skipped record ends with exit 0 and the documented "skipped N …, first at line L" line. The
 * clean fixtures ({@link DataFixtures}) run with exit 0 and no skip line, so each case shows the
 * effect of its damage alone.
 *
 * <p>The fixture has 320 ratings (40 users × 8), one per line: in {@code u.data}, {@code ratings.dat}
 * and the Amazon files rating r is on line r; in {@code ratings.csv} on line r + 1 (header).
 */
class CorruptDataFilesTest {
  /** Ratings in every fixture. */
  static final int N = DataFixtures.USERS * DataFixtures.PER_USER;
  static final String CATEGORY = "Test_Music";

  @TempDir Path tmp;

  private static final List<String> PROPERTIES = List.of("interestlab.root", "interestlab.progress", "interestlab.offline", "interestlab.data");
  private static final String[] saved = new String[PROPERTIES.size()];

  @BeforeAll
  static void properties() {
    for (int i = 0; i < PROPERTIES.size(); i++) saved[i] = System.getProperty(PROPERTIES.get(i));
    Path root = Path.of(System.getProperty("interestlab.root", "..")).toAbsolutePath().normalize();
    System.setProperty("interestlab.root", root.toString());
    System.setProperty("interestlab.progress", "false");
    System.setProperty("interestlab.offline", "true");
  }

  @AfterAll
  static void restore() {
    for (int i = 0; i < PROPERTIES.size(); i++) {
      if (saved[i] == null) System.clearProperty(PROPERTIES.get(i));
      else System.setProperty(PROPERTIES.get(i), saved[i]);
    }
  }

  /** The formats, each with its config source, dataset folder and clean fixture. */
  enum Format {
    ML100K("movielens-100k", "movielens-100k", DataFixtures::movieLens100k),
    ML1M("movielens-1m", "movielens-1m", DataFixtures::movieLens1m),
    LATEST("movielens-latest-small", "movielens-latest-small", DataFixtures::movieLensLatestSmall),
    AMAZON_JSON("amazon-reviews-5core", "amazon-reviews-5core", d -> DataFixtures.amazon(d, CATEGORY, false)),
    AMAZON_GZ("amazon-reviews-5core", "amazon-reviews-5core", d -> DataFixtures.amazon(d, CATEGORY, true));

    final String source;
    final String folder;
    final Consumer<Path> fixture;

    Format(String source, String folder, Consumer<Path> fixture) {
      this.source = source;
      this.folder = folder;
      this.fixture = fixture;
    }

    String datasetSection() {
      return source.startsWith("amazon") ? "{ source: " + source + ", category: " + CATEGORY + " }" : "{ source: " + source + " }";
    }
  }

  /**
   * One damaged dataset.
   *
   * @param damage changes the clean fixture folder
   * @param exit expected exit code: 2 (rejected) or 0 (skipped and reported)
   * @param expected fragments of the one error line (exit 2) or of the skip line (exit 0)
   */
  record Case(String name, Format format, Consumer<Path> damage, int exit, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case reject(String name, Format f, Consumer<Path> damage, String... expected) {
    return new Case(name, f, damage, 2, List.of(expected));
  }

  static Case skip(String name, Format f, Consumer<Path> damage, String... expected) {
    return new Case(name, f, damage, 0, List.of(expected));
  }

  // ---- damage, applied to a file of the fixture folder ----

  static Consumer<Path> edit(String file, UnaryOperator<String> change) {
    return d -> DataFixtures.write(d.resolve(file), change.apply(DataFixtures.read(d.resolve(file))));
  }

  /** Cuts the last {@code chars} characters (the line end and part of the last row). */
  static Consumer<Path> cut(String file, int chars) {
    return edit(file, s -> s.substring(0, s.length() - chars));
  }

  static Consumer<Path> append(String file, String line) {
    return edit(file, s -> s + line + "\n");
  }

  /** Writes every line after the first {@code keep} twice, each copy right after its original. */
  static Consumer<Path> doubleRows(String file, int keep) {
    return edit(file, s -> {
      StringBuilder out = new StringBuilder();
      String[] lines = s.split("\n");
      for (int i = 0; i < lines.length; i++) {
        out.append(lines[i]).append('\n');
        if (i >= keep) out.append(lines[i]).append('\n');
      }
      return out.toString();
    });
  }

  static Consumer<Path> gzBytes(UnaryOperator<byte[]> change) {
    return d -> {
      Path p = d.resolve("reviews_" + CATEGORY + "_5.json.gz");
      try {
        DataFixtures.writeBytes(p, change.apply(Files.readAllBytes(p)));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }

  static final String JSON = "reviews_" + CATEGORY + "_5.json";
  static final String GZ = JSON + ".gz";
  /** Year 3000 in Unix seconds. */
  static final long YEAR_3000 = 32503680000L;

  static String review(String user, String item, String overall, String time) {
    return "{\"reviewerID\": \"" + user + "\", \"asin\": \"" + item + "\", \"overall\": " + overall + ", \"unixReviewTime\": " + time + "}";
  }

  static Stream<Case> cases() {
    int last = N; // line of the last rating in u.data, ratings.dat and the Amazon files
    return Stream.of(
        // MovieLens 100K
        reject("100k u.data cut mid-row", Format.ML100K, cut("u.data", 4), "u.data line " + last + ":", "truncated"),
        reject("100k u.data non-numeric item id", Format.ML100K, append("u.data", "196\tabc\t3\t881250949"),
            "u.data line " + (last + 1) + ": expected a numeric item id, got 'abc'"),
        reject("100k u.data rating 99", Format.ML100K, append("u.data", "1\t2\t99\t881250949"),
            "u.data line " + (last + 1) + ": expected a rating from 1 to 5 in steps of 1, got 99.0"),
        reject("100k u.data rating -5", Format.ML100K, append("u.data", "1\t2\t-5\t881250949"),
            "u.data line " + (last + 1) + ": expected a rating from 1 to 5", "got -5.0"),
        reject("100k u.data half star", Format.ML100K, append("u.data", "1\t2\t3.5\t881250949"),
            "u.data line " + (last + 1) + ": expected a rating from 1 to 5 in steps of 1, got 3.5"),
        reject("100k u.data year 3000", Format.ML100K, append("u.data", "1\t2\t3\t" + YEAR_3000),
            "u.data line " + (last + 1) + ": expected a Unix timestamp (seconds) not after now", "got " + YEAR_3000),
        reject("100k u.data negative time", Format.ML100K, append("u.data", "1\t2\t3\t-1"),
            "u.data line " + (last + 1) + ": expected a Unix timestamp (seconds) not before 1970, got -1"),
        reject("100k u.data empty", Format.ML100K, edit("u.data", s -> ""), "u.data: no ratings in the file (empty)"),
        reject("100k u.item duplicated movie id", Format.ML100K, edit("u.item", s -> s + s.lines().findFirst().orElseThrow() + "\n"),
            "u.item line " + (DataFixtures.ITEMS + 1) + ": movie id 1 is listed twice (first at line 1)"),
        reject("100k u.user duplicated user id", Format.ML100K, append("u.user", "7|30|F|writer|10001"),
            "u.user line " + (DataFixtures.USERS + 1) + ": user id 7 is listed twice (first at line 7)"),
        skip("100k u.data every row twice", Format.ML100K, doubleRows("u.data", 0),
            "u.data: skipped " + N + " duplicate rows (same user, item and time as an earlier row), first at line 2"),
        skip("100k u.data rating of a movie not in u.item", Format.ML100K, append("u.data", "1\t99\t3\t881250949"),
            "u.data: skipped 1 ratings of movies missing from u.item, first at line " + (last + 1)),

        // MovieLens 1M
        reject("1m ratings.dat cut mid-row", Format.ML1M, cut("ratings.dat", 3), "ratings.dat line " + last + ":", "truncated"),
        reject("1m ratings.dat non-numeric user id", Format.ML1M, append("ratings.dat", "u7::1::3::978300760"),
            "ratings.dat line " + (last + 1) + ": expected a numeric user id, got 'u7'"),
        reject("1m ratings.dat rating 0", Format.ML1M, append("ratings.dat", "1::2::0::978300760"),
            "ratings.dat line " + (last + 1) + ": expected a rating from 1 to 5 in steps of 1, got 0.0"),
        reject("1m ratings.dat tab-separated row", Format.ML1M, append("ratings.dat", "1\t2\t3\t978300760"),
            "ratings.dat line " + (last + 1) + ": expected 4 fields (UserID::MovieID::Rating::Timestamp), got 1 fields"),
        reject("1m movies.dat duplicated movie id", Format.ML1M, append("movies.dat", "5::Another Movie (1999)::Drama"),
            "movies.dat line " + (DataFixtures.ITEMS + 1) + ": movie id 5 is listed twice (first at line 5)"),
        skip("1m ratings.dat rating of a movie not in movies.dat", Format.ML1M, append("ratings.dat", "3::3952::4::978300760"),
            "ratings.dat: skipped 1 ratings of movies missing from movies.dat, first at line " + (last + 1)),
        skip("1m ratings.dat rating by a user not in users.dat", Format.ML1M, append("ratings.dat", "6041::3::4::978300760"),
            "ratings.dat: skipped 1 ratings by users missing from users.dat, first at line " + (last + 1)),

        // MovieLens latest-small (CSV with a header: rating r on line r + 1)
        reject("latest ratings.csv cut mid-row", Format.LATEST, cut("ratings.csv", 5), "ratings.csv line " + (last + 1) + ":", "truncated"),
        reject("latest ratings.csv rating 5.5", Format.LATEST, append("ratings.csv", "1,2,5.5,964982703"),
            "ratings.csv line " + (last + 2) + ": expected a rating from 0.5 to 5 in steps of 0.5, got 5.5"),
        reject("latest ratings.csv rating 0.25", Format.LATEST, append("ratings.csv", "1,2,0.25,964982703"),
            "ratings.csv line " + (last + 2) + ": expected a rating from 0.5 to 5 in steps of 0.5, got 0.25"),
        reject("latest ratings.csv non-numeric userId", Format.LATEST, append("ratings.csv", "x1,2,3.0,964982703"),
            "ratings.csv: line " + (last + 2) + ", column userId: 'x1' — allowed: a numeric id"),
        reject("latest movies.csv duplicated movieId", Format.LATEST, append("movies.csv", "3,Copy (2000),Drama"),
            "movies.csv line " + (DataFixtures.ITEMS + 2) + ": movieId 3 is listed twice (first at line 4)"),
        reject("latest tags.csv timestamp in year 3000", Format.LATEST, append("tags.csv", "1,2,later," + YEAR_3000),
            "tags.csv line 3: expected a Unix timestamp (seconds) not after now"),
        skip("latest ratings.csv every row twice", Format.LATEST, doubleRows("ratings.csv", 1),
            "ratings.csv: skipped " + N + " duplicate rows (same user, item and time as an earlier row), first at line 3"),
        skip("latest ratings.csv rating of a movie not in movies.csv", Format.LATEST, append("ratings.csv", "1,193609,4.0,964982703"),
            "ratings.csv: skipped 1 ratings of movies missing from movies.csv, first at line " + (last + 2)),

        // Amazon, plain JSON lines
        reject("amazon json cut mid-line", Format.AMAZON_JSON, cut(JSON, 10), JSON + " line " + last + ": expected a JSON object per line"),
        reject("amazon json complete last line without line end", Format.AMAZON_JSON, cut(JSON, 1), JSON + " line " + last + ":", "truncated"),
        reject("amazon json broken line", Format.AMAZON_JSON, edit(JSON, s -> s.replaceFirst("\n", "\n{not json\n")),
            JSON + " line 2: expected a JSON object per line, got {not json"),
        reject("amazon json overall 7", Format.AMAZON_JSON, append(JSON, review("U1", "B2", "7.0", "1000000000")),
            JSON + " line " + (last + 1) + ": expected a rating from 1 to 5 in steps of 1, got 7.0"),
        reject("amazon json negative time", Format.AMAZON_JSON, append(JSON, review("U1", "B2", "3.0", "-86400")),
            JSON + " line " + (last + 1) + ": expected a Unix timestamp (seconds) not before 1970, got -86400"),
        reject("amazon json empty", Format.AMAZON_JSON, edit(JSON, s -> ""), JSON + ": no reviews in the file (empty)"),
        reject("amazon json and gz both present", Format.AMAZON_JSON, d -> DataFixtures.amazon(d, CATEGORY, true),
            JSON + " and " + GZ + " are in the folder; remove one"),
        skip("amazon json every line twice", Format.AMAZON_JSON, doubleRows(JSON, 0),
            JSON + ": skipped " + N + " duplicate rows (same user, item and time as an earlier row), first at line 2"),

        // Amazon, gzip as downloaded
        reject("amazon gz cut in half", Format.AMAZON_GZ, gzBytes(b -> Arrays.copyOf(b, b.length / 2)),
            GZ + ": truncated or corrupt compressed file"),
        reject("amazon gz empty file", Format.AMAZON_GZ, gzBytes(b -> new byte[0]),
            GZ + ": not a gzip file (the file is empty or shorter than a gzip header)"),
        reject("amazon gz not gzip", Format.AMAZON_GZ, gzBytes(b -> DataFixtures.amazonText().getBytes(StandardCharsets.UTF_8)),
            GZ + ": not a gzip file (Not in GZIP format)"),
        reject("amazon gz bad CRC", Format.AMAZON_GZ, gzBytes(b -> {
          byte[] c = b.clone();
          c[c.length - 8] ^= 0x5A; // first byte of the CRC-32 trailer
          return c;
        }), GZ + ": truncated or corrupt compressed file"),
        reject("amazon gz of an empty text", Format.AMAZON_GZ, gzBytes(b -> DataFixtures.gzip(new byte[0])),
            GZ + ": no reviews in the file (empty)"),
        reject("amazon gz of a text cut mid-line", Format.AMAZON_GZ,
            gzBytes(b -> DataFixtures.gzip(DataFixtures.amazonText().substring(0, DataFixtures.amazonText().length() - 30)
                .getBytes(StandardCharsets.UTF_8))),
            GZ + " line " + last + ": expected a JSON object per line"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void damagedDataIsRejectedOrSkippedAndReported(Case c) throws IOException {
    Path data = tmp.resolve("data");
    Path folder = data.resolve(c.format().folder);
    c.format().fixture.accept(folder);
    c.damage().accept(folder);
    Path runs = tmp.resolve("runs");
    Cli.Result r = run(c.format(), data, runs, "split: { kind: leave-last-out }");

    assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
    if (c.exit() == 2) {
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).startsWith("error: ").contains(folder.toAbsolutePath().toString());
      for (String e : c.expected()) assertThat(r.err()).contains(e);
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
      assertThat(!Files.exists(runs) || isEmpty(runs)).as("no run folder left").isTrue();
    } else {
      assertThat(r.code()).as(r.err()).isZero();
      String skipLine = r.err().lines().filter(l -> l.contains("skipped")).findFirst().orElse("");
      assertThat(skipLine).startsWith("warning: " + folder.toAbsolutePath());
      for (String e : c.expected()) assertThat(skipLine).contains(e);
    }
  }

  @ParameterizedTest(name = "clean {0}")
  @MethodSource("formats")
  void cleanFixturesRunWithoutSkipLines(Format f) throws IOException {
    Path data = tmp.resolve("data");
    f.fixture.accept(data.resolve(f.folder));
    Cli.Result r = run(f, data, tmp.resolve("runs"), "split: { kind: leave-last-out }");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("skipped");
    // Every one of the 40 users keeps a held-out rating; 40 < 100 earns the few-users warning.
    assertThat(r.err()).contains("warning: split leave-last-out evaluates only 40 of 40 users (fewer than 100)");
  }

  static Stream<Format> formats() {
    return Stream.of(Format.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("emptyTestSplits")
  void aSplitLeavingNoTestUsersIsExitTwoNamingItsKeys(String split, String expected) throws IOException {
    Path data = tmp.resolve("data");
    DataFixtures.movieLens100k(data.resolve("movielens-100k"));
    Path runs = tmp.resolve("runs");
    Cli.Result r = run(Format.ML100K, data, runs, split);
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains(expected);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(!Files.exists(runs) || isEmpty(runs)).isTrue();
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> emptyTestSplits() {
    return Stream.of(
        // round(0.000001 × 320) = 0 test events
        org.junit.jupiter.params.provider.Arguments.of("split: { kind: temporal, test_fraction: 0.000001 }",
            "split: kind temporal with split.test_fraction = 1.0E-6"),
        // every user has 8 ratings: a 9-core removes everyone, caught before the split is evaluated
        org.junit.jupiter.params.provider.Arguments.of("split: { kind: leave-last-out, k_core: 9 }",
            "corrupt.yaml: split.k_core: 9 leaves no training interactions"));
  }

  // ---- datasets verify reads what a run reads ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("verifyCases")
  void verifyLoadsLikeARun(String name, Consumer<Path> damage, String expected) {
    Path data = tmp.resolve("data");
    Path folder = data.resolve("amazon-reviews-5core");
    DataFixtures.amazon(folder, CATEGORY, true);
    damage.accept(folder);
    System.setProperty("interestlab.data", data.toString());
    Cli.Result r = Cli.lab("datasets", "verify", "amazon-reviews-5core", "--param", "category=" + CATEGORY);
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.out()).contains("PROBLEMS").contains(expected);
    assertThat(r.err()).doesNotContain("\tat ");
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> verifyCases() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("broken JSON line in the gz",
            gzBytes(b -> DataFixtures.gzip(DataFixtures.amazonText().replaceFirst("\n", "\n{oops\n").getBytes(StandardCharsets.UTF_8))),
            "UNREADABLE amazon-reviews-5core {category=" + CATEGORY + "}: "),
        org.junit.jupiter.params.provider.Arguments.of("empty gz", gzBytes(b -> new byte[0]), "not a gzip file"),
        org.junit.jupiter.params.provider.Arguments.of("bad CRC", gzBytes(b -> {
          byte[] c = b.clone();
          c[c.length - 8] ^= 0x5A;
          return c;
        }), "truncated or corrupt compressed file"),
        org.junit.jupiter.params.provider.Arguments.of("both json and gz",
            (Consumer<Path>) d -> DataFixtures.amazon(d, CATEGORY, false), "remove one"));
  }

  // ---- running the CLI in-process ----

  private Cli.Result run(Format f, Path data, Path runs, String split) throws IOException {
    Path config = tmp.resolve("corrupt.yaml");
    Files.writeString(config, String.join("\n",
        "name: corrupt",
        "seed: 1",
        "dataset: " + f.datasetSection(),
        split,
        "profile: { kind: text-concat }",
        "encoder: { kind: tfidf }",
        "recommenders:",
        "  - { kind: most-popular }",
        "metrics: [ndcg@10]",
        ""));
    System.setProperty("interestlab.data", data.toString());
    return Cli.lab("run", config.toString(), "--runs-dir", runs.toString(), "--quiet");
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> left = new ArrayList<>(s.toList());
      return left.isEmpty();
    }
  }
}
