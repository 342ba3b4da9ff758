package org.interestlab.cli;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.interestlab.experiment.EnvironmentInfo;

/**
 * {@code environment.json} of a benchmark run: a run's {@link EnvironmentInfo} (host, CPU, cores, memory,
 * JVM, DJL and PyTorch versions, DJL's GPU count, git commit) plus the ONNX Runtime version and each
 * NVIDIA GPU with its driver, as {@code nvidia-smi} names them, and the load average at the start.
 */
final class BenchEnvironment {
  private BenchEnvironment() {}

  static Map<String, Object> collect(Path root) {
    Map<String, Object> env = new LinkedHashMap<>(EnvironmentInfo.collect(root));
    try {
      env.put("onnxruntime_version", Engine.getEngine("OnnxRuntime").getVersion());
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      env.put("onnxruntime_error", String.valueOf(e.getMessage()));
    }
    env.put("gpus", nvidiaGpus());
    env.put("load_average", loadAverage());
    return env;
  }

  /** The 1-, 5- and 15-minute load averages when the run starts: on a shared machine they say how busy it was. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return null;
    }
  }

  /** "name, driver version" per GPU; empty without {@code nvidia-smi} or GPUs. */
  static List<String> nvidiaGpus() {
    List<String> out = new ArrayList<>();
    try {
      Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name,driver_version", "--format=csv,noheader")
          .redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
        for (String line : text.split("\n")) if (!line.isBlank()) out.add(line.trim().replaceFirst(", ", ", driver "));
      }
    } catch (IOException e) {
      // No nvidia-smi: no NVIDIA GPU to list.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }
}
