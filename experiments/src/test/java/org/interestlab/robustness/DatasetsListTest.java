package org.interestlab.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interestlab.data.DatasetCatalog;
import org.interestlab.experiment.ConfigLoader;
import org.interestlab.experiment.ExperimentConfig;
import org.interestlab.experiment.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every dataset {@code ./lab datasets list} shows comes with a {@code dataset:} section that a config accepts. */
class DatasetsListTest {
  @TempDir Path tmp;

  @Test
  void everyListedDatasetNamesAValidConfigSection() throws IOException {
    Cli.Result r = Cli.lab("datasets", "list");
    assertThat(r.code()).as(r.err()).isZero();
    Pattern section = Pattern.compile("^(\\S+)\\s+dataset: (\\{[^}]*})", Pattern.MULTILINE);
    Matcher m = section.matcher(r.out());
    List<String> names = DatasetCatalog.load().names();
    int seen = 0;
    while (m.find()) {
      seen++;
      // A parameter shown as "…" takes the catalogue's example value (e.g. category: Musical_Instruments).
      String dataset = m.group(2);
      for (DatasetCatalog.Parameter p : DatasetCatalog.load().get(m.group(1)).parameters().values()) {
        dataset = dataset.replace(p.name() + ": …", p.name() + ": " + p.example());
      }
      Path config = tmp.resolve(m.group(1) + ".yaml");
      Files.writeString(config, String.join("\n", "name: listed", "dataset: " + dataset, "split: { kind: leave-last-out }",
          "profile: { kind: text-concat }", "encoder: { kind: tfidf }", "recommenders:", "  - { kind: most-popular }",
          "metrics: [ndcg@10]", ""));
      ExperimentConfig c = new ConfigLoader(Registry.standard()).load(config, List.of());
      assertThat(c.dataset().kind()).as(m.group(1)).isNotBlank();
    }
    // synthetic-interests-zh is listed as { source: synthetic-interests, language: zh }, not as a source of its own.
    assertThat(seen).isEqualTo(names.size());
    assertThat(r.out()).contains("dataset: { source: synthetic-interests, language: zh }");
  }
}
