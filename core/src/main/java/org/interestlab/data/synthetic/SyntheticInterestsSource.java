package org.interestlab.data.synthetic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.interestlab.UserException;
import org.interestlab.compute.CsvRow;
import org.interestlab.compute.CsvTable;
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
    Set<String> users = new HashSet<>();
    for (CsvRow r : CsvTable.read(folder.resolve(SyntheticInterests.USERS_FILE), SyntheticInterests.USERS_HEADER)) {
      String id = r.get("user_id");
      if (id.isEmpty() || !users.add(id)) throw r.invalid("user_id", "a non-empty id that no earlier row has");
      b.user(User.of(id));
    }
    Set<String> items = new HashSet<>();
    for (CsvRow r : CsvTable.read(folder.resolve(SyntheticInterests.ITEMS_FILE), SyntheticInterests.ITEMS_HEADER)) {
      String id = r.get("item_id");
      if (id.isEmpty() || !items.add(id)) throw r.invalid("item_id", "a non-empty id that no earlier row has");
      List<String> categories = r.get("categories").isEmpty() ? List.of() : List.of(r.get("categories").split(";", -1));
      b.item(new Item(id, r.get("title"), r.get("description"), categories));
    }
    for (CsvRow r : CsvTable.read(folder.resolve(SyntheticInterests.INTERACTIONS_FILE), SyntheticInterests.INTERACTIONS_HEADER)) {
      if (!users.contains(r.get("user_id"))) throw r.invalid("user_id", "a user_id of " + SyntheticInterests.USERS_FILE);
      if (!items.contains(r.get("item_id"))) throw r.invalid("item_id", "an item_id of " + SyntheticInterests.ITEMS_FILE);
      int rating = r.getInt("rating", "an integer 1..5");
      if (rating < 1 || rating > 5) throw r.invalid("rating", "an integer 1..5");
      long timestamp = r.getLong("timestamp", "an integer (Unix seconds)");
      b.interaction(r.get("user_id"), r.get("item_id"), rating, timestamp, r.get("review"));
    }
    return b.build();
  }
}
