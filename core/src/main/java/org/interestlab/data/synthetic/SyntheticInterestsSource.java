package org.interestlab.data.synthetic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.interestlab.UserException;
import org.interestlab.data.Dataset;
import org.interestlab.data.DatasetSource;
import org.interestlab.data.DatasetUnavailableException;
import org.interestlab.data.Item;
import org.interestlab.data.User;
import org.interestlab.params.ComponentSpec;
import org.interestlab.params.ParamList;
import org.interestlab.params.ParamSpec;

/**
 * Loads the {@code synthetic-interests} files written by {@link SyntheticInterests#write}: users
 * from {@code users.csv} and items from {@code items.csv} in file order (so dense indices equal
 * those of {@link SyntheticInterests#generate}), then {@code interactions.csv}. The ground truth is
 * read separately with {@link GroundTruth#read}.
 *
 * <p>The English files ship in {@code datasets/synthetic-interests/}, the Chinese ones in
 * {@code datasets/synthetic-interests-zh/}; {@link #folderName()} tells which folder this source's
 * language uses. Both load as a dataset named {@code synthetic-interests}.
 *
 * <pre>{@code
 * Dataset data = new SyntheticInterestsSource().load(Path.of("datasets/synthetic-interests"));
 * Dataset zh = SyntheticInterestsSource.forLanguage("zh").load(Path.of("datasets/synthetic-interests-zh"));
 * }</pre>
 */
public final class SyntheticInterestsSource implements DatasetSource {
  /** The parameters, as a config names them, with their defaults. */
  public static final ParamList PARAMS = ParamList.of(
      ParamSpec.choice("language", "en", List.of("en", "zh"), "language of item and review texts"));

  /** The config's {@code dataset: { source: synthetic-interests }}. */
  public static final ComponentSpec<SyntheticInterestsSource> SPEC = new ComponentSpec<>(SyntheticInterests.NAME,
      "bundled synthetic users with known interests, drift and an emerging topic", PARAMS,
      (p, seed) -> forLanguage(p.getString("language")));

  private final String language;

  /** The English dataset. */
  public SyntheticInterestsSource() {
    this((String) PARAMS.spec("language").defaultValue());
  }

  private SyntheticInterestsSource(String language) {
    this.language = language;
  }

  /** The source for {@code en} or {@code zh}. */
  public static SyntheticInterestsSource forLanguage(String language) {
    return new SyntheticInterestsSource(PARAMS.check("language", language));
  }

  @Override
  public String name() {
    return SyntheticInterests.NAME;
  }

  public String language() {
    return language;
  }

  /** {@code synthetic-interests} or {@code synthetic-interests-zh}. */
  public String folderName() {
    return language.equals("en") ? SyntheticInterests.NAME : SyntheticInterests.NAME + "-" + language;
  }

  @Override
  public Dataset load(Path folder) {
    for (String f : List.of(SyntheticInterests.USERS_FILE, SyntheticInterests.ITEMS_FILE, SyntheticInterests.INTERACTIONS_FILE)) {
      if (!Files.isRegularFile(folder.resolve(f))) {
        throw new DatasetUnavailableException(SyntheticInterests.NAME + ": " + folder.resolve(f)
            + " is missing; regenerate the folder with `./lab datasets generate synthetic-interests"
            + (language.equals("en") ? "" : " --language " + language) + "`");
      }
    }
    Dataset.Builder b = Dataset.builder(SyntheticInterests.NAME);
    Path usersFile = folder.resolve(SyntheticInterests.USERS_FILE);
    Set<String> users = new HashSet<>();
    for (Csv.Row r : Csv.read(usersFile, SyntheticInterests.USERS_HEADER)) {
      if (r.get(0).isEmpty() || !users.add(r.get(0))) throw bad(usersFile, r, "empty or duplicate user_id '" + r.get(0) + "'");
      b.user(User.of(r.get(0)));
    }
    Path itemsFile = folder.resolve(SyntheticInterests.ITEMS_FILE);
    Set<String> items = new HashSet<>();
    for (Csv.Row r : Csv.read(itemsFile, SyntheticInterests.ITEMS_HEADER)) {
      if (r.get(0).isEmpty() || !items.add(r.get(0))) throw bad(itemsFile, r, "empty or duplicate item_id '" + r.get(0) + "'");
      List<String> categories = r.get(3).isEmpty() ? List.of() : List.of(r.get(3).split(";", -1));
      b.item(new Item(r.get(0), r.get(1), r.get(2), categories));
    }
    Path interactionsFile = folder.resolve(SyntheticInterests.INTERACTIONS_FILE);
    for (Csv.Row r : Csv.read(interactionsFile, SyntheticInterests.INTERACTIONS_HEADER)) {
      if (!users.contains(r.get(0))) throw bad(interactionsFile, r, "user_id '" + r.get(0) + "' is not in users.csv");
      if (!items.contains(r.get(1))) throw bad(interactionsFile, r, "item_id '" + r.get(1) + "' is not in items.csv");
      int rating;
      long timestamp;
      try {
        rating = Integer.parseInt(r.get(2));
      } catch (NumberFormatException e) {
        throw bad(interactionsFile, r, "rating '" + r.get(2) + "' is not an integer");
      }
      if (rating < 1 || rating > 5) throw bad(interactionsFile, r, "rating " + rating + " is outside 1..5");
      try {
        timestamp = Long.parseLong(r.get(3));
      } catch (NumberFormatException e) {
        throw bad(interactionsFile, r, "timestamp '" + r.get(3) + "' is not an integer (Unix seconds)");
      }
      b.interaction(r.get(0), r.get(1), rating, timestamp, r.get(4));
    }
    return b.build();
  }

  private static UserException bad(Path file, Csv.Row r, String what) {
    return new UserException(file + ":" + r.line() + ": " + what);
  }
}
