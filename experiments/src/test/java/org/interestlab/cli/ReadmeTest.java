package org.interestlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interestlab.params.ComponentSpec;
import org.interestlab.experiment.ConfigSections;
import org.interestlab.params.ParamSpec;
import org.interestlab.experiment.Registry;
import org.interestlab.experiment.Stage;
import org.junit.jupiter.api.Test;

/**
 * The README documents every component a config can name, with its parameters: its component table
 * ({@code | stage | kind | what | parameters |}) is parsed, and each registered kind must have a row
 * under its stage listing each parameter by name (a row may say "the same as `other-kind`"); every
 * kind the table names must be registered, and every {@code `name: default`} it shows must be a
 * parameter of that kind with that default.
 */
class ReadmeTest {
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  /** One row of the component table: the parameter names and the defaults shown as {@code `name: value`}. */
  record Row(Set<String> names, Map<String, String> defaults, Set<String> references) {}

  private static String readme() throws IOException {
    Path root = Path.of(System.getProperty("interestlab.root", "..")).toAbsolutePath().normalize();
    return Files.readString(root.resolve("README.md"));
  }

  /** stage key → kind → its row, from the table under the header {@code | stage | kind | what | parameters |}. */
  static Map<String, Map<String, Row>> componentTable(String readme) {
    List<String> lines = readme.lines().toList();
    int header = lines.indexOf("| stage | kind | what | parameters |");
    assertThat(header).as("the README's component table header").isNotNegative();
    Map<String, Map<String, Row>> table = new LinkedHashMap<>();
    String stage = null;
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      // A cell may hold an escaped pipe (`k-means\|\|`, as GitHub's tables need it): not a cell border.
      String[] cells = lines.get(i).substring(1).split("(?<!\\\\)\\|", -1);
      assertThat(cells.length).as("cells in README line %d", i + 1).isGreaterThanOrEqualTo(4);
      String stageCell = cells[0].strip();
      if (!stageCell.isEmpty()) stage = stageCell.split("[ (]")[0].toLowerCase(Locale.ROOT);
      Row row = new Row(new LinkedHashSet<>(), new LinkedHashMap<>(), new LinkedHashSet<>());
      for (String token : code(cells[3])) {
        int colon = token.indexOf(':');
        String name = (colon < 0 ? token : token.substring(0, colon)).strip();
        row.names().add(name);
        if (colon >= 0) row.defaults().put(name, token.substring(colon + 1).strip());
        else row.references().add(name);
      }
      for (String kind : code(cells[1])) table.computeIfAbsent(stage, s -> new LinkedHashMap<>()).put(kind, row);
    }
    return table;
  }

  private static List<String> code(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  /** The row's names, plus those of the rows it refers to ("the same as `minilm-l6`"). */
  private static Set<String> documentedNames(Map<String, Row> stageRows, Row row) {
    Set<String> names = new LinkedHashSet<>(row.names());
    for (String ref : row.references()) if (stageRows.containsKey(ref) && stageRows.get(ref) != row) names.addAll(stageRows.get(ref).names());
    return names;
  }

  @Test
  void everyRegisteredKindAndParameterIsDocumented() throws IOException {
    Map<String, Map<String, Row>> table = componentTable(readme());
    Registry r = Registry.standard();
    for (Stage stage : Stage.values()) {
      Map<String, Row> rows = table.getOrDefault(stage.key(), Map.of());
      for (ComponentSpec<?> spec : r.specs(stage).values()) {
        assertThat(rows).as("README component table: %s kind %s", stage.key(), spec.kind()).containsKey(spec.kind());
        Set<String> names = documentedNames(rows, rows.get(spec.kind()));
        for (ParamSpec p : spec.params()) assertThat(names).as("README row of %s kind %s", stage.key(), spec.kind()).contains(p.name());
      }
    }
  }

  @Test
  void everyDocumentedKindAndDefaultIsRegisteredAsShown() throws IOException {
    Registry r = Registry.standard();
    componentTable(readme()).forEach((stageKey, rows) -> {
      Stage stage = Stage.valueOf(stageKey.equals("recommenders") ? "RECOMMENDER" : stageKey.toUpperCase(Locale.ROOT));
      rows.forEach((kind, row) -> {
        ComponentSpec<?> spec = r.spec(stage, kind);
        assertThat(spec).as("README names %s kind %s", stageKey, kind).isNotNull();
        row.defaults().forEach((name, shown) -> {
          ParamSpec p = spec.param(name);
          assertThat(p).as("README shows %s.%s for kind %s", stageKey, name, kind).isNotNull();
          assertThat(sameValue(p.defaultValue(), shown)).as("README default of %s.%s: %s, registered: %s", kind, name, shown, p.defaultValue())
              .isTrue();
        });
      });
    });
  }

  private static boolean sameValue(Object registered, String shown) {
    if (registered instanceof Number n) {
      try {
        return Double.parseDouble(shown) == n.doubleValue();
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return String.valueOf(registered).equals(shown);
  }

  @Test
  void everyConfigSectionAndItsParametersAreDocumented() throws IOException {
    String readme = readme();
    ConfigSections.SPECS.forEach((section, params) -> {
      assertThat(readme).as("section " + section).contains("`" + section + ":`");
      for (ParamSpec p : params) assertThat(readme).as(section + "." + p.name()).contains("`" + p.name() + "`");
    });
  }
}
