package org.interestlab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.interestlab.UserException;
import org.interestlab.cluster.Clustering;
import org.interestlab.cluster.LabelsCsv;
import org.interestlab.analysis.ModelSelection;
import org.interestlab.compute.Embeddings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lab metrics clusters --vectors v.npy --labels l.csv [--truth t.csv]}: metrics of an existing labelling. */
@Command(name = "metrics", mixinStandardHelpOptions = true, description = "Compute metrics of existing results.",
    subcommands = {MetricsCommand.Clusters.class})
final class MetricsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserException("metrics: say what to measure — allowed: clusters");
  }

  @Command(name = "clusters", mixinStandardHelpOptions = true,
      description = "Internal (and, with --truth, external) cluster metrics of a label file over a vector file.")
  static final class Clusters implements Callable<Integer> {
    @Option(names = "--vectors", required = true, paramLabel = "FILE", description = "float32 .npy matrix, one row per point")
    Path vectors;

    @Option(names = "--labels", required = true, paramLabel = "FILE", description = "CSV index,label (−1 = noise)")
    Path labels;

    @Option(names = "--truth", paramLabel = "FILE", description = "ground-truth CSV index,label")
    Path truth;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "seed of the silhouette sample (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--silhouette-sample", defaultValue = "10000", paramLabel = "N",
        description = "points sampled for the silhouette, 0 = all (default: ${DEFAULT-VALUE})")
    int silhouetteSample;

    @Override
    public Integer call() {
      ClusterReport.checkSilhouetteSample(silhouetteSample);
      Embeddings x = ClusterReport.readVectors(Paths.userPath(vectors.toString()));
      int[] l = LabelsCsv.read(Paths.userPath(labels.toString()), x.rows(), vectors.toString());
      int[] t = truth == null ? null : LabelsCsv.read(Paths.userPath(truth.toString()), x.rows(), vectors.toString());
      int sample = ClusterReport.silhouetteSample(silhouetteSample, x.rows());
      ModelSelection ms = new ModelSelection(k -> null, java.util.List.of(0), sample, seed);
      ModelSelection.Row r = ms.score(0, x, Clustering.ofLabels(x, l), Double.NaN);
      System.out.printf(Locale.ROOT, "%s over %s (%d × %d)%n", labels, vectors, x.rows(), x.dim());
      System.out.print(ClusterReport.block(r, t, ClusterReport.sampleNote(sample, seed)));
      return 0;
    }
  }
}
