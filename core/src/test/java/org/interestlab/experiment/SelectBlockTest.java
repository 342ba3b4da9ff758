package org.interestlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.interestlab.params.Params;
import org.junit.jupiter.api.Test;

/**
 * A recommender's {@code select:} block gives the same candidates as listing the values in place; a
 * range expands to the grid worked out by hand below; every mistake is one line naming the key.
 */
class SelectBlockTest {
  static final String CONFIG = """
      name: select-block
      dataset: { source: synthetic-interests }
      split: { kind: ratio, train_ratio: 0.75 }
      profile: { kind: mean }
      encoder: { kind: tfidf }
      recommenders:
        - RECOMMENDER
      metrics: [ndcg@10]
      """;

  static ComponentConfig recommender(String yaml) {
    return new ConfigLoader(Registry.standard()).parse("c.yaml", CONFIG.replace("RECOMMENDER", yaml), List.of()).recommenders().get(0);
  }

  static List<Object> values(ComponentConfig c, String key) {
    return c.candidates().stream().map(Params::values).map(v -> v.get(key)).toList();
  }

  @Test
  void aLogRangeIsEvenlySpacedInLogarithmAndRoundedToSixDigits() {
    // 10^1, 10^1.5 = 31.6227766…, 10^2, 10^2.5 = 316.227766…, 10^3
    ComponentConfig c = recommender("{ kind: ease, select: { lambda: { from: 10, to: 1000, points: 5, scale: log } } }");
    assertThat(values(c, "lambda")).containsExactly(10.0, 31.6228, 100.0, 316.228, 1000.0);
    assertThat(c.selects()).isTrue();
  }

  @Test
  void aLinearRangeOfAnIntegerParameterIsRoundedAndDeduplicated() {
    // 10, 13.33, 16.67, 20 → 10, 13, 17, 20
    assertThat(values(recommender("{ kind: item-knn, select: { neighbours: { from: 10, to: 20, points: 4 } } }"), "neighbours"))
        .containsExactly(10, 13, 17, 20);
    // 1, 1.41, 2, 2.83, 4 → 1, 1, 2, 3, 4 → 1, 2, 3, 4
    assertThat(values(recommender("{ kind: item-knn, select: { neighbours: { from: 1, to: 4, points: 5, scale: log } } }"), "neighbours"))
        .containsExactly(1, 2, 3, 4);
  }

  @Test
  void listsInTheBlockAreTheSameChoiceAsListsInPlace() {
    ComponentConfig block = recommender("{ kind: item-knn, select: { neighbours: [5, 50], shrinkage: [0, 100] } }");
    ComponentConfig inPlace = recommender("{ kind: item-knn, neighbours: [5, 50], shrinkage: [0, 100] }");
    assertThat(block.candidates()).isEqualTo(inPlace.candidates()).hasSize(4);
  }

  @Test
  void mistakesNameTheKeyAndWhatIsAllowed() {
    assertError("{ kind: ease, lambda: 5, select: { lambda: [1, 2] } }", "c.yaml: recommenders[0].lambda: given both here and in select:");
    assertError("{ kind: ease, select: { lamda: [1, 2] } }", "c.yaml: recommenders[0].select.lamda: unknown key for kind 'ease' — allowed keys: lambda");
    assertError("{ kind: ease, select: [1, 2] }", "c.yaml: recommenders[0].select: a list — allowed: a mapping");
    assertError("{ kind: ease, select: { lambda: 5 } }", "c.yaml: recommenders[0].select.lambda: 5 — allowed: a non-empty list");
    assertError("{ kind: ease, select: { lambda: { from: 0, to: 10, points: 3, scale: log } } }",
        "c.yaml: recommenders[0].select.lambda.from: 0 — allowed: a number > 0 with scale: log");
    assertError("{ kind: ease, select: { lambda: { from: 1, to: 10, points: 1 } } }", "c.yaml: recommenders[0].select.lambda.points: 1 — allowed: an integer ≥ 2");
    assertError("{ kind: ease, select: { lambda: { from: 10, to: 1, points: 3 } } }", "c.yaml: recommenders[0].select.lambda.to: 1 — allowed: a number > from (10)");
    assertError("{ kind: ease, select: { lambda: { from: 1, to: 10, points: 3, scale: cubic } } }",
        "c.yaml: recommenders[0].select.lambda.scale: 'cubic' — allowed: linear, log");
    assertError("{ kind: ease, select: { lambda: { from: 1, to: 10, steps: 3 } } }",
        "c.yaml: recommenders[0].select.lambda.steps: unknown key — allowed keys: from, to, points, scale");
    assertError("{ kind: ease, select: { lambda: { to: 10, points: 3 } } }", "c.yaml: recommenders[0].select.lambda.from: missing — allowed: a number");
    // a range over a parameter that is not a number
    assertError("{ kind: als, select: { solver: { from: 1, to: 2, points: 2 } } }", "c.yaml: recommenders[0].select.solver: a range needs a numeric parameter");
    // the expanded values are still checked against the parameter's range
    assertError("{ kind: ease, select: { lambda: [-1, 5] } }", "c.yaml: recommenders[0].lambda");
  }

  static void assertError(String yaml, String start) {
    assertThatThrownBy(() -> recommender(yaml)).isInstanceOf(ConfigException.class).hasMessageStartingWith(start)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
