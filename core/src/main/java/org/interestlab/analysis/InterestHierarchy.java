package org.interestlab.analysis;

import static org.interestlab.params.ParamSpec.integer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.interestlab.UserException;
import org.interestlab.compute.Embeddings;
import org.interestlab.eval.Silhouette;
import org.interestlab.cluster.KMeans;
import org.interestlab.cluster.Clustering;
import org.interestlab.cluster.ClusterKeywords;
import org.interestlab.params.ParamList;
import org.interestlab.params.ParameterException;

/**
 * Interests in two layers: {@code kCoarse} coarse clusters of all points by {@link KMeans}, then
 * fine clusters inside each coarse cluster, as a tree whose every node has its size, centroid and
 * {@link ClusterKeywords c-TF-IDF keywords}.
 *
 * <p>Fine clusters: with {@code kFine > 0}, every coarse cluster is split into
 * {@code min(kFine, ⌊size / minFineSize⌋)} clusters; with {@code kFine = 0} the number is chosen per
 * coarse cluster as the one in {@code 2 … maxFine} with the highest silhouette (euclidean), the
 * usual model-selection rule. A coarse cluster with fewer than {@code 2 · minFineSize} members stays
 * a leaf. Coarse keywords are ranked against the other coarse clusters, fine keywords against all
 * fine clusters of the tree (ranked against their siblings only, the words shared by a parent's
 * children — its topic — would cancel and leave filler words on top).
 *
 * <p>Seeding: the coarse k-means uses {@code seed}; the fine k-means of coarse cluster {@code c}
 * uses the {@code c}-th generator split from it, so the tree is reproducible.
 *
 * <p>Cost: one k-means over all points plus one (or {@code maxFine − 1}, and a silhouette each, with
 * {@code kFine = 0}) per coarse cluster over its members.
 *
 * <pre>{@code
 * InterestHierarchy.Tree tree = InterestHierarchy.of(12, 3).fit(userVectors, userTexts);
 * System.out.print(tree.render());
 * }</pre>
 *
 * @param kCoarse coarse clusters (≥ 1)
 * @param kFine fine clusters per coarse cluster (≥ 2), or 0 to choose per coarse cluster
 * @param maxFine the largest fine k tried when {@code kFine = 0} (≥ 2)
 * @param minFineSize fewest members a fine cluster is meant to have (≥ 1)
 * @param keywords keywords per node (≥ 1)
 * @param nInit k-means restarts
 * @param maxIter k-means iterations per restart
 * @param seed random seed
 * @param device {@code auto | cpu | gpu} for the k-means distances
 */
public record InterestHierarchy(int kCoarse, int kFine, int maxFine, int minFineSize, int keywords, int nInit,
    int maxIter, long seed, String device) {

  /**
   * The parameters, as the config's {@code hierarchy:} section names them, with their ranges and
   * defaults; the k-means ones are {@link KMeans#PARAMS}' own.
   */
  public static final ParamList PARAMS = ParamList.of(
      integer("k_coarse", 12, 1, 1_000_000, "coarse clusters"),
      integer("k_fine", 0, 0, 1_000_000, "fine clusters per coarse cluster; 0 = chosen per coarse cluster by silhouette"),
      integer("max_fine", 5, 2, 1000, "the largest fine k tried when k_fine is 0"),
      integer("min_fine_size", 10, 1, 1_000_000, "fewest members per fine cluster; smaller coarse clusters stay leaves"),
      integer("keywords", 5, 1, 100, "c-TF-IDF keywords per node"),
      KMeans.PARAMS.spec("n_init"), KMeans.PARAMS.spec("max_iter"), KMeans.PARAMS.spec("device"));

  /** A null {@code device} takes its declared default. */
  public InterestHierarchy {
    if (device == null) device = (String) PARAMS.spec("device").defaultValue();
    PARAMS.check("k_coarse", kCoarse);
    PARAMS.check("k_fine", kFine);
    // One fine cluster per coarse cluster would be the coarse cluster again.
    if (kFine == 1) throw new ParameterException("k_fine", "1", "1 is not allowed — allowed: 0 (chosen per coarse cluster) or an integer ≥ 2");
    PARAMS.check("max_fine", maxFine);
    PARAMS.check("min_fine_size", minFineSize);
    PARAMS.check("keywords", keywords);
    PARAMS.check("n_init", nInit);
    PARAMS.check("max_iter", maxIter);
    PARAMS.check("device", device);
  }

  /**
   * {@code kCoarse} × {@code kFine} with the config's defaults: fine k up to 5 when chosen, fine
   * clusters of at least 10, 5 keywords, 3 restarts of 100 iterations, seed 0, CPU.
   */
  public static InterestHierarchy of(int kCoarse, int kFine) {
    return new InterestHierarchy(kCoarse, kFine, (Integer) PARAMS.spec("max_fine").defaultValue(),
        (Integer) PARAMS.spec("min_fine_size").defaultValue(), (Integer) PARAMS.spec("keywords").defaultValue(),
        (Integer) PARAMS.spec("n_init").defaultValue(), (Integer) PARAMS.spec("max_iter").defaultValue(), 0L, null);
  }

  /**
   * One interest: {@code id} is its path ({@code "3"} for a coarse cluster, {@code "3.1"} for a fine
   * one inside it), {@code members} the indices of its points, ascending.
   */
  public record Node(String id, int level, int size, float[] centroid, List<String> keywords, int[] members, List<Node> children) {
    public Node {
      centroid = centroid.clone();
      keywords = List.copyOf(keywords);
      members = members.clone();
      children = List.copyOf(children);
    }

    @Override
    public float[] centroid() {
      return centroid.clone();
    }

    @Override
    public int[] members() {
      return members.clone();
    }
  }

  /**
   * The fitted hierarchy: coarse nodes in cluster order, each with its fine children; per point its
   * coarse cluster and its fine cluster's index among its parent's children ({@code -1} for a leaf
   * parent).
   */
  public record Tree(List<Node> coarse, int[] coarseLabels, int[] fineLabels) {
    public Tree {
      coarse = List.copyOf(coarse);
      coarseLabels = coarseLabels.clone();
      fineLabels = fineLabels.clone();
    }

    @Override
    public int[] coarseLabels() {
      return coarseLabels.clone();
    }

    @Override
    public int[] fineLabels() {
      return fineLabels.clone();
    }

    public int numPoints() {
      return coarseLabels.length;
    }

    /** The tree as indented text: one line per node with its id, size and keywords. */
    public String render() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "interests (%,d points)%n", numPoints()));
      for (int c = 0; c < coarse.size(); c++) {
        Node n = coarse.get(c);
        boolean lastCoarse = c == coarse.size() - 1;
        line(sb, lastCoarse ? "└─ " : "├─ ", n);
        for (int f = 0; f < n.children().size(); f++) {
          String indent = lastCoarse ? "   " : "│  ";
          line(sb, indent + (f == n.children().size() - 1 ? "└─ " : "├─ "), n.children().get(f));
        }
      }
      return sb.toString();
    }

    private static void line(StringBuilder sb, String prefix, Node n) {
      sb.append(prefix).append(String.format(Locale.ROOT, "%-5s %,6d  ", n.id(), n.size())).append(String.join(", ", n.keywords()))
          .append(System.lineSeparator());
    }
  }

  /**
   * Builds the tree.
   *
   * @param points one vector per point (user profiles)
   * @param texts one text per point, for the keywords (the user's texts joined; may be empty)
   */
  public Tree fit(Embeddings points, List<String> texts) {
    if (texts.size() != points.rows()) throw new IllegalArgumentException(texts.size() + " texts for " + points.rows() + " points");
    if (points.rows() == 0) throw new UserException("interest hierarchy: no points to cluster (empty input)");
    if (kCoarse > points.rows()) {
      throw new UserException("interest hierarchy: k_coarse=" + kCoarse + " is larger than the number of points (" + points.rows() + ")");
    }
    Clustering coarse = kMeans(kCoarse, seed).fit(points);
    int[] coarseLabels = coarse.labels();
    int n = points.rows();
    int[] fineLabels = new int[n];
    java.util.Arrays.fill(fineLabels, -1);
    ClusterKeywords namer = new ClusterKeywords(keywords);
    ClusterKeywords.Result coarseWords = namer.fit(texts, coarseLabels);
    SplittableRandom seeds = new SplittableRandom(seed);
    Clustering[] fines = new Clustering[kCoarse];
    int[] leafLabels = new int[n]; // fine cluster of each point numbered across the tree, for the keywords
    java.util.Arrays.fill(leafLabels, -1);
    int[] firstLeaf = new int[kCoarse];
    int leaves = 0;
    for (int c = 0; c < kCoarse; c++) {
      long fineSeed = seeds.split().nextLong();
      int[] members = membersOf(coarseLabels, c);
      firstLeaf[c] = leaves;
      if (members.length < 2 * minFineSize) continue;
      fines[c] = fine(points.select(members), fineSeed);
      int[] labels = fines[c].labels();
      for (int i = 0; i < members.length; i++) {
        fineLabels[members[i]] = labels[i];
        leafLabels[members[i]] = leaves + labels[i];
      }
      leaves += fines[c].numClusters();
    }
    ClusterKeywords.Result fineWords = namer.fit(texts, leafLabels);
    List<Node> nodes = new ArrayList<>();
    for (int c = 0; c < kCoarse; c++) {
      int[] members = membersOf(coarseLabels, c);
      List<Node> children = new ArrayList<>();
      for (int f = 0; fines[c] != null && f < fines[c].numClusters(); f++) {
        int[] inLeaf = membersOf(leafLabels, firstLeaf[c] + f);
        List<String> words = firstLeaf[c] + f < fineWords.top().size() ? fineWords.of(firstLeaf[c] + f) : List.of();
        children.add(new Node(c + "." + f, 2, inLeaf.length, fines[c].centroids().row(f), words, inLeaf, List.of()));
      }
      nodes.add(new Node(Integer.toString(c), 1, members.length, coarse.centroids().row(c), coarseWords.of(c), members, children));
    }
    return new Tree(nodes, coarseLabels, fineLabels);
  }

  private Clustering fine(Embeddings sub, long fineSeed) {
    if (kFine > 0) return kMeans(Math.max(2, Math.min(kFine, sub.rows() / minFineSize)), fineSeed).fit(sub);
    Clustering best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    int top = Math.max(2, Math.min(maxFine, sub.rows() / minFineSize));
    for (int k = 2; k <= top; k++) {
      Clustering c = kMeans(k, fineSeed).fit(sub);
      if ((int) java.util.Arrays.stream(c.sizes()).filter(s -> s > 0).count() < 2) continue;
      double s = Silhouette.euclidean().score(sub, c.labels());
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    return best != null ? best : kMeans(2, fineSeed).fit(sub);
  }

  private KMeans kMeans(int k, long s) {
    return new KMeans(k, KMeans.Init.K_MEANS_PLUS_PLUS, nInit, maxIter, 1e-4, s, device);
  }

  private static int[] membersOf(int[] labels, int c) {
    return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
  }
}
