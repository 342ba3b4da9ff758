package org.interestlab.experiment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.interestlab.compute.CsvText;

/**
 * The table of a finished sweep ({@code summary.csv}): one row per point and component — every
 * variant's clusterer and recommenders — with the swept values as columns, the validation value, every
 * test metric and the run folder. For each recommender, the point with the best validation value (the
 * first in grid order on ties) is marked {@code best}: the choice among points is made on validation,
 * like the choice among listed parameters, never on the test metrics beside it. Without a {@code
 * validation:} section no point is marked.
 *
 * <p>The swept columns are the config values (dotted paths, as in {@code --set}: {@link
 * RunFolder#flatten}) that differ between the variants' resolved configs, so a column appears for each
 * parameter a swept component sets.
 *
 * <pre>{@code
 * List<ExperimentConfig> variants = new ConfigLoader(registry).loadAll(file, List.of());
 * List<RunResult> results = variants.stream().map(runner::run).toList();
 * Path folder = SweepSummary.write(runsRoot, variants, results);   // <runs>/<time>-<name>-sweep-<hash8>-<n>/summary.csv
 * }</pre>
 */
public final class SweepSummary {
  /** The file name inside the sweep's folder. */
  public static final String FILE = "summary.csv";

  private SweepSummary() {}

  /** Writes {@code summary.csv} into a new folder under {@code runsRoot} (written under a temporary name, then renamed). */
  public static Path write(Path runsRoot, List<ExperimentConfig> variants, List<RunResult> results) {
    String csv = csv(variants, results);
    String hash8 = Runner.sha256(csv).substring(0, 8);
    RunDirectory dir = RunDirectory.create(runsRoot, baseName(variants) + "-sweep", hash8, Instant.now());
    try {
      dir.write(FILE, csv);
      return dir.complete();
    } catch (RuntimeException e) {
      dir.abandon();
      throw e;
    }
  }

  /** The summary table as CSV text. */
  public static String csv(List<ExperimentConfig> variants, List<RunResult> results) {
    if (variants.size() != results.size()) throw new IllegalArgumentException(variants.size() + " variants but " + results.size() + " results");
    List<Map<String, String>> flat = variants.stream().map(v -> RunFolder.flatten(v.resolved())).toList();
    List<String> swept = sweptPaths(flat);
    Set<String> metricNames = new LinkedHashSet<>();
    results.forEach(r -> r.metrics().values().forEach(m -> metricNames.addAll(m.keySet())));
    String validationMetric = validationMetric(variants);

    Map<String, Integer> bestRow = new LinkedHashMap<>();
    Map<String, Double> bestValue = new LinkedHashMap<>();
    List<List<Object>> rows = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      RunResult r = results.get(v);
      for (Map.Entry<String, Map<String, Double>> component : r.metrics().entrySet()) {
        Double validation = r.validation().get(component.getKey());
        if (component.getValue().isEmpty() && validation == null) continue;   // a clusterer asked for no metric
        List<Object> row = new ArrayList<>();
        row.add(variants.get(v).name());
        for (String path : swept) row.add(Objects.requireNonNullElse(flat.get(v).get(path), ""));
        row.add(component.getKey());
        row.add(validation == null ? "" : Json.number(validation));
        for (String metric : metricNames) {
          Double value = component.getValue().get(metric);
          row.add(value == null ? "" : Json.number(value));
        }
        row.add(r.directory().getFileName().toString());
        String key = component.getKey();
        if (validation != null && (!bestValue.containsKey(key) || validation > bestValue.get(key))) {
          bestRow.put(key, rows.size());
          bestValue.put(key, validation);
        }
        rows.add(row);
      }
    }
    List<String> header = new ArrayList<>();
    header.add("variant");
    header.addAll(swept);
    header.add("component");
    header.add(validationMetric == null ? "validation" : "validation " + validationMetric);
    header.addAll(metricNames);
    header.add("run");
    header.add("best");
    CsvText out = CsvText.withHeader(header);
    Set<Integer> best = new LinkedHashSet<>(bestRow.values());
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).add(best.contains(i));
      out.row(rows.get(i));
    }
    return out.toString();
  }

  /** The validation metric every variant chooses by, or null when the variants have no (common) validation section. */
  private static String validationMetric(List<ExperimentConfig> variants) {
    Set<String> names = new LinkedHashSet<>();
    for (ExperimentConfig c : variants) {
      ConfigSections.Section s = c.section(SelectionSettings.KEY);
      names.add(s == null ? null : s.params().getString("metric"));
    }
    return names.size() == 1 ? names.iterator().next() : null;
  }

  /** The dotted paths whose values are not the same in every variant (the run name aside), in first-seen order. */
  private static List<String> sweptPaths(List<Map<String, String>> flat) {
    Set<String> paths = new LinkedHashSet<>();
    flat.forEach(f -> paths.addAll(f.keySet()));
    List<String> out = new ArrayList<>();
    for (String path : paths) {
      if (path.equals("name")) continue;
      Object first = flat.get(0).get(path);
      if (flat.stream().anyMatch(f -> !Objects.equals(f.get(path), first))) out.add(path);
    }
    return out;
  }

  /** The variants' common name prefix: the config's own name, before each variant's suffix. */
  private static String baseName(List<ExperimentConfig> variants) {
    String prefix = variants.get(0).name();
    for (ExperimentConfig c : variants) {
      int n = 0;
      while (n < prefix.length() && n < c.name().length() && prefix.charAt(n) == c.name().charAt(n)) n++;
      prefix = prefix.substring(0, n);
    }
    prefix = prefix.replaceAll("[-_.]+$", "");
    return prefix.isEmpty() ? "sweep" : prefix;
  }
}
