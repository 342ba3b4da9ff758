package org.interestlab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.interestlab.analysis.InterestHierarchy;
import org.interestlab.params.ParamList;
import org.interestlab.params.ParameterException;
import org.interestlab.params.Params;
import org.interestlab.data.Dataset;
import org.interestlab.data.InterestTruth;
import org.interestlab.compute.CsvText;
import org.interestlab.compute.Embeddings;
import org.interestlab.eval.ExternalClusterMetrics;
import org.interestlab.profile.UserProfiles;

/**
 * The {@code hierarchy:} section of a run: an {@link InterestHierarchy} of the users' training
 * profiles, keywords from their training texts, printed as a tree and written to {@code
 * hierarchy.json} (the tree) and {@code hierarchy.csv} (each user's coarse and fine cluster). With
 * ground truth, each coarse cluster also shows the topic most of its users hold, and the metrics
 * give the coarse clusters' ARI against it.
 */
final class InterestHierarchyJob implements AnalysisJob {
  static final String KEY = "hierarchy";
  static final ParamList PARAMS = InterestHierarchy.PARAMS;

  /** What the job adds to a run. */

  private final InterestHierarchy hierarchy;
  private final String file;

  InterestHierarchyJob(String file, ConfigSections.Section s) {
    Params p = s.params();
    this.file = file;
    try {
      this.hierarchy = new InterestHierarchy(p.getInt("k_coarse"), p.getInt("k_fine"), p.getInt("max_fine"), p.getInt("min_fine_size"),
          p.getInt("keywords"), p.getInt("n_init"), p.getInt("max_iter"), s.seed(), p.getString("device"));
    } catch (ParameterException e) {
      throw ConfigException.at(file, KEY, e);   // k_fine: 1, which no range can exclude
    }
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Output run(RunContext ctx) {
    Dataset train = ctx.train();
    UserProfiles profiles = ctx.profiles();
    LoadedDataset loaded = ctx.loaded();
    RunLog log = ctx.log();
    int[] present = profiles.presentUsers();
    if (hierarchy.kCoarse() > present.length) {
      throw ConfigException.at(file, KEY + ".k_coarse", hierarchy.kCoarse() + " is larger than the number of users with a profile ("
          + present.length + ") — allowed: ≤ " + present.length);
    }
    Embeddings points = profiles.vectors().select(present);
    List<String> all = UserTexts.of(train);
    List<String> texts = new ArrayList<>(present.length);
    for (int u : present) texts.add(all.get(u));
    InterestHierarchy.Tree tree = hierarchy.fit(points, texts);

    InterestTruth truth = loaded.truth();
    int[] truthLabels = null;
    if (loaded.truthLabels() != null) {
      truthLabels = new int[present.length];
      for (int i = 0; i < present.length; i++) truthLabels[i] = loaded.truthLabels()[present[i]];
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "interest hierarchy: %,d users, %d coarse clusters%n",
        present.length, tree.coarse().size()));
    List<Object> nodes = new ArrayList<>();
    int fineCount = 0;
    for (int c = 0; c < tree.coarse().size(); c++) {
      InterestHierarchy.Node n = tree.coarse().get(c);
      boolean last = c == tree.coarse().size() - 1;
      String truthNote = truthLabels == null ? "" : "   [" + majority(n.members(), truthLabels, truth) + "]";
      text.append(last ? "└─ " : "├─ ").append(line(n)).append(truthNote).append('\n');
      for (int f = 0; f < n.children().size(); f++) {
        text.append(last ? "   " : "│  ").append(f == n.children().size() - 1 ? "└─ " : "├─ ").append(line(n.children().get(f))).append('\n');
      }
      fineCount += n.children().size();
      nodes.add(nodeJson(n, truthLabels, truth));
    }
    for (String l : text.toString().split("\n")) log.info(l);

    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("coarse_clusters", (double) tree.coarse().size());
    metrics.put("fine_clusters", (double) fineCount);
    if (truthLabels != null) metrics.put("coarse_ari", ExternalClusterMetrics.adjustedRand(truthLabels, tree.coarseLabels()));

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("users", present.length);
    json.put("coarse", nodes);
    CsvText csv = CsvText.withHeader("user_id", "coarse", "fine");
    int[] coarse = tree.coarseLabels();
    int[] fine = tree.fineLabels();
    for (int i = 0; i < present.length; i++) {
      csv.row(train.users().get(present[i]).id(), coarse[i], fine[i] < 0 ? "" : coarse[i] + "." + fine[i]);
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("hierarchy.json", Json.write(json));
    files.put("hierarchy.csv", csv.toString());
    return new Output(metrics, files);
  }

  private static String line(InterestHierarchy.Node n) {
    return String.format(Locale.ROOT, "%-5s %,6d users  ", n.id(), n.size()) + String.join(", ", n.keywords());
  }

  /** "travel 84%": the ground-truth topic most members hold, with its share. */
  private static String majority(int[] members, int[] truthLabels, InterestTruth truth) {
    Map<Integer, Integer> votes = new java.util.TreeMap<>();
    for (int m : members) votes.merge(truthLabels[m], 1, Integer::sum);
    int best = -1;
    for (Map.Entry<Integer, Integer> e : votes.entrySet()) if (best < 0 || e.getValue() > votes.get(best)) best = e.getKey();
    String name = truth != null ? truth.interestName(best) : "class " + best;
    return String.format(Locale.ROOT, "%s %.0f%%", name, 100.0 * votes.get(best) / members.length);
  }

  private static Map<String, Object> nodeJson(InterestHierarchy.Node n, int[] truthLabels, InterestTruth truth) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", n.id());
    m.put("level", n.level());
    m.put("size", n.size());
    m.put("keywords", n.keywords());
    if (truthLabels != null && n.level() == 1) m.put("truth", majority(n.members(), truthLabels, truth));
    List<Object> centroid = new ArrayList<>();
    for (float v : n.centroid()) centroid.add((double) v);
    m.put("centroid", centroid);
    List<Object> children = new ArrayList<>();
    for (InterestHierarchy.Node c : n.children()) children.add(nodeJson(c, truthLabels, truth));
    if (!children.isEmpty()) m.put("children", children);
    return m;
  }
}
