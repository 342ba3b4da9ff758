package org.interestlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interestlab.UserException;
import org.interestlab.cluster.Clustering;
import org.interestlab.analysis.ModelSelection;
import org.interestlab.compute.Embeddings;
import org.interestlab.encode.Npy;
import org.interestlab.eval.ExternalClusterMetrics;

/** What {@code lab cluster} and {@code lab metrics clusters} print: internal and external metrics of a labelling. */
final class ClusterReport {
  private ClusterReport() {}

  static void checkSilhouetteSample(int requested) {
    if (requested < 0) throw new UserException("--silhouette-sample: " + requested + " — allowed: 0 (all points) or more");
  }

  /** Points the silhouette samples: all (0) when the request covers every point. */
  static int silhouetteSample(int requested, int points) {
    return requested >= points ? 0 : requested;
  }

  static String sampleNote(int sample, long seed) {
    return sample > 0 ? "sample of " + sample + " points, seed " + seed : "";
  }

  /**
   * The vectors of a user's {@code .npy} file; a folder, an unreadable file, a header that does not
   * match the data, or a NaN or infinite value end in one line naming the file (and the row).
   */
  static Embeddings readVectors(Path file) {
    if (Files.isDirectory(file)) throw new UserException(file + ": is a folder — give a .npy file (a float32 matrix, one row per point)");
    try {
      Embeddings x = Npy.read(file);
      // The parallel check first: the row is only searched for (sequentially) when there is one.
      int bad = x.hasNonFinite() ? x.firstNonFiniteRow() : -1;
      if (bad >= 0) {
        throw new UserException(file + ": row " + bad + " (0-based) holds NaN or infinity — allowed: finite values only (drop or impute that row)");
      }
      return x;
    } catch (NoSuchFileException e) {
      throw new UserException(file + ": no such vectors file (expected a .npy float32 matrix, one row per point)");
    } catch (IOException e) {
      throw new UserException(file + ": cannot read — " + org.interestlab.compute.AtomicFiles.reason(e), e);
    }
  }

  /** External metrics of the labels against the truth (noise, −1, counts as one more label, as in scikit-learn). */
  static Map<String, Double> external(int[] truth, int[] labels) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("ari", ExternalClusterMetrics.adjustedRand(truth, labels));
    m.put("nmi", ExternalClusterMetrics.normalizedMutualInfo(truth, labels));
    m.put("ami", ExternalClusterMetrics.adjustedMutualInfo(truth, labels));
    m.put("purity", ExternalClusterMetrics.purity(truth, labels));
    m.put("v-measure", ExternalClusterMetrics.vMeasure(truth, labels));
    return m;
  }

  /** The metric block of one labelling. */
  static String block(ModelSelection.Row r, int[] truth, String silhouetteNote) {
    Clustering c = r.clustering();
    int n = c.labels().length;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "points             %d%n", n));
    sb.append(String.format(Locale.ROOT, "clusters           %d%n", r.clusters()));
    if (r.noise() > 0 || hasNoise(c)) sb.append(String.format(Locale.ROOT, "noise              %d%n", r.noise()));
    int[] sizes = Arrays.stream(c.sizes()).filter(s -> s > 0).toArray();
    Integer[] sorted = Arrays.stream(sizes).boxed().sorted((a, b) -> b - a).toArray(Integer[]::new);
    sb.append("sizes              ").append(String.join(" ", Arrays.stream(sorted).map(String::valueOf).toList())).append('\n');
    line(sb, "inertia", c.inertia());
    String note = silhouetteNote.isEmpty() || Double.isNaN(r.silhouette()) ? "" : "   (" + silhouetteNote + ")";
    sb.append(String.format(Locale.ROOT, "%-18s %s%s%n", "silhouette", fmt(r.silhouette()), note));
    line(sb, "davies-bouldin", r.daviesBouldin());
    line(sb, "calinski-harabasz", r.calinskiHarabasz());
    if (!Double.isNaN(r.bic())) line(sb, "bic", r.bic());
    if (Double.isNaN(r.silhouette())) sb.append("(internal metrics need 2 to n−1 non-empty clusters outside noise)\n");
    if (truth != null) external(truth, c.labels()).forEach((k, v) -> line(sb, k, v));
    return sb.toString();
  }

  private static boolean hasNoise(Clustering c) {
    for (int l : c.labels()) if (l < 0) return true;
    return false;
  }

  private static void line(StringBuilder sb, String name, double v) {
    sb.append(String.format(Locale.ROOT, "%-18s %s%n", name, fmt(v)));
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) return "n/a";
    if (Math.abs(v) >= 1e6) return String.format(Locale.ROOT, "%.6g", v);
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** One row per k: the model-selection table. */
  static String table(List<ModelSelection.Row> rows, int[] truth) {
    List<String> head = new ArrayList<>(List.of("k", "clusters", "noise", "silhouette", "davies-bouldin", "calinski-harabasz",
        "inertia", "bic"));
    if (truth != null) head.addAll(List.of("ari", "nmi"));
    head.add("seconds");
    List<List<String>> cells = new ArrayList<>();
    for (ModelSelection.Row r : rows) {
      List<String> row = new ArrayList<>(List.of(String.valueOf(r.k()), String.valueOf(r.clusters()), String.valueOf(r.noise()),
          fmt(r.silhouette()), fmt(r.daviesBouldin()), fmt(r.calinskiHarabasz()), fmt(r.inertia()), fmt(r.bic())));
      if (truth != null) {
        Map<String, Double> e = external(truth, r.clustering().labels());
        row.add(fmt(e.get("ari")));
        row.add(fmt(e.get("nmi")));
      }
      row.add(String.format(Locale.ROOT, "%.2f", r.seconds()));
      cells.add(row);
    }
    StringBuilder sb = new StringBuilder();
    int[] width = new int[head.size()];
    for (int j = 0; j < head.size(); j++) {
      width[j] = head.get(j).length();
      for (List<String> row : cells) width[j] = Math.max(width[j], row.get(j).length());
    }
    for (int j = 0; j < head.size(); j++) sb.append(j == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%" + width[j] + "s", head.get(j)));
    sb.append('\n');
    for (List<String> row : cells) {
      for (int j = 0; j < row.size(); j++) sb.append(j == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%" + width[j] + "s", row.get(j)));
      sb.append('\n');
    }
    return sb.toString();
  }
}
