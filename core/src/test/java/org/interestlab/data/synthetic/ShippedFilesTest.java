package org.interestlab.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;
import org.interestlab.data.synthetic.SyntheticInterests.Params;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files shipped in {@code datasets/synthetic-interests/} (and {@code -zh/}) are exactly what the
 * generator writes from the default parameters, and loading them gives the generated dataset.
 */
class ShippedFilesTest {

  static Path shipped(String folderName) {
    // Surefire runs in core/; the datasets folder is at the repository root.
    for (Path base : List.of(Path.of(".."), Path.of("."))) {
      Path p = base.resolve("datasets").resolve(folderName);
      if (Files.isDirectory(p)) return p.toAbsolutePath().normalize();
    }
    throw new AssertionError("datasets/" + folderName + " not found from " + Path.of("").toAbsolutePath());
  }

  private static Params params(String language) {
    return Params.defaults().withLanguage(language);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh"})
  void regeneratingReproducesEveryShippedFileByteForByte(String language, @TempDir Path tmp) throws IOException {
    Path folder = shipped(params(language).folderName());
    Path fresh = tmp.resolve(params(language).folderName());
    SyntheticInterests.write(SyntheticInterests.generate(params(language)), fresh);
    TreeSet<String> shippedNames = names(folder);
    assertThat(shippedNames).isEqualTo(new TreeSet<>(SyntheticInterests.FILES));
    assertThat(names(fresh)).isEqualTo(shippedNames);
    long total = 0;
    for (String name : shippedNames) {
      byte[] expected = Files.readAllBytes(folder.resolve(name));
      byte[] actual = Files.readAllBytes(fresh.resolve(name));
      assertThat(actual).as(name + " differs from the shipped file: regenerate with "
          + "SyntheticInterests.main(\"datasets/" + params(language).folderName() + "\")").isEqualTo(expected);
      String text = new String(expected, StandardCharsets.UTF_8);
      assertThat(text).doesNotContain("\r").endsWith("\n");
      assertThat(text.charAt(0)).isNotEqualTo('\uFEFF');
      total += expected.length;
    }
    assertThat(total).isLessThanOrEqualTo(10L * 1024 * 1024);
    // No temporary folder is left next to the output.
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly(params(language).folderName());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh"})
  void loadingTheShippedFilesGivesTheGeneratedDataset(String language) throws IOException {
    Path folder = shipped(params(language).folderName());
    SyntheticData generated = SyntheticInterests.generate(params(language));
    Dataset loaded = SyntheticInterestsSource.forLanguage(language).load(folder);

    assertThat(loaded.name()).isEqualTo("synthetic-interests");
    assertThat(loaded.numUsers()).isEqualTo(3000);
    assertThat(loaded.numItems()).isEqualTo(1000);
    assertThat(loaded.users()).isEqualTo(generated.dataset().users());
    assertThat(loaded.items()).isEqualTo(generated.dataset().items());
    assertThat(loaded.interactions()).isEqualTo(generated.dataset().interactions());

    // Spot values read straight from the raw text, without the CSV reader.
    List<String> userLines = Files.readAllLines(folder.resolve("users.csv"), StandardCharsets.UTF_8);
    assertThat(userLines).hasSize(3001);
    assertThat(userLines.get(0)).isEqualTo("user_id");
    for (int i = 1; i <= 3000; i++) assertThat(loaded.userIndex(userLines.get(i))).isEqualTo(i - 1);
    List<String> interactionLines = Files.readAllLines(folder.resolve("interactions.csv"), StandardCharsets.UTF_8);
    assertThat(interactionLines.get(0)).isEqualTo("user_id,item_id,rating,timestamp,review");
    String[] first = interactionLines.get(1).split(",", 5);
    Interaction e = loaded.interactions().get(0);
    assertThat(loaded.users().get(e.user()).id()).isEqualTo(first[0]);
    assertThat(loaded.items().get(e.item()).id()).isEqualTo(first[1]);
    assertThat(e.rating()).isEqualTo(Double.parseDouble(first[2]));
    assertThat(e.timestamp()).isEqualTo(Long.parseLong(first[3]));
    assertThat(Files.readAllLines(folder.resolve("items.csv"), StandardCharsets.UTF_8).get(0))
        .isEqualTo("item_id,title,description,categories");

    GroundTruth truth = GroundTruth.read(folder);
    assertThat(truth).isEqualTo(generated.truth());
    int[] primary = truth.primaryInterest(loaded);
    for (int u = 0; u < loaded.numUsers(); u += 97) {
      assertThat(primary[u]).isEqualTo(truth.user(loaded.users().get(u).id()).primaryYear());
    }
    List<String> truthUserLines = Files.readAllLines(folder.resolve("truth_users.csv"), StandardCharsets.UTF_8);
    assertThat(truthUserLines).hasSize(3001);
    assertThat(truthUserLines.get(0))
        .isEqualTo("user_id,interests,weights,primary_year,primary_final,drift_timestamp,drift_date,drift_from,drift_to");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "zh"})
  void readmeDocumentsEveryParameterAndFile(String language) throws IOException {
    Path folder = shipped(params(language).folderName());
    String readme = Files.readString(folder.resolve("README.md"), StandardCharsets.UTF_8);
    for (Map.Entry<String, String> p : params(language).describe().entrySet()) {
      assertThat(readme).contains("| `" + p.getKey() + "` | " + p.getValue() + " |");
    }
    for (String f : SyntheticInterests.FILES) {
      if (!f.equals("README.md")) assertThat(readme).contains("| `" + f + "` | " + Files.size(folder.resolve(f)) + " |");
    }
    assertThat(readme).contains("./lab datasets generate synthetic-interests");
  }

  private static TreeSet<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
    }
  }
}
