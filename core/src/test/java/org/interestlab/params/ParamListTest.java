package org.interestlab.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.UserException;
import org.junit.jupiter.api.Test;

/** Declarations judge values from Java and from a config alike, in one exception type and one wording. */
class ParamListTest {
  private static final ParamList PARAMS = ParamList.of(
      ParamSpec.integer("k", 12, 1, 1000, "clusters"),
      ParamSpec.real("tol", 1e-4, 0, 1, false, "tolerance"),
      ParamSpec.openInterval("fraction", 0.2, 0, 1, "share"),
      ParamSpec.choice("init", "k-means++", List.of("k-means++", "random"), "seeding"),
      ParamSpec.string("path", null, "a folder"));

  @Test
  void resolveFillsDefaultsInDeclarationOrder() {
    Params p = PARAMS.resolve("x", Map.of("path", "/m", "k", 3));
    assertThat(p.values().keySet()).containsExactly("k", "tol", "fraction", "init", "path");
    assertThat(p.getInt("k")).isEqualTo(3);
    assertThat(p.getDouble("tol")).isEqualTo(1e-4);
    assertThat(p.getString("init")).isEqualTo("k-means++");
  }

  @Test
  void defaultsLeaveRequiredValuesEmpty() {
    Params d = PARAMS.defaults();
    assertThat(d.getInt("k")).isEqualTo(12);
    assertThat(d.has("path")).isFalse();
  }

  @Test
  void badValuesNameTheKeyTheValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> PARAMS.resolve("x", Map.of("path", "/m", "k", 0))).isInstanceOf(ParameterException.class)
        .isInstanceOf(UserException.class).hasMessage("k: 0 is out of range — allowed: an integer ≥ 1 and ≤ 1000");
    assertThatThrownBy(() -> PARAMS.resolve("x", Map.of("path", "/m", "k", "three")))
        .hasMessage("k: 'three' is not an integer — allowed: an integer ≥ 1 and ≤ 1000");
    assertThatThrownBy(() -> PARAMS.resolve("x", Map.of("path", "/m", "fraction", 1)))
        .hasMessage("fraction: 1 is out of range — allowed: a number > 0 and < 1");
    assertThatThrownBy(() -> PARAMS.resolve("x", Map.of("path", "/m", "init", "smart")))
        .hasMessage("init: 'smart' is not allowed — allowed: one of k-means++, random");
    assertThatThrownBy(() -> PARAMS.resolve("x", Map.of())).hasMessage("path: missing — required for 'x', allowed: a string");
    assertThatThrownBy(() -> PARAMS.resolve("x", Map.of("kk", 1)))
        .hasMessage("kk: unknown key for 'x' — allowed keys: k, tol, fraction, init, path");
    Map<String, Object> empty = new LinkedHashMap<>();
    empty.put("tol", null);
    assertThatThrownBy(() -> PARAMS.resolve("x", empty)).hasMessage("tol: empty value — allowed: a number ≥ 0 and ≤ 1");
  }

  @Test
  void javaValuesAreCheckedAgainstTheSameDeclarations() {
    assertThat(PARAMS.check("k", 5)).isEqualTo(5);
    assertThat(PARAMS.check("fraction", 0.5)).isEqualTo(0.5);
    ParameterException e = (ParameterException) org.assertj.core.api.Assertions.catchThrowable(() -> PARAMS.check("tol", -0.5));
    assertThat(e).hasMessage("tol: -0.5 is out of range — allowed: a number ≥ 0 and ≤ 1");
    assertThat(e.key()).isEqualTo("tol");
    assertThat(e.value()).isEqualTo("-0.5");
    assertThat(e.detail()).isEqualTo("-0.5 is out of range — allowed: a number ≥ 0 and ≤ 1");
    assertThatThrownBy(() -> PARAMS.check("tol", Double.NaN)).hasMessageStartingWith("tol: NaN is out of range");
    assertThatThrownBy(() -> PARAMS.check("fraction", 0.0)).hasMessage("fraction: 0.0 is out of range — allowed: a number > 0 and < 1");
    assertThatThrownBy(() -> PARAMS.check("init", (String) null)).hasMessage("init: empty value — allowed: one of k-means++, random");
    // A name that is not declared is a bug in the component, not a user error.
    assertThatThrownBy(() -> PARAMS.check("kk", 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNameCannotBeDeclaredTwice() {
    assertThatThrownBy(() -> PARAMS.and(ParamSpec.integer("k", 1, 1, 2, ""))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k is declared twice");
  }

  @Test
  void integerOrAllTakesANumberInRangeOrTheWordAll() {
    ParamList list = ParamList.of(ParamSpec.integerOrAll("neighbours", 50, 1, 1000, "neighbours kept"));
    assertThat(list.resolve("x", Map.of()).getIntOrAll("neighbours")).isEqualTo(50);
    assertThat(list.resolve("x", Map.of("neighbours", 7)).getIntOrAll("neighbours")).isEqualTo(7);
    Params all = list.resolve("x", Map.of("neighbours", "all"));
    assertThat(all.values().get("neighbours")).as("a resolved config shows the word").isEqualTo("all");
    assertThat(all.getIntOrAll("neighbours")).isEqualTo(Integer.MAX_VALUE);
    assertThat(list.check("neighbours", ParamSpec.ALL_AS_INT)).as("Java's way of saying all").isEqualTo(Integer.MAX_VALUE);
    assertThatThrownBy(() -> list.resolve("x", Map.of("neighbours", 0)))
        .hasMessage("neighbours: 0 is out of range — allowed: an integer ≥ 1 and ≤ 1000, or all");
    assertThatThrownBy(() -> list.resolve("x", Map.of("neighbours", "every")))
        .hasMessage("neighbours: 'every' is neither an integer nor all — allowed: an integer ≥ 1 and ≤ 1000, or all");
    assertThatThrownBy(() -> list.resolve("x", Map.of("neighbours", 2.5)))
        .hasMessage("neighbours: 2.5 is neither an integer nor all — allowed: an integer ≥ 1 and ≤ 1000, or all");
    assertThatThrownBy(() -> list.check("neighbours", 1001)).isInstanceOf(ParameterException.class);
    assertThatThrownBy(() -> ParamSpec.integerOrAll("n", "every", 1, 10, "")).isInstanceOf(IllegalArgumentException.class);
  }
}
