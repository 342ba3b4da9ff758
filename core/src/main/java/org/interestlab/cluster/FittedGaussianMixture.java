package org.interestlab.cluster;

import org.interestlab.compute.Embeddings;

/**
 * A fitted diagonal Gaussian mixture: component weights, means and variances, the lower bound
 * (mean log-likelihood per point at the last E-step, scikit-learn's {@code lower_bound_}), the
 * iterations run, whether EM converged, and the training labels (argmax responsibility).
 *
 * <p>{@link #logLikelihood} is the total log-likelihood Σ_i log Σ_c w_c N(x_i | μ_c, Σ_c) (scikit-learn's
 * {@code score(X) × n}); {@link #bic} = −2 log L + p ln n with p = 2 k d + k − 1 free parameters
 * (Schwarz, "Estimating the dimension of a model", Annals of Statistics 6(2), 1978), lower is
 * better.
 */
public final class FittedGaussianMixture {
  private final double[] weights;
  private final double[][] means;
  private final double[][] variances;
  private final double[][] precChol;
  private final double lowerBound;
  private final int iterations;
  private final boolean converged;
  private final int[] labels;

  FittedGaussianMixture(double[] weights, double[][] means, double[][] variances, double lowerBound, int iterations,
      boolean converged, int[] labels) {
    this.weights = weights;
    this.means = means;
    this.variances = variances;
    this.precChol = new double[variances.length][];
    for (int c = 0; c < variances.length; c++) {
      precChol[c] = new double[variances[c].length];
      for (int j = 0; j < variances[c].length; j++) precChol[c][j] = 1.0 / Math.sqrt(variances[c][j]);
    }
    this.lowerBound = lowerBound;
    this.iterations = iterations;
    this.converged = converged;
    this.labels = labels;
  }

  public int numComponents() {
    return weights.length;
  }

  public int dim() {
    return means[0].length;
  }

  public double[] weights() {
    return weights.clone();
  }

  /** Component means, k × d. */
  public double[][] means() {
    double[][] out = new double[means.length][];
    for (int c = 0; c < means.length; c++) out[c] = means[c].clone();
    return out;
  }

  /** Per-dimension variances of each component (regularisation included), k × d. */
  public double[][] variances() {
    double[][] out = new double[variances.length][];
    for (int c = 0; c < variances.length; c++) out[c] = variances[c].clone();
    return out;
  }

  public double lowerBound() {
    return lowerBound;
  }

  public int iterations() {
    return iterations;
  }

  public boolean converged() {
    return converged;
  }

  /** Labels of the training points. */
  public int[] labels() {
    return labels.clone();
  }

  /** Total log-likelihood of {@code x} under the mixture. */
  public double logLikelihood(Embeddings x) {
    check(x);
    double[] logResp = new double[x.rows() * numComponents()];
    return GaussianMixture.eStep(x, params(), logResp) * x.rows();
  }

  /** Mean log-likelihood per point (scikit-learn's {@code score}). */
  public double score(Embeddings x) {
    return logLikelihood(x) / x.rows();
  }

  /** Number of free parameters: k − 1 weights, k d means, k d variances. */
  public int numParameters() {
    return 2 * numComponents() * dim() + numComponents() - 1;
  }

  /** Bayesian information criterion on {@code x}. */
  public double bic(Embeddings x) {
    return -2 * logLikelihood(x) + numParameters() * Math.log(x.rows());
  }

  /** Akaike information criterion on {@code x}: −2 log L + 2 p. */
  public double aic(Embeddings x) {
    return -2 * logLikelihood(x) + 2.0 * numParameters();
  }

  /** The most responsible component of each point. */
  public int[] predict(Embeddings x) {
    check(x);
    int k = numComponents();
    double[] logResp = new double[x.rows() * k];
    GaussianMixture.eStep(x, params(), logResp);
    int[] out = new int[x.rows()];
    for (int i = 0; i < out.length; i++) {
      int best = 0;
      for (int c = 1; c < k; c++) if (logResp[i * k + c] > logResp[i * k + best]) best = c;
      out[i] = best;
    }
    return out;
  }

  /** The training labels as a {@link Clustering}: centroids are the means, inertia the squared distances to them. */
  public Clustering clustering(Embeddings training) {
    int k = numComponents();
    int d = dim();
    float[] c = new float[k * d];
    for (int i = 0; i < k; i++) for (int j = 0; j < d; j++) c[i * d + j] = (float) means[i][j];
    Embeddings centroids = new Embeddings(k, d, c);
    return new Clustering(labels, centroids, ClusterStats.inertia(training, labels, centroids), iterations);
  }

  private GaussianMixture.Params params() {
    return new GaussianMixture.Params(weights, means, variances, precChol, lowerBound, iterations, converged);
  }

  private void check(Embeddings x) {
    ClusterChecks.points(GaussianMixture.KIND, x);
    if (x.dim() != dim()) throw new IllegalArgumentException("points have " + x.dim() + " dimensions, the mixture " + dim());
  }
}
