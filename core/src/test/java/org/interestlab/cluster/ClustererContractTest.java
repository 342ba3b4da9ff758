package org.interestlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.interestlab.eval.ExternalClusterMetrics;
import org.interestlab.experiment.Stage;
import org.interestlab.testing.ConfiguredComponents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered clusterer keeps (as scikit-learn's {@code check_estimator}): each
 * kind of the registry built as a config builds it ({@link ConfiguredComponents}), with small-data
 * settings where the kind has the parameter.
 *
 * <p>Documented answers: one point with k = 1 gives label 0 (DBSCAN: noise, no clusters); ten
 * identical points are all clustered (no noise), at zero inertia, every non-empty cluster centred on
 * the point (k-means-like methods leave the other clusters empty, agglomerative splits the ties
 * into k clusters as scikit-learn does) — a kind that cannot cluster identical points must say so
 * in a user error naming itself; more clusters asked for than points is a user error naming k and n;
 * a kind without k (DBSCAN) never makes more clusters than points and labels two points that are
 * fewer than min_samples as noise. Values outside a parameter's range are one-line errors naming the
 * key; values at its ends build (or are user errors).
 */
class ClustererContractTest {
  static Stream<String> kinds() {
    return ConfiguredComponents.kinds(Stage.CLUSTERER);
  }

  /** The kind with k clusters and settings that suit a few dozen 2-d points, from this run seed. */
  static Clusterer build(String kind, int k, long seed) {
    Map<String, Object> small = ConfiguredComponents.declared(Stage.CLUSTERER, kind,
        Map.of("k", k, "batch_size", 16, "eps", 1.0, "min_samples", 3));
    return ConfiguredComponents.build(Stage.CLUSTERER, kind, small, seed, Clusterer.class);
  }

  static boolean hasK(String kind) {
    return ConfiguredComponents.spec(Stage.CLUSTERER, kind).param("k") != null;
  }

  /** Three tight groups of 12 points far apart, in shuffled order. */
  static final Embeddings BLOBS;
  static final int[] TRUTH;

  static {
    SplittableRandom rng = new SplittableRandom(3);
    float[][] centres = {{0, 0}, {20, 0}, {0, 20}};
    int n = 36;
    float[][] pts = new float[n][];
    int[] truth = new int[n];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (int i = 0; i < n; i++) {
      int g = order[i] % 3;
      truth[i] = g;
      pts[i] = new float[] {centres[g][0] + (float) rng.nextDouble(-0.5, 0.5), centres[g][1] + (float) rng.nextDouble(-0.5, 0.5)};
    }
    BLOBS = Embeddings.of(pts);
    TRUTH = truth;
  }

  static void assertShape(Clustering c, int n, int d) {
    assertThat(c.labels()).hasSize(n);
    assertThat(c.centroids().dim()).isEqualTo(d);
    for (int l : c.labels()) assertThat(l).isBetween(-1, c.numClusters() - 1);
    assertThat(c.inertia()).isFinite().isGreaterThanOrEqualTo(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void sameSeedSameResultAndInputUntouched(String kind) {
    float[] before = BLOBS.data().clone();
    Clustering a = build(kind, 3, 11L).fit(BLOBS);
    Clustering b = build(kind, 3, 11L).fit(BLOBS);
    assertThat(a).isEqualTo(b);
    assertThat(BLOBS.data()).containsExactly(before);
    assertShape(a, BLOBS.rows(), 2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void recoversWellSeparatedGroups(String kind) {
    Clustering c = build(kind, 3, 5L).fit(BLOBS);
    assertThat(ExternalClusterMetrics.adjustedRand(TRUTH, c.labels())).isEqualTo(1.0);
    assertThat(c.numClusters()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void emptyInputIsAUserError(String kind) {
    assertThatThrownBy(() -> build(kind, 1, 0L).fit(Embeddings.zeros(0, 2)))
        .isInstanceOf(UserException.class).hasMessageContaining(kindPrefix(kind)).hasMessageContaining("empty");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void nanIsAUserError(String kind) {
    float[] data = BLOBS.data().clone();
    data[7] = Float.NaN;
    assertThatThrownBy(() -> build(kind, 3, 0L).fit(new Embeddings(BLOBS.rows(), 2, data)))
        .isInstanceOf(UserException.class).hasMessageContaining("NaN");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void onePoint(String kind) {
    Clustering c = build(kind, 1, 0L).fit(Embeddings.of(new float[][] {{1, 2}}));
    assertShape(c, 1, 2);
    if (hasK(kind)) assertThat(c.labels()).containsExactly(0);
    else assertThat(c.labels()).containsExactly(-1); // DBSCAN: one point is not dense
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void duplicatePointsAreClusteredAtZeroInertia(String kind) {
    float[][] same = new float[10][];
    Arrays.fill(same, new float[] {3, 3});
    Embeddings x = Embeddings.of(same);
    Clustering c;
    try {
      c = build(kind, 3, 0L).fit(x);
    } catch (UserException e) {
      // The only other documented answer: a one-line user error, naming the kind, that says why.
      assertThat(e.getMessage()).startsWith(kindPrefix(kind)).doesNotContain("\n").containsAnyOf("identical", "distinct", "duplicate");
      return;
    }
    assertShape(c, 10, 2);
    for (int l : c.labels()) assertThat(l).isGreaterThanOrEqualTo(0);
    int[] sizes = c.sizes();
    for (int k = 0; k < c.numClusters(); k++) if (sizes[k] > 0) assertThat(c.centroids().row(k)).containsExactly(3, 3);
    assertThat(c.inertia()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void moreClustersThanPoints(String kind) {
    Embeddings two = Embeddings.of(new float[][] {{1, 1}, {2, 2}});
    if (hasK(kind)) {
      assertThatThrownBy(() -> build(kind, 5, 0L).fit(two))
          .isInstanceOf(UserException.class).hasMessageContaining("k=5").hasMessageContaining("(2)");
      return;
    }
    // Without k the kind chooses the number of clusters: never more than the points; a density
    // method with min_samples = 3 finds two points not dense, so both are noise.
    Clustering c = build(kind, 5, 0L).fit(two);
    assertShape(c, 2, 2);
    assertThat(c.numClusters()).isLessThanOrEqualTo(2);
    if (ConfiguredComponents.spec(Stage.CLUSTERER, kind).param("min_samples") != null) assertThat(c.labels()).containsExactly(-1, -1);
  }



  private static String kindPrefix(String kind) {
    return kind + ":";
  }
}
