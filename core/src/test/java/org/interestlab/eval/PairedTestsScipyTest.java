package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The paired t-test, the Wilcoxon signed-rank test and Holm's correction against SciPy 1.10.1 and
 * numpy. Samples and expected values are committed in {@code src/test/resources/eval/paired/}
 * ({@code make_paired_expected.py} wrote them; Python is not needed to run this test).
 */
class PairedTestsScipyTest {
  static final Map<String, Object> EXPECTED = load("eval/paired/paired_expected.json");

  static Stream<String> cases() {
    return map(EXPECTED.get("paired")).keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tTestMatchesScipy(String name) {
    Map<String, Object> c = map(map(EXPECTED.get("paired")).get(name));
    double p = PairedTTest.test(doubles(c.get("a")), doubles(c.get("b"))).pValue();
    if (c.get("t_p") == null) assertThat(p).isNaN();
    else assertClose(p, num(c.get("t_p")), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void wilcoxonMatchesScipy(String name) {
    Map<String, Object> c = map(map(EXPECTED.get("paired")).get(name));
    PairedTestResult r = WilcoxonSignedRankTest.test(doubles(c.get("a")), doubles(c.get("b")));
    // Ties without zeros at n ≤ 50: the documented difference — the tie-corrected normal approximation.
    String key = name.startsWith("ties_no_zeros") ? "wilcoxon_approx_p" : "wilcoxon_p";
    assertClose(r.pValue(), num(c.get(key)), name);
    assertThat(r.method()).isEqualTo(name.startsWith("ties_no_zeros") || c.get("wilcoxon_mode").equals("approx") ? "normal" : "exact");
  }

  @Test
  void holmMatchesTheStepDownByHand() {
    Map<String, Object> h = map(EXPECTED.get("holm"));
    double[] adjusted = HolmCorrection.adjust(doubles(h.get("p")));
    double[] expected = doubles(h.get("adjusted"));
    for (int i = 0; i < expected.length; i++) assertThat(adjusted[i]).as("p[" + i + "]").isCloseTo(expected[i], within(1e-15));
    // Worked by hand: 0.01·3 = 0.03; 0.03·2 = 0.06; 0.04·1 = 0.04 → raised to the running max 0.06.
    assertThat(HolmCorrection.adjust(new double[] {0.01, 0.04, 0.03})).containsExactly(new double[] {0.03, 0.06, 0.06}, within(1e-15));
    assertThat(HolmCorrection.adjust(new double[] {0.6, Double.NaN, 0.2})).containsExactly(new double[] {0.6, Double.NaN, 0.4}, within(1e-15));
    assertThat(HolmCorrection.adjust(new double[0])).isEmpty();
  }

  @Test
  void exactDistributionByHand() {
    // n = 3: W+ ∈ {0,1,2,3,3,4,5,6} over the 8 sign patterns; W+ = 0 → P(W+ ≤ 0) = 1/8, doubled.
    assertThat(WilcoxonSignedRankTest.exactPValue(0, 3)).isEqualTo(0.25);
    assertThat(WilcoxonSignedRankTest.exactPValue(1, 3)).isEqualTo(0.5);   // 2·2/8
    assertThat(WilcoxonSignedRankTest.exactPValue(3, 3)).isEqualTo(1.0);   // the centre
    assertThat(WilcoxonSignedRankTest.exactPValue(6, 3)).isEqualTo(0.25);
  }

  @Test
  void identicalSystemsHaveNoEvidenceOfADifference() {
    double[] a = {0.1, 0.5, 0.0, 0.3};
    assertThat(PairedTTest.test(a, a.clone()).pValue()).isEqualTo(1.0);
    assertThat(WilcoxonSignedRankTest.test(a, a.clone()).pValue()).isEqualTo(1.0);
    assertThat(PairedTTest.test(new double[] {1, 2, 3}, new double[] {0, 1, 2}).pValue()).isZero();
  }

  @Test
  void mismatchedOrNonFiniteSamplesAreRejected() {
    assertThatThrownBy(() -> PairedTTest.test(new double[2], new double[3])).hasMessageContaining("differ in length");
    assertThatThrownBy(() -> WilcoxonSignedRankTest.test(new double[] {Double.NaN}, new double[1])).hasMessageContaining("not finite");
  }

  /** Within 1e-9 absolutely, and relatively for p-values far below 1e-9. */
  private static void assertClose(double actual, double expected, String what) {
    assertThat(actual).as(what).isCloseTo(expected, within(1e-9));
    if (expected < 1e-6) assertThat(actual).as(what + " (relative)").isCloseTo(expected, within(expected * 1e-9));
  }

  static Map<String, Object> load(String resource) {
    try (InputStream in = PairedTestsScipyTest.class.getClassLoader().getResourceAsStream(resource)) {
      return map(new Yaml().load(in));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  static double num(Object o) {
    return Double.parseDouble(String.valueOf(o));
  }

  static double[] doubles(Object list) {
    return ((List<?>) list).stream().mapToDouble(PairedTestsScipyTest::num).toArray();
  }
}
