package org.interestlab.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.interestlab.compute.CsvText;
import org.interestlab.data.Dataset;
import org.interestlab.encode.Npy;

/**
 * The optional {@code outputs:} section of a config: extra files a run writes so that notebooks need no
 * re-encoding. {@code outputs: { vectors: true }} (default false) writes {@code user_vectors.npy} (one row
 * per user, in the order of {@code clusters.csv}, which holds each user's cluster label; zero rows for
 * users without a profile), {@code item_vectors.npy} (one row per item) and {@code item_ids.csv} (the
 * items in row order). float32, numpy's {@code .npy} format: {@code numpy.load} reads them.
 *
 * <pre>{@code
 * outputs: { vectors: true }
 * }</pre>
 */
final class RunOutputs {
  static final String KEY = "outputs";
  static final String USER_VECTORS = "user_vectors.npy";
  static final String ITEM_VECTORS = "item_vectors.npy";
  static final String ITEM_IDS = "item_ids.csv";

  private RunOutputs() {}

  /** Checks the section and puts it into {@code resolved} (only when the config has it, so other configs' hashes stay as they were). */
  static void validate(String file, Object raw, Map<String, Object> resolved) {
    if (raw == null) return;
    if (!(raw instanceof Map<?, ?> m)) throw ConfigException.at(file, KEY, ConfigText.show(raw) + " — allowed: { vectors: true|false }");
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (!key.equals("vectors")) throw ConfigException.at(file, KEY + "." + key, "unknown key — allowed keys: vectors");
      if (!(e.getValue() instanceof Boolean b)) {
        throw ConfigException.at(file, KEY + ".vectors", ConfigText.show(e.getValue()) + " is not a boolean — allowed: true, false");
      }
      out.put(key, b);
    }
    out.putIfAbsent("vectors", false);
    resolved.put(KEY, out);
  }

  static boolean vectors(ExperimentConfig config) {
    return config.resolved().get(KEY) instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("vectors"));
  }

  /** The files {@code outputs: {vectors: true}} adds, by name. */
  static Map<String, byte[]> vectorFiles(RunContext ctx) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    if (ctx.profiles != null) files.put(USER_VECTORS, Npy.toBytes(ctx.profiles.vectors()));
    if (ctx.itemVectors != null) {
      files.put(ITEM_VECTORS, Npy.toBytes(ctx.itemVectors));
      Dataset data = ctx.data();
      CsvText ids = CsvText.withHeader("item_id");
      for (int i = 0; i < data.numItems(); i++) ids.row(data.items().get(i).id());
      files.put(ITEM_IDS, ids.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return files;
  }
}
