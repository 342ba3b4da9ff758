package org.interestlab.experiment;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.interestlab.compute.Engines;

/**
 * The hardware and software fingerprint of a run ({@code environment.json}): JVM, OS, CPU model,
 * cores, memory, GPUs, engine versions and the git commit, so numbers from different machines can
 * be told apart.
 */
public final class EnvironmentInfo {
  private EnvironmentInfo() {}

  public static Map<String, Object> collect(Path repoRoot) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("host", hostname());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    m.put("cpu_model", cpuModel());
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    m.put("memory_total_mb", memTotalMb());
    m.put("java_version", System.getProperty("java.version"));
    m.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    try {
      Engine pt = Engines.pytorch();
      m.put("djl_version", Engine.getDjlVersion());
      m.put("pytorch_version", pt.getVersion());
      m.put("gpu_count", pt.getGpuCount());
    } catch (RuntimeException | Error e) {
      m.put("pytorch_error", String.valueOf(e.getMessage()));
    }
    m.put("git_commit", git(repoRoot, "rev-parse", "HEAD"));
    String dirty = git(repoRoot, "status", "--porcelain", "--untracked-files=no");
    m.put("git_dirty", dirty == null ? null : !dirty.isEmpty());
    return m;
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }

  private static Long memTotalMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return null;
  }

  private static String git(Path root, String... args) {
    try {
      String[] cmd = new String[args.length + 3];
      cmd[0] = "git";
      cmd[1] = "-C";
      cmd[2] = root.toString();
      System.arraycopy(args, 0, cmd, 3, args.length);
      Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
