package org.interestlab.eval;

import java.util.BitSet;
import org.interestlab.compute.Embeddings;

/**
 * Intra-list diversity at K (Smyth &amp; McClave, "Similarity vs. diversity", ICCBR 2001; Ziegler et
 * al., "Improving recommendation lists through topic diversification", WWW 2005, as its complement):
 * for each user, the mean over the unordered pairs of their top-K items of the cosine distance
 * {@code 1 − cos(v_i, v_j)} between the items' vectors; the system value is the mean over users.
 *
 * <p>Range [0, 2]: 0 when all recommended items point the same way, 1 for orthogonal vectors, 2 for
 * opposite ones (sentence embeddings rarely go below cosine 0). A zero vector has cosine 0 with
 * everything. Users with fewer than two recommended items have no pair and are not counted; NaN
 * when no user had a pair. The per-user values are summed exactly ({@link ExactMean}), so
 * {@link #combine} is exact. Cost: O(K² · d) per user; the vectors' norms are computed once per
 * run and shared by every accumulator.
 *
 * <pre>{@code
 * SystemMetric ild = IntraListDiversity.of(10, itemVectors);
 * for (int u : testUsers) ild.add(top10(u), test[u], test[u].cardinality());
 * double diversity = ild.evaluate();
 * }</pre>
 */
public final class IntraListDiversity implements SystemMetric {
  private final int k;
  private final Embeddings vectors;
  private final double[] norms;
  private final ExactMean mean = new ExactMean();

  private IntraListDiversity(int k, Embeddings vectors, double[] norms) {
    this.k = RankingChecks.checkK(k);
    this.vectors = vectors;
    this.norms = norms;
  }

  /** An empty accumulator over the items' vectors (one row per item; not copied, not changed). */
  public static IntraListDiversity of(int k, Embeddings vectors) {
    double[] norms = new double[vectors.rows()];
    for (int i = 0; i < norms.length; i++) {
      double s = 0;
      for (int c = 0; c < vectors.dim(); c++) s += (double) vectors.get(i, c) * vectors.get(i, c);
      norms[i] = Math.sqrt(s);
    }
    return new IntraListDiversity(k, vectors, norms);
  }

  @Override
  public String name() {
    return "diversity@" + k;
  }

  /** {@code relevant} is not used; it may be null. */
  @Override
  public void add(int[] ranked, BitSet relevant, int numRelevant) {
    if (ranked == null) throw new IllegalArgumentException(name() + ": ranked must not be null");
    int n = Math.min(k, ranked.length);
    for (int t = 0; t < n; t++) {
      if (ranked[t] < 0 || ranked[t] >= norms.length) throw new IllegalArgumentException(name() + ": item index " + ranked[t] + " outside 0.." + (norms.length - 1));
    }
    if (n < 2) return;
    double sum = 0;
    for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) sum += 1 - cosine(ranked[a], ranked[b]);
    mean.add(sum / (n * (n - 1) / 2.0));
  }

  private double cosine(int i, int j) {
    if (norms[i] == 0 || norms[j] == 0) return 0;
    double dot = 0;
    int d = vectors.dim();
    float[] data = vectors.data();
    for (int c = 0, oi = i * d, oj = j * d; c < d; c++) dot += (double) data[oi + c] * data[oj + c];
    // Rounding may push |cos| a hair above 1; keep the distance within [0, 2].
    return Math.max(-1, Math.min(1, dot / (norms[i] * norms[j])));
  }

  @Override
  public void combine(SystemMetric other) {
    if (!(other instanceof IntraListDiversity o) || o.k != k || o.vectors != vectors) {
      throw new IllegalArgumentException("cannot combine " + name() + " with " + (other == null ? "null" : other.name()));
    }
    mean.combine(o.mean);
  }

  /** Number of users counted (those with at least two recommended items). */
  public long users() {
    return mean.count();
  }

  @Override
  public double evaluate() {
    return mean.mean();
  }

  @Override
  public IntraListDiversity newEmpty() {
    return new IntraListDiversity(k, vectors, norms);
  }
}
