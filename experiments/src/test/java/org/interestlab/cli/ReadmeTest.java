package org.interestlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.interestlab.params.ComponentSpec;
import org.interestlab.experiment.ConfigSections;
import org.interestlab.params.ParamSpec;
import org.interestlab.experiment.Registry;
import org.interestlab.experiment.Stage;
import org.junit.jupiter.api.Test;

/** The README documents every component a config can name, with its parameters. */
class ReadmeTest {
  @Test
  void everyRegisteredKindAndParameterIsDocumented() throws IOException {
    Path root = Path.of(System.getProperty("interestlab.root", "..")).toAbsolutePath().normalize();
    String readme = Files.readString(root.resolve("README.md"));
    Registry r = Registry.standard();
    for (Stage stage : Stage.values()) {
      for (ComponentSpec<?> spec : r.specs(stage).values()) {
        assertThat(readme).as(stage.key() + " kind " + spec.kind()).contains("`" + spec.kind() + "`");
        for (ParamSpec p : spec.params()) {
          assertThat(readme).as(spec.kind() + "." + p.name()).contains("`" + p.name());
        }
      }
    }
  }

  @Test
  void everyConfigSectionAndItsParametersAreDocumented() throws IOException {
    Path root = Path.of(System.getProperty("interestlab.root", "..")).toAbsolutePath().normalize();
    String readme = Files.readString(root.resolve("README.md"));
    ConfigSections.SPECS.forEach((section, params) -> {
      assertThat(readme).as("section " + section).contains("`" + section + ":`");
      for (ParamSpec p : params) assertThat(readme).as(section + "." + p.name()).contains("`" + p.name() + "`");
    });
  }
}
