package org.interestlab.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.interestlab.UserException;
import org.interestlab.data.Dataset;
import org.interestlab.data.DatasetUnavailableException;
import org.interestlab.data.synthetic.SyntheticInterests.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV details, writing into an existing folder, and the errors a user can cause. */
class SyntheticInterestsFilesTest {
  private static final Params SMALL = Params.defaults().withSize(60, 100);

  @Test
  void numbersAreFormattedWithoutLocaleOrDoubleToString() {
    assertThat(SyntheticInterests.formatHundredths(5)).isEqualTo("0.05");
    assertThat(SyntheticInterests.formatHundredths(100)).isEqualTo("1.00");
    assertThat(SyntheticInterests.decimal(0.1)).isEqualTo("0.1");
    assertThat(SyntheticInterests.decimal(0.25)).isEqualTo("0.25");
    assertThat(SyntheticInterests.decimal(3.0)).isEqualTo("3");
    assertThat(SyntheticInterests.fixed(8.73, 1)).isEqualTo("8.7");
  }

  @Test
  void writingOverAnExistingFolderReplacesTheFilesAndLeavesNoTemporaryFolder(@TempDir Path tmp) throws IOException {
    Path folder = tmp.resolve("out");
    SyntheticInterests.write(SyntheticInterests.generate(SMALL.withSeed(1)), folder);
    SyntheticData second = SyntheticInterests.generate(SMALL.withSeed(2));
    Files.writeString(folder.resolve("notes.txt"), "mine");
    SyntheticInterests.write(second, folder);
    Dataset loaded = new SyntheticInterestsSource().load(folder);
    assertThat(loaded.interactions()).isEqualTo(second.dataset().interactions());
    assertThat(GroundTruth.read(folder)).isEqualTo(second.truth());
    assertThat(Files.readString(folder.resolve("notes.txt"))).isEqualTo("mine");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("out");
    }
  }

  @Test
  void mainWritesTheFolder(@TempDir Path tmp) {
    Path folder = tmp.resolve("zh");
    SyntheticInterests.main(new String[] {folder.toString(), "--language", "zh", "--seed", "42"});
    assertThat(folder.resolve("interactions.csv")).exists();
    assertThat(GroundTruth.read(folder).topicName(0)).isEqualTo("旅游");
  }

  @Test
  void aMissingFolderSaysHowToRegenerate(@TempDir Path tmp) {
    assertThatThrownBy(() -> new SyntheticInterestsSource().load(tmp.resolve("nothing")))
        .isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("users.csv").hasMessageContaining("./lab datasets generate synthetic-interests");
    assertThatThrownBy(() -> GroundTruth.read(tmp)).isInstanceOf(DatasetUnavailableException.class)
        .hasMessageContaining("truth_topics.csv");
  }

  @Test
  void malformedFilesNameTheFileAndLine(@TempDir Path tmp) throws IOException {
    Path folder = tmp.resolve("d");
    SyntheticInterests.write(SyntheticInterests.generate(SMALL), folder);
    Path interactions = folder.resolve("interactions.csv");
    List<String> lines = Files.readAllLines(interactions, StandardCharsets.UTF_8);
    String[] f = lines.get(2).split(",", 5);
    lines.set(2, f[0] + "," + f[1] + ",seven," + f[3] + "," + f[4]);
    Files.write(interactions, lines, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new SyntheticInterestsSource().load(folder)).isInstanceOf(UserException.class)
        .hasMessageContaining("interactions.csv: line 3, column rating: 'seven' — allowed: an integer 1..5");

    lines.set(2, "u9999," + f[1] + ",3," + f[3] + ",");
    Files.write(interactions, lines, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new SyntheticInterestsSource().load(folder)).isInstanceOf(UserException.class)
        .hasMessageContaining("interactions.csv: line 3, column user_id: 'u9999' — allowed: a user_id of users.csv");

    Files.writeString(folder.resolve("users.csv"), "id\nu0001\n");
    assertThatThrownBy(() -> new SyntheticInterestsSource().load(folder)).isInstanceOf(UserException.class)
        .hasMessageContaining("users.csv: line 1: header is 'id' — expected 'user_id'");

    Path truthUsers = folder.resolve("truth_users.csv");
    List<String> t = Files.readAllLines(truthUsers, StandardCharsets.UTF_8);
    t.set(1, "u0001,astrology,1.00,travel,travel,,,,");
    Files.write(truthUsers, t, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> GroundTruth.read(folder)).isInstanceOf(UserException.class)
        .hasMessageContaining("truth_users.csv: line 2, column interests: unknown topic 'astrology'");
  }

  @Test
  void theSourceIsNamedSyntheticInterests() {
    assertThat(new SyntheticInterestsSource().name()).isEqualTo("synthetic-interests");
    assertThat(SyntheticInterestsSource.forLanguage("zh").name()).isEqualTo("synthetic-interests");
    assertThat(SyntheticInterestsSource.forLanguage("zh").folderName()).isEqualTo("synthetic-interests-zh");
    assertThat(new SyntheticInterestsSource().folderName()).isEqualTo("synthetic-interests");
    assertThatThrownBy(() -> SyntheticInterestsSource.forLanguage("de")).isInstanceOf(UserException.class);
  }
}
