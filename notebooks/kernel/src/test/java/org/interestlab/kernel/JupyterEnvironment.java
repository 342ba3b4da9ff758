package org.interestlab.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Jupyter for the integration tests: {@code /usr/bin/python3} with jupyter_client,
 * jupyter_kernel_test and nbconvert, and the kernelspec Maven built, installed into a private
 * Jupyter data folder (the user's own Jupyter setup is never read or touched).
 */
final class JupyterEnvironment {
  static final Path PYTHON = Path.of("/usr/bin/python3");

  final Path dataDir;
  final Path home;

  private JupyterEnvironment(Path root) throws IOException {
    this.dataDir = root.resolve("jupyter-data");
    this.home = root;
    Path spec = Path.of(required("interestlab.kernelspec"));
    assumeTrue(Files.isRegularFile(spec.resolve("kernel.json")),
        "no kernelspec at " + spec + " (the Jupyter tests run after `package`, in `mvn verify`)");
    // A copy elsewhere: proves kernel.json finds its jar through {resource_dir}.
    copyTree(spec, dataDir.resolve("kernels").resolve("java"));
  }

  /** Skips the calling test (with the reason) unless Python and the Jupyter packages are there. */
  static JupyterEnvironment create(Path tempDir) throws Exception {
    assumeTrue(!Boolean.getBoolean("interestlab.skipJupyter"), "Jupyter tests skipped (-Dinterestlab.skipJupyter=true)");
    assumeTrue(Files.isExecutable(PYTHON), "skipped: " + PYTHON + " is missing (apt-get install python3)");
    Result probe = run(List.of(PYTHON.toString(), "-c", "import jupyter_client, jupyter_kernel_test, nbconvert, nbclient"),
        Path.of("."), Map.of(), 60);
    assumeTrue(probe.exitCode() == 0, "skipped: Debian's Jupyter packages are missing for /usr/bin/python3 "
        + "(sudo bash .ci/run installs them: jupyter-nbconvert python3-nbclient jupyter-client python3-jupyter-kernel-test ...): "
        + probe.output().strip());
    return new JupyterEnvironment(tempDir);
  }

  static String required(String property) {
    String v = System.getProperty(property);
    assumeTrue(v != null, "system property " + property + " is not set (run through Maven)");
    return v;
  }

  /** Environment for Jupyter processes: only our kernelspec folder, private runtime and config dirs. */
  Map<String, String> env(Map<String, String> extra) {
    Map<String, String> env = new java.util.HashMap<>(extra);
    env.put("JUPYTER_DATA_DIR", dataDir.toString());
    env.put("JUPYTER_PATH", dataDir.toString());
    env.put("JUPYTER_RUNTIME_DIR", home.resolve("jupyter-runtime").toString());
    env.put("JUPYTER_CONFIG_DIR", home.resolve("jupyter-config").toString());
    env.put("IPYTHONDIR", home.resolve("ipython").toString());
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    return env;
  }

  record Result(int exitCode, String output) {}

  static Result run(List<String> command, Path workDir, Map<String, String> env, long timeoutSeconds) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().remove("JUPYTER_PATH");
    pb.environment().putAll(env);
    Process p = pb.start();
    StringBuilder out = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (var in = p.getInputStream()) {
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
          String s = new String(buf, 0, n, StandardCharsets.UTF_8);
          synchronized (out) {
            out.append(s);
          }
          System.out.print(s);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    reader.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      reader.join(5000);
      throw new AssertionError("timed out after " + timeoutSeconds + " s: " + String.join(" ", command) + "\n" + out);
    }
    reader.join(5000);
    synchronized (out) {
      return new Result(p.exitValue(), out.toString());
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(target);
        else Files.copy(f, target);
      }
    }
  }
}
