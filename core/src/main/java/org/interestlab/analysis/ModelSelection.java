package org.interestlab.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.interestlab.compute.Embeddings;
import org.interestlab.compute.PhaseClock;
import org.interestlab.eval.CalinskiHarabasz;
import org.interestlab.eval.DaviesBouldin;
import org.interestlab.eval.Silhouette;
import org.interestlab.cluster.FittedGaussianMixture;
import org.interestlab.cluster.Clusterer;
import org.interestlab.cluster.GaussianMixture;
import org.interestlab.cluster.Clustering;

/**
 * A sweep over the number of clusters: fits one clusterer per k and reports, per k, the
 * silhouette (higher is better), Davies–Bouldin (lower), Calinski–Harabasz (higher), inertia
 * (lower, always falls with k: look for the elbow) and, for a {@link GaussianMixture}, the BIC
 * (lower). The internal metrics are computed over the points that are not noise, and are NaN when
 * fewer than 2 (or more than n − 1) clusters are non-empty.
 *
 * <p>Cost: one fit per k plus the metrics; the silhouette is O(n² d) unless sampled
 * ({@code silhouetteSample > 0}, seeded).
 *
 * <pre>{@code
 * List<ModelSelection.Row> rows = new ModelSelection(k -> KMeans.of(k), List.of(4, 8, 12), 0, 0L).run(vectors);
 * }</pre>
 *
 * @param clustererForK the clusterer to fit for a given k
 * @param ks the numbers of clusters to try, in order
 * @param silhouetteSample points sampled for the silhouette, 0 = all
 * @param silhouetteSeed seed of that sample
 */
public record ModelSelection(IntFunction<Clusterer> clustererForK, List<Integer> ks, int silhouetteSample, long silhouetteSeed) {

  /**
   * The scores of one k; {@code bic} is NaN for clusterers that are not mixtures, {@code seconds}
   * is the fitting time (NaN when not measured), {@code clustering} the fitted result.
   */
  public record Row(int k, int clusters, int noise, double silhouette, double daviesBouldin, double calinskiHarabasz,
      double inertia, double bic, double seconds, Clustering clustering) {}

  public ModelSelection {
    if (ks == null || ks.isEmpty()) throw new IllegalArgumentException("model selection needs at least one k");
    ks = List.copyOf(ks);
    if (silhouetteSample < 0) throw new IllegalArgumentException("silhouette sample must be ≥ 0, got " + silhouetteSample);
  }

  public List<Row> run(Embeddings points) {
    List<Row> rows = new ArrayList<>();
    for (int k : ks) {
      Clusterer c = clustererForK.apply(k);
      long start = System.nanoTime();
      double bic = Double.NaN;
      Clustering result;
      if (c instanceof GaussianMixture gm) {
        FittedGaussianMixture fitted = gm.fitModel(points);
        bic = fitted.bic(points);
        result = fitted.clustering(points);
      } else {
        result = c.fit(points);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      PhaseClock.mark("fit k=" + k);
      Row r = score(k, points, result, bic);
      rows.add(new Row(r.k, r.clusters, r.noise, r.silhouette, r.daviesBouldin, r.calinskiHarabasz, r.inertia, r.bic, seconds,
          result));
    }
    return rows;
  }

  /** The scores of one clustering (noise points left out of the internal metrics). */
  public Row score(int k, Embeddings points, Clustering c, double bic) {
    int[] labels = c.labels();
    int[] kept = IntStream.range(0, labels.length).filter(i -> labels[i] >= 0).toArray();
    int noise = labels.length - kept.length;
    Embeddings x = kept.length == labels.length ? points : points.select(kept);
    int[] l = kept.length == labels.length ? labels : Arrays.stream(kept).map(i -> labels[i]).toArray();
    int clusters = (int) Arrays.stream(l).distinct().count();
    double sil = Double.NaN;
    double db = Double.NaN;
    double ch = Double.NaN;
    if (clusters >= 2 && clusters <= l.length - 1) {
      Silhouette s = Silhouette.euclidean();
      if (silhouetteSample > 0) s = s.withSample(silhouetteSample, silhouetteSeed);
      sil = s.score(x, l);
      PhaseClock.mark("silhouette");
      db = new DaviesBouldin().score(x, l);
      PhaseClock.mark("davies-bouldin");
      ch = new CalinskiHarabasz().score(x, l);
      PhaseClock.mark("calinski-harabasz");
    }
    return new Row(k, clusters, noise, sil, db, ch, c.inertia(), bic, Double.NaN, c);
  }
}
