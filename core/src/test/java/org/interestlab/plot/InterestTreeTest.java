package org.interestlab.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterestTreeTest {
  static final List<InterestTree.Node> NODES = List.of(
      new InterestTree.Node("0", null, 30, List.of("game", "quest", "raid", "rpg", "loot")),
      new InterestTree.Node("0.0", "0", 20, List.of("raid")),
      new InterestTree.Node("0.1", "0", 10, List.of("puzzle")),
      new InterestTree.Node("1", null, 12, List.of("film")));

  @Test
  void treemapHasARootAndEveryNodeWithItsParentSizeAndKeywords() {
    JsonNode t = FigureJson.parse(InterestTree.treemap(NODES)).get("data").get(0);
    assertThat(t.get("type").asText()).isEqualTo("treemap");
    assertThat(FigureJson.strings(t.get("ids"))).containsExactly("all", "0", "0.0", "0.1", "1");
    assertThat(FigureJson.strings(t.get("parents"))).containsExactly("", "all", "0", "0", "all");
    assertThat(FigureJson.doubles(t.get("values"))).containsExactly(42.0, 30.0, 20.0, 10.0, 12.0);
    assertThat(FigureJson.strings(t.get("labels")).get(1)).isEqualTo("0: game quest raid rpg");
    assertThat(t.get("branchvalues").asText()).isEqualTo("total");
  }

  @Test
  void sunburstAndBadParents() {
    assertThat(FigureJson.parse(InterestTree.sunburst(NODES)).get("data").get(0).get("type").asText()).isEqualTo("sunburst");
    assertThatThrownBy(() -> InterestTree.treemap(List.of(new InterestTree.Node("2.0", "2", 1, List.of()))))
        .hasMessageContaining("no parent '2'");
  }
}
