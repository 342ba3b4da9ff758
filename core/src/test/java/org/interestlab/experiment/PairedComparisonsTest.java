package org.interestlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rows of significance.csv. Expected p-values from SciPy 1.10.1:
 * {@code ttest_rel(x1, b).pvalue = 0.03046629166217096}, {@code wilcoxon(x1, b).pvalue = 0.125} (exact, n = 4),
 * {@code ttest_rel(x2, b).pvalue = 0.1027280788583989}, {@code wilcoxon(x2, b).pvalue = 0.10880943004054568}
 * (a zero difference: normal approximation); Holm by hand.
 */
class PairedComparisonsTest {
  @Test
  void testsHolmAndTheCsvRows() {
    Map<String, double[]> values = new LinkedHashMap<>();
    values.put("x1", new double[] {0.1, 0.2, 0.3, 0.4});
    values.put("base", new double[] {0, 0, 0, 0});
    values.put("x2", new double[] {0.3, 0.1, 0.0, 0.2});
    List<PairedComparison> rows = PairedComparisons.compare("ndcg@10", values, "base");
    assertThat(rows).extracting(PairedComparison::recommender).containsExactly("x1", "x2");
    PairedComparison x1 = rows.get(0);
    PairedComparison x2 = rows.get(1);
    assertThat(x1.mean()).isEqualTo(0.25);
    assertThat(x1.baselineMean()).isZero();
    assertThat(x1.relDiff()).isNaN();
    assertThat(x1.tP()).isCloseTo(0.03046629166217096, within(1e-12));
    assertThat(x1.wilcoxonP()).isCloseTo(0.125, within(1e-12));
    assertThat(x2.tP()).isCloseTo(0.1027280788583989, within(1e-12));
    assertThat(x2.wilcoxonP()).isCloseTo(0.10880943004054568, within(1e-12));
    // t: 0.0305·2 = 0.0609, then max(0.0609, 0.1027·1) = 0.1027. Wilcoxon: 0.1088·2 = 0.2176, then max(0.2176, 0.125).
    assertThat(x1.tPHolm()).isCloseTo(2 * 0.03046629166217096, within(1e-12));
    assertThat(x2.tPHolm()).isCloseTo(0.1027280788583989, within(1e-12));
    assertThat(x1.wilcoxonPHolm()).isCloseTo(2 * 0.10880943004054568, within(1e-12));
    assertThat(x2.wilcoxonPHolm()).isCloseTo(2 * 0.10880943004054568, within(1e-12));
    assertThat(x1.users()).isEqualTo(4);

    List<String> csv = PairedComparisons.csv(rows).lines().toList();
    assertThat(csv.get(0)).isEqualTo(String.join(",", PairedComparisons.CSV_HEADER));
    assertThat(csv.get(1)).isEqualTo("ndcg@10,x1,base,0.25,0,0.25,,0.03046629166,0.125,0.06093258332,0.2176188601,4");
  }
}
