package org.interestlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.interestlab.params.ParameterException;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {

  /**
   * One component is a single Gaussian: mean 2.5 and (population) variance 1.25 (+ reg_covar) of
   * {1, 2, 3, 4}; log L = Σ log N(x | 2.5, 1.25), BIC = −2 log L + 2 ln 4 (one mean, one variance).
   */
  @Test
  void oneComponentIsTheSampleGaussian() {
    Embeddings x = Embeddings.of(new float[][] {{1}, {2}, {3}, {4}});
    FittedGaussianMixture g = new GaussianMixture(1, 1e-3, 1e-6, 100, 1, 0L).fitModel(x);
    assertThat(g.means()[0][0]).isCloseTo(2.5, within(1e-12));
    double var = 1.25 + 1e-6;
    assertThat(g.variances()[0][0]).isCloseTo(var, within(1e-12));
    assertThat(g.weights()).containsExactly(new double[] {1.0}, within(1e-12));
    double ll = 0;
    for (double v : new double[] {1, 2, 3, 4}) ll += -0.5 * Math.log(2 * Math.PI * var) - (v - 2.5) * (v - 2.5) / (2 * var);
    assertThat(g.logLikelihood(x)).isCloseTo(ll, within(1e-9));
    assertThat(g.score(x)).isCloseTo(ll / 4, within(1e-9));
    assertThat(g.numParameters()).isEqualTo(2);
    assertThat(g.bic(x)).isCloseTo(-2 * ll + 2 * Math.log(4), within(1e-9));
    assertThat(g.aic(x)).isCloseTo(-2 * ll + 4, within(1e-9));
    assertThat(g.labels()).containsExactly(0, 0, 0, 0);
  }

  /** Two far-apart groups: each component takes one, with half the weight. */
  @Test
  void twoSeparatedGroups() {
    float[][] pts = new float[20][];
    for (int i = 0; i < 20; i++) pts[i] = new float[] {(i < 10 ? 0 : 100) + (i % 5) * 0.1f, (i % 3) * 0.1f};
    Embeddings x = Embeddings.of(pts);
    FittedGaussianMixture g = new GaussianMixture(2, 1e-6, 1e-6, 100, 2, 4L).fitModel(x);
    int[] l = g.labels();
    for (int i = 1; i < 10; i++) assertThat(l[i]).isEqualTo(l[0]);
    for (int i = 11; i < 20; i++) assertThat(l[i]).isEqualTo(l[10]);
    assertThat(l[0]).isNotEqualTo(l[10]);
    double[] w = g.weights();
    Arrays.sort(w);
    assertThat(w).containsExactly(new double[] {0.5, 0.5}, within(1e-9));
    assertThat(g.converged()).isTrue();
    assertThat(g.predict(x)).containsExactly(l);
  }

  @Test
  void collapsedVarianceWithoutRegularisationIsAUserError() {
    float[][] same = new float[6][];
    Arrays.fill(same, new float[] {2, 2});
    assertThatThrownBy(() -> new GaussianMixture(1, 1e-3, 0, 100, 1, 0L).fit(Embeddings.of(same)))
        .isInstanceOf(UserException.class).hasMessageContaining("raise reg_covar");
    // With the default regularisation the same points are one tight component.
    assertThat(GaussianMixture.of(1).fit(Embeddings.of(same)).labels()).containsOnly(0);
  }

  @Test
  void badParameters() {
    assertThatThrownBy(() -> new GaussianMixture(0, 1e-3, 1e-6, 100, 1, 0L)).isInstanceOf(ParameterException.class)
        .hasMessage("k: 0 is out of range — allowed: an integer ≥ 1 and ≤ 100000");
    assertThatThrownBy(() -> new GaussianMixture(2, -1, 1e-6, 100, 1, 0L)).hasMessage("tol: -1.0 is out of range — allowed: a number ≥ 0");
    assertThatThrownBy(() -> new GaussianMixture(2, 1e-3, -1, 100, 1, 0L)).hasMessage("reg_covar: -1.0 is out of range — allowed: a number ≥ 0");
    assertThatThrownBy(() -> new GaussianMixture(2, 1e-3, 1e-6, 0, 1, 0L))
        .hasMessage("max_iter: 0 is out of range — allowed: an integer ≥ 1 and ≤ 100000");
  }
}
