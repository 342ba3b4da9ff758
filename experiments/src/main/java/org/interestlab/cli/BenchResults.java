package org.interestlab.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.interestlab.UserException;

/**
 * One results folder of {@code ./lab bench run} ({@code jmh/results/<host>-<utc>/}): its scores, read
 * from JMH's {@code jmh.json}, and the machine, read from {@code environment.json}.
 *
 * @param label the folder's name, which names the machine and the time in tables and figures
 * @param environment {@code environment.json} as written (empty when the folder has none)
 * @param scores one row per benchmark × parameters, plus one per secondary metric (e.g. tokens/s)
 */
record BenchResults(String label, Map<String, Object> environment, List<Score> scores) {
  static final String JMH_JSON = "jmh.json";
  static final String ENVIRONMENT_JSON = "environment.json";

  /**
   * One measured number.
   *
   * @param suite the benchmark class without package and {@code Benchmark} suffix, e.g. {@code RankingEval}
   * @param key the suite, method, parameters and (for a secondary metric) its name: what rows match on
   */
  record Score(String suite, String key, double score, double error, String unit) {}

  /** Reads a results folder; a missing folder, a missing or empty {@code jmh.json} is a {@link UserException}. */
  static BenchResults read(Path dir) {
    if (!Files.isDirectory(dir)) throw new UserException(dir + ": no such results folder (made by `./lab bench run`)");
    Path json = dir.resolve(JMH_JSON);
    if (!Files.isRegularFile(json)) {
      throw new UserException(dir + ": no " + JMH_JSON + " — a results folder of `./lab bench run` holds jmh.json and environment.json");
    }
    List<Score> scores = new ArrayList<>();
    try {
      JsonElement root = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8));
      if (!root.isJsonArray()) throw new UserException(json + ": not JMH's JSON (expected a list of results)");
      for (JsonElement e : root.getAsJsonArray()) scores.addAll(rows(e.getAsJsonObject()));
    } catch (IOException e) {
      throw new UserException(json + ": cannot read (" + e.getMessage() + ")");
    } catch (JsonParseException | IllegalStateException | NullPointerException e) {
      throw new UserException(json + ": not JMH's JSON (" + e.getMessage() + ")");
    }
    if (scores.isEmpty()) throw new UserException(json + ": holds no results (did every benchmark fail or get skipped?)");
    return new BenchResults(dir.toAbsolutePath().normalize().getFileName().toString(), environment(dir), scores);
  }

  /** The same results under another label (a folder read before its final rename). */
  BenchResults withLabel(String newLabel) {
    return new BenchResults(newLabel, environment, scores);
  }

  private static List<Score> rows(JsonObject r) {
    String[] parts = r.get("benchmark").getAsString().split("\\.");
    String method = parts[parts.length - 1];
    String suite = parts[parts.length - 2].replaceFirst("Benchmark$", "");
    StringBuilder key = new StringBuilder(suite).append('.').append(method);
    if (r.has("params")) {
      // Sorted, so folders written by different JMH runs agree on the key.
      Map<String, String> params = new TreeMap<>();
      r.getAsJsonObject("params").entrySet().forEach(p -> params.put(p.getKey(), p.getValue().getAsString()));
      params.forEach((k, v) -> key.append(' ').append(k).append('=').append(v));
    }
    List<Score> out = new ArrayList<>();
    out.add(score(suite, key.toString(), r.getAsJsonObject("primaryMetric")));
    if (r.has("secondaryMetrics")) {
      for (Map.Entry<String, JsonElement> m : r.getAsJsonObject("secondaryMetrics").entrySet()) {
        out.add(score(suite, key + " [" + m.getKey() + "]", m.getValue().getAsJsonObject()));
      }
    }
    return out;
  }

  private static Score score(String suite, String key, JsonObject metric) {
    JsonElement err = metric.get("scoreError");
    // JMH writes "NaN" as a string when one iteration gives no error estimate.
    double error = err == null || !err.isJsonPrimitive() || !err.getAsJsonPrimitive().isNumber() ? Double.NaN : err.getAsDouble();
    return new Score(suite, key, metric.get("score").getAsDouble(), error, metric.get("scoreUnit").getAsString());
  }

  private static Map<String, Object> environment(Path dir) {
    Path env = dir.resolve(ENVIRONMENT_JSON);
    Map<String, Object> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(env)) return out;
    try {
      JsonObject o = JsonParser.parseString(Files.readString(env, StandardCharsets.UTF_8)).getAsJsonObject();
      for (Map.Entry<String, JsonElement> e : o.entrySet()) out.put(e.getKey(), plain(e.getValue()));
    } catch (IOException | JsonParseException | IllegalStateException e) {
      throw new UserException(env + ": not a JSON object (" + e.getMessage() + ")");
    }
    return out;
  }

  private static Object plain(JsonElement e) {
    if (e == null || e.isJsonNull()) return null;
    if (e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      List<Object> l = new ArrayList<>();
      a.forEach(x -> l.add(plain(x)));
      return l;
    }
    if (e.isJsonObject()) return e.toString();
    var p = e.getAsJsonPrimitive();
    if (p.isBoolean()) return p.getAsBoolean();
    if (p.isNumber()) return p.getAsNumber();
    return p.getAsString();
  }

  /** One line naming the machine: CPU, cores, memory, GPUs, JVM, engine versions, commit. */
  String machine() {
    Map<String, Object> e = environment;
    if (e.isEmpty()) return label + ": no environment.json";
    Object gpus = e.get("gpus");
    String gpu = gpus instanceof List<?> l && !l.isEmpty() ? String.join(", ", l.stream().map(String::valueOf).toList())
        : "no GPU";
    String commit = String.valueOf(e.getOrDefault("git_commit", "?"));
    return label + ": " + e.getOrDefault("cpu_model", "?") + ", " + e.getOrDefault("cores", "?") + " cores, "
        + e.getOrDefault("memory_total_mb", "?") + " MB, " + gpu + "; JDK " + e.getOrDefault("java_version", "?")
        + "; DJL " + e.getOrDefault("djl_version", "?") + " (PyTorch " + e.getOrDefault("pytorch_version", "?")
        + (e.containsKey("onnxruntime_version") ? ", ONNX Runtime " + e.get("onnxruntime_version") : "") + "); commit "
        + commit.substring(0, Math.min(10, commit.length())) + (Boolean.TRUE.equals(e.get("git_dirty")) ? " (dirty)" : "")
        + (e.get("load_average") != null ? "; load average " + e.get("load_average") : "");
  }
}
