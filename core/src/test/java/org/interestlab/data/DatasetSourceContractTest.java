package org.interestlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.interestlab.UserException;
import org.interestlab.experiment.DatasetLoader;
import org.interestlab.experiment.LoadedDataset;
import org.interestlab.experiment.Stage;
import org.interestlab.testing.ConfiguredComponents;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered dataset source keeps, each built as a config builds it ({@link
 * ConfiguredComponents}) and loaded: users and items non-empty with unique ids, every interaction
 * and tag refers to an existing user and item, ground truth present exactly when the loader says so
 * (one class per user), loading twice gives equal data; with its files missing and downloads off,
 * a source either fails with a one-line user error naming the folder it looked in, or (a bundled
 * dataset generated from its seed) gives the same data as its files. A parameter value the source
 * does not allow is a one-line error naming the key.
 *
 * <p>The bundled dataset is read from the repository's {@code datasets/} folder. Real datasets are
 * loaded when {@code INTERESTLAB_DATA} (or {@code -Dinterestlab.data}) holds their files, else those
 * checks are skipped with a message saying where the files were looked for; the missing-files check
 * runs for every source either way. Nothing is downloaded.
 */
class DatasetSourceContractTest {
  /** Values for parameters without a default, by name: the category whose file is at hand. */
  private static final Map<String, Object> REQUIRED = Map.of("category", "Digital_Music");

  @TempDir Path tmp;

  static Stream<String> kinds() {
    return ConfiguredComponents.kinds(Stage.DATASET);
  }

  private static DatasetLoader build(String kind) {
    return ConfiguredComponents.build(Stage.DATASET, kind, ConfiguredComponents.declared(Stage.DATASET, kind, REQUIRED),
        DatasetLoader.class);
  }

  /** The first load of each kind, shared by the checks (loading is the slow part). */
  private static final Map<String, LoadedDataset> FIRST_LOAD = new HashMap<>();

  private static LoadedDataset firstLoad(String kind) {
    LoadedDataset d = FIRST_LOAD.get(kind);
    if (d == null) FIRST_LOAD.put(kind, d = loadOrSkip(kind));
    return d;
  }

  /** Loads with the repository as root, offline; skips (saying where it looked) when the files are not at hand. */
  private static LoadedDataset loadOrSkip(String kind) {
    String root = DatasetStore.repositoryRoot().toString();
    return withProperties(Map.of("interestlab.root", root, "interestlab.offline", "true"), () -> {
      try {
        return build(kind).load();
      } catch (DatasetUnavailableException e) {
        return abort(kind + ": files not at hand, set INTERESTLAB_DATA to load them — " + e.getMessage());
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void loadsUsersItemsAndEventsThatReferToThem(String kind) {
    DatasetLoader loader = build(kind);
    LoadedDataset loaded = firstLoad(kind);
    Dataset d = loaded.dataset();
    assertThat(d.numUsers()).isPositive();
    assertThat(d.numItems()).isPositive();
    assertThat(d.interactions()).isNotEmpty();
    assertUnique(d.users().stream().map(User::id).toList(), "user ids");
    assertUnique(d.items().stream().map(Item::id).toList(), "item ids");
    for (int u = 0; u < d.numUsers(); u++) assertThat(d.userIndex(d.users().get(u).id())).isEqualTo(u);
    for (int i = 0; i < d.numItems(); i++) assertThat(d.itemIndex(d.items().get(i).id())).isEqualTo(i);
    for (List<Interaction> events : List.of(d.interactions(), d.tags())) {
      for (Interaction x : events) {
        assertThat(x.user()).as("user of %s", x).isBetween(0, d.numUsers() - 1);
        assertThat(x.item()).as("item of %s", x).isBetween(0, d.numItems() - 1);
      }
    }
    assertThat(loaded.truthLabels() != null).as("ground truth as the loader announces it").isEqualTo(loader.hasGroundTruth());
    if (loaded.truthLabels() != null) assertThat(loaded.truthLabels()).hasSize(d.numUsers());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void loadingTwiceGivesEqualData(String kind) {
    LoadedDataset a = firstLoad(kind);
    LoadedDataset b = loadOrSkip(kind);
    assertThat(b).isNotSameAs(a);
    assertSameData(b, a);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void missingFilesAreAOneLineUserErrorNamingTheFolder(String kind) {
    Path empty = tmp.resolve("empty");
    Map<String, String> nowhere = Map.of("interestlab.data", empty.toString(), "interestlab.root", empty.toString(),
        "interestlab.offline", "true");
    LoadedDataset[] generated = new LoadedDataset[1];
    Throwable t = catchThrowable(() -> generated[0] = withProperties(nowhere, () -> build(kind).load()));
    if (t == null) {
      // The documented alternative: a bundled dataset generated from its seed, the same as its files.
      assertSameData(generated[0], firstLoad(kind));
      return;
    }
    assertThat(t).isInstanceOf(UserException.class);
    assertThat(t.getMessage()).doesNotContain("\n").contains(kind).contains(empty.toAbsolutePath().resolve(kind).toString());
  }


  private static void assertUnique(List<String> ids, String what) {
    Set<String> seen = new HashSet<>();
    for (String id : ids) assertThat(seen.add(id)).as("%s: '%s' occurs twice", what, id).isTrue();
  }

  private static void assertSameData(LoadedDataset actual, LoadedDataset expected) {
    Dataset a = actual.dataset();
    Dataset e = expected.dataset();
    assertThat(a.name()).isEqualTo(e.name());
    assertThat(a.users()).isEqualTo(e.users());
    assertThat(a.items()).isEqualTo(e.items());
    assertThat(a.interactions()).isEqualTo(e.interactions());
    assertThat(a.tags()).isEqualTo(e.tags());
    assertThat(actual.truthLabels()).isEqualTo(expected.truthLabels());
  }

  /** Runs with these system properties set, restoring the previous values afterwards. */
  private static <T> T withProperties(Map<String, String> props, Supplier<T> body) {
    Map<String, String> before = new LinkedHashMap<>();
    props.forEach((k, v) -> {
      before.put(k, System.getProperty(k));
      System.setProperty(k, v);
    });
    try {
      return body.get();
    } finally {
      before.forEach((k, v) -> {
        if (v == null) System.clearProperty(k);
        else System.setProperty(k, v);
      });
    }
  }
}
