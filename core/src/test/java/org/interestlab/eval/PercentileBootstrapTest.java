package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.interestlab.eval.PairedTestsScipyTest.doubles;
import static org.interestlab.eval.PairedTestsScipyTest.map;
import static org.interestlab.eval.PairedTestsScipyTest.num;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The percentile bootstrap against an independent Python implementation of the documented
 * procedure (SplitMix64 counts, numpy.quantile), committed in {@code eval/paired/paired_expected.json}.
 */
class PercentileBootstrapTest {
  static final Map<String, Object> CASES = map(PairedTestsScipyTest.EXPECTED.get("bootstrap"));

  static Stream<String> cases() {
    return CASES.keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTheIndependentPythonBootstrap(String name) {
    Map<String, Object> c = map(CASES.get(name));
    PercentileBootstrap b = new PercentileBootstrap(((Number) c.get("resamples")).intValue(), num(c.get("level")));
    ConfidenceInterval ci = b.interval(doubles(c.get("values")), Long.parseLong(String.valueOf(c.get("seed"))));
    double[] expected = doubles(c.get("interval"));
    assertThat(ci.lower()).as(name + " lower").isCloseTo(expected[0], within(1e-12));
    assertThat(ci.upper()).as(name + " upper").isCloseTo(expected[1], within(1e-12));
  }

  @Test
  void sameSeedSameIntervalOtherSeedAnother() {
    double[] v = new SplittableRandom(3).doubles(500).toArray();
    ConfidenceInterval a = PercentileBootstrap.DEFAULT.interval(v, 11);
    assertThat(PercentileBootstrap.DEFAULT.interval(v.clone(), 11)).isEqualTo(a);
    assertThat(PercentileBootstrap.DEFAULT.interval(v, 12)).isNotEqualTo(a);
  }

  @Test
  void columnsShareResamplesAndEachEqualsItsOwnInterval() {
    SplittableRandom r = new SplittableRandom(5);
    double[] x = r.doubles(300).toArray();
    double[] y = r.doubles(300).map(d -> d * d).toArray();
    List<ConfidenceInterval> both = PercentileBootstrap.DEFAULT.intervals(List.of(x, y), 99);
    assertThat(both.get(0)).isEqualTo(PercentileBootstrap.DEFAULT.interval(x, 99));
    assertThat(both.get(1)).isEqualTo(PercentileBootstrap.DEFAULT.interval(y, 99));
  }

  @Test
  void widthFollowsTheStandardErrorOfTheMean() {
    // Uniform(0,1): sd = 1/√12; the 95% interval of a mean of n is about 2·1.96·sd/√n wide.
    int n = 2000;
    double[] v = new SplittableRandom(8).doubles(n).toArray();
    ConfidenceInterval ci = PercentileBootstrap.DEFAULT.interval(v, 1);
    double mean = java.util.Arrays.stream(v).average().orElseThrow();
    double expectedWidth = 2 * 1.959964 / Math.sqrt(12.0 * n);
    assertThat(ci.upper() - ci.lower()).isCloseTo(expectedWidth, within(0.1 * expectedWidth));
    assertThat(mean).isBetween(ci.lower(), ci.upper());
  }

  @Test
  void edgeCases() {
    assertThat(PercentileBootstrap.DEFAULT.interval(new double[] {0.25, 0.25, 0.25}, 1)).isEqualTo(new ConfidenceInterval(0.25, 0.25));
    assertThat(PercentileBootstrap.DEFAULT.interval(new double[0], 1)).isEqualTo(ConfidenceInterval.UNDEFINED);
    assertThatThrownBy(() -> new PercentileBootstrap(1, 0.95)).hasMessageContaining("resamples");
    assertThatThrownBy(() -> new PercentileBootstrap(100, 1.0)).hasMessageContaining("level");
    assertThatThrownBy(() -> PercentileBootstrap.DEFAULT.interval(new double[] {Double.NaN}, 1)).hasMessageContaining("not finite");
  }

  @Test
  void quantileInterpolatesLikeNumpy() {
    double[] s = {1, 2, 4, 8};
    assertThat(PercentileBootstrap.quantile(s, 0.0)).isEqualTo(1);
    assertThat(PercentileBootstrap.quantile(s, 0.5)).isEqualTo(3);        // h = 1.5 → 2 + 0.5·2
    assertThat(PercentileBootstrap.quantile(s, 0.9)).isCloseTo(6.8, within(1e-12));   // h = 2.7 → 4 + 0.7·4
    assertThat(PercentileBootstrap.quantile(s, 1.0)).isEqualTo(8);
  }
}
