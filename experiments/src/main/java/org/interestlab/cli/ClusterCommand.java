package org.interestlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.interestlab.UserException;
import org.interestlab.cluster.Clusterer;
import org.interestlab.cluster.LabelsCsv;
import org.interestlab.analysis.ModelSelection;
import org.interestlab.compute.Embeddings;
import org.interestlab.compute.PhaseClock;
import org.interestlab.params.ComponentSpec;
import org.interestlab.experiment.ParamValues;
import org.interestlab.experiment.Registry;
import org.interestlab.experiment.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lab cluster --input vectors.npy --algo kmeans [--k 12 | --k 4,8,12] [--param key=value]...
 * --out labels.csv [--truth truth.csv] [--seed N]}: clusters a vector file and prints internal
 * metrics (and external ones against a truth file); a list of k prints the model-selection table.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = "Cluster the rows of a .npy vector file; print cluster metrics, or a table over several k.")
final class ClusterCommand implements Callable<Integer> {
  /** Short algorithm names and the registry kinds they stand for. */
  static final Map<String, String> ALGOS = new LinkedHashMap<>();

  static {
    ALGOS.put("kmeans", "kmeans");
    ALGOS.put("minibatch", "minibatch-kmeans");
    ALGOS.put("agglomerative", "agglomerative");
    ALGOS.put("dbscan", "dbscan");
    ALGOS.put("gmm", "gmm");
  }

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "vectors, a float32 .npy matrix (one row per point)")
  Path input;

  @Option(names = "--algo", required = true, paramLabel = "NAME",
      description = "kmeans, minibatch, agglomerative, dbscan or gmm (or any registered clusterer kind)")
  String algo;

  @Option(names = "--k", paramLabel = "K[,K...]", description = "number of clusters, or a comma-separated list for a model-selection table")
  String k;

  @Option(names = "--param", paramLabel = "KEY=VALUE", description = "a clusterer parameter, e.g. --param eps=0.3 (repeatable)")
  List<String> params = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE",
      description = "where to write the labels (CSV: index,label) of a single k; without it only the metrics are printed")
  Path out;

  @Option(names = "--truth", paramLabel = "FILE", description = "ground-truth labels (CSV: index,label) for ARI, NMI, AMI, purity, V-measure")
  Path truth;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--silhouette-sample", defaultValue = "10000", paramLabel = "N",
      description = "points sampled (seeded) for the silhouette, 0 = all (default: ${DEFAULT-VALUE})")
  int silhouetteSample;

  @Option(names = "--phases", description = "print the seconds of each phase (JVM start, reading, fit, each metric, writing) to standard error")
  boolean phases;

  @Override
  public Integer call() throws IOException {
    if (phases) PhaseClock.enable();
    PhaseClock.mark("JVM start and arguments");
    // The engine's native libraries load on the other core while the parameters are checked and the
    // vectors read; the fit waits for it below.
    EngineStart engine = EngineStart.begin();
    Registry registry = Registry.standard();
    String kind = ALGOS.getOrDefault(algo, algo);
    ComponentSpec<?> spec = registry.spec(Stage.CLUSTERER, kind);
    if (spec == null) {
      List<String> allowed = new ArrayList<>(ALGOS.keySet());
      for (String other : registry.kinds(Stage.CLUSTERER)) if (!ALGOS.containsValue(other)) allowed.add(other);
      throw new UserException("--algo: '" + algo + "' is not known — allowed: " + String.join(", ", allowed));
    }
    Map<String, Object> raw = ComponentParams.parse(params, "eps=0.3");
    List<Integer> ks = parseK(k, spec, raw);
    ClusterReport.checkSilhouetteSample(silhouetteSample);
    if (ks.size() > 1 && out != null) {
      throw new UserException("--out: labels are written for a single --k; with --k " + k + " only the table is printed — drop --out or give one k");
    }
    // Every parameter is checked before the vectors are read.
    List<Clusterer> clusterers = new ArrayList<>();
    for (Integer kk : ks) {
      Map<String, Object> values = new LinkedHashMap<>(raw);
      if (kk != null) values.put("k", kk);
      clusterers.add((Clusterer) spec.create(ParamValues.resolve(spec, values, "--param", kind), seed));
    }

    PhaseClock.mark("registry and parameters");
    Embeddings x = ClusterReport.readVectors(Paths.userPath(input.toString()));
    PhaseClock.mark("read vectors");
    int[] truthLabels = truth == null ? null : LabelsCsv.read(Paths.userPath(truth.toString()), x.rows(), input.toString());
    int sample = ClusterReport.silhouetteSample(silhouetteSample, x.rows());
    String note = ClusterReport.sampleNote(sample, seed);
    // The engine is started before the clock does: the printed seconds are the fit alone.
    engine.await();
    PhaseClock.mark("wait for the engine");
    List<Integer> kValues = ks.stream().map(v -> v == null ? 0 : v).toList();
    ModelSelection ms = new ModelSelection(kk -> clusterers.get(kValues.indexOf(kk)), kValues, sample, seed);
    List<ModelSelection.Row> rows = ms.run(x);

    if (rows.size() == 1) {
      System.out.printf(Locale.ROOT, "%s on %s (%d × %d), seed %d%n", clusterers.get(0), input, x.rows(), x.dim(), seed);
      ModelSelection.Row r = rows.get(0);
      System.out.print(ClusterReport.block(r, truthLabels, note));
      System.out.printf(Locale.ROOT, "%-18s %d%n", "iterations", r.clustering().iterations());
      System.out.printf(Locale.ROOT, "%-18s %.2f%n", "seconds", r.seconds());
      if (out != null) {
        LabelsCsv.write(out, r.clustering().labels());
        PhaseClock.mark("write labels");
        System.out.println("labels written to " + out);
      } else {
        System.out.println("labels not written (add --out labels.csv to keep them)");
      }
    } else {
      System.out.printf(Locale.ROOT, "%s over k = %s on %s (%d × %d), seed %d%n", kind, k, input, x.rows(), x.dim(), seed);
      if (!note.isEmpty()) System.out.println("silhouette: " + note);
      System.out.print(ClusterReport.table(rows, truthLabels));
    }
    PhaseClock.mark("print");
    return 0;
  }

  /** The ks to fit; a single null means "the kind's own default (or its --param k)". */
  static List<Integer> parseK(String k, ComponentSpec<?> spec, Map<String, Object> raw) {
    List<Integer> out = new ArrayList<>();
    if (k == null) {
      out.add(null);
      return out;
    }
    if (spec.param("k") == null) {
      throw new UserException("--k: '" + spec.kind() + "' has no number of clusters — set its parameters with --param ("
          + String.join(", ", spec.paramNames()) + ")");
    }
    if (raw.containsKey("k")) throw new UserException("--k and --param k= both given — use one");
    for (String part : k.split(",")) {
      try {
        int v = Integer.parseInt(part.strip());
        if (v < 1) throw new NumberFormatException();
        if (out.contains(v)) throw new UserException("--k: " + v + " is listed twice in '" + k + "'");
        out.add(v);
      } catch (NumberFormatException e) {
        throw new UserException("--k: '" + part.strip() + "' in '" + k + "' is not a positive integer — allowed: K or K1,K2,… (e.g. 4,8,12)");
      }
    }
    return out;
  }
}
