package org.interestlab.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.UserException;
import org.interestlab.compute.CsvRow;
import org.interestlab.compute.CsvTable;

/**
 * The per-user metric values a finished run wrote to {@code per_user.csv} (columns {@code user_id,
 * recommender, num_relevant,} then one column per per-user metric), read back for comparisons
 * across runs. A folder without {@code per_user.csv} is not a run: a {@link UserException}.
 *
 * <pre>{@code
 * RunPerUser run = RunPerUser.read(Path.of("experiments/runs/20261203T120000Z-quickstart-1a2b3c4d"));
 * Map<String, Double> ndcgByUser = run.values("item-knn", "ndcg@10");
 * }</pre>
 *
 * @param folder the run folder
 * @param metrics the per-user metric columns, in file order
 * @param byRecommender recommender (file order) → metric → user id → value (users in file order)
 */
public record RunPerUser(Path folder, List<String> metrics, Map<String, Map<String, Map<String, Double>>> byRecommender) {
  public static final String FILE = "per_user.csv";
  private static final List<String> KEY_COLUMNS = List.of("user_id", "recommender", "num_relevant");

  /** Reads {@code folder/per_user.csv}. */
  public static RunPerUser read(Path folder) {
    Path file = folder.resolve(FILE);
    if (!Files.isDirectory(folder)) throw new UserException(folder + ": not a run folder (no such directory)");
    if (!Files.isRegularFile(file)) throw new UserException(folder + ": not a run folder (no " + FILE + ")");
    Map<String, Map<String, Map<String, Double>>> by = new LinkedHashMap<>();
    List<String> metrics;
    try (CsvTable t = CsvTable.open(file)) {
      List<String> header = t.header();
      if (header.size() < KEY_COLUMNS.size() || !header.subList(0, KEY_COLUMNS.size()).equals(KEY_COLUMNS)) {
        throw new UserException(file + ": not a per-user metrics file — expected the columns " + String.join(", ", KEY_COLUMNS)
            + ", then one per metric");
      }
      metrics = List.copyOf(header.subList(KEY_COLUMNS.size(), header.size()));
      for (CsvRow r : t) {
        Map<String, Map<String, Double>> rec = by.computeIfAbsent(r.get("recommender"), k -> {
          Map<String, Map<String, Double>> m = new LinkedHashMap<>();
          for (String metric : metrics) m.put(metric, new LinkedHashMap<>());
          return m;
        });
        String user = r.get("user_id");
        for (String metric : metrics) {
          double v = r.getDouble(metric, "a number");
          if (!Double.isFinite(v)) throw r.invalid(metric, "a finite number");
          if (rec.get(metric).put(user, v) != null) throw r.error("user_id", "user '" + user + "' appears twice for " + r.get("recommender"));
        }
      }
    }
    return new RunPerUser(folder, metrics, by);
  }

  /** The recommenders, in file order. */
  public List<String> recommenders() {
    return new ArrayList<>(byRecommender.keySet());
  }

  /** User id → value of {@code metric} for {@code recommender}. */
  public Map<String, Double> values(String recommender, String metric) {
    return byRecommender.get(recommender).get(metric);
  }
}
