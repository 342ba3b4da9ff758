package org.interestlab.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.interestlab.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab notebook [install]}: installs the Java kernelspec ({@code java}, built by
 * {@code notebooks/kernel}) for the current user, then starts JupyterLab (else Jupyter Notebook) in
 * {@code notebooks/}.
 */
@Command(name = "notebook", mixinStandardHelpOptions = true,
    description = {"Install the Java Jupyter kernel and start JupyterLab (else Jupyter Notebook) in notebooks/.",
        "Arguments after the options go to Jupyter, e.g. ./lab notebook -- --no-browser --port 8890."},
    subcommands = {NotebookCommand.Install.class})
final class NotebookCommand implements Callable<Integer> {
  static final String KERNEL_NAME = "java";

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Jupyter data folder to install into (default: $JUPYTER_DATA_DIR, else the user's, e.g. ~/.local/share/jupyter).")
  Path dataDir;

  @Parameters(paramLabel = "JUPYTER_ARG", description = "passed to jupyter lab / jupyter notebook")
  List<String> jupyterArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Path data = dataDir != null ? dataDir : userDataDir();
    install(data);
    Path notebooks = Paths.root().resolve("notebooks");
    List<String> command = new ArrayList<>(jupyterCommand().orElseThrow(() -> new UserException(
        "neither JupyterLab nor Jupyter Notebook is on the PATH (looked for jupyter-lab, jupyter-notebook): "
            + "install one (pip install jupyterlab, or apt-get install jupyter-notebook); the Java kernel is "
            + "already installed in " + data.resolve("kernels").resolve(KERNEL_NAME) + " and any Jupyter finds it")));
    command.addAll(jupyterArgs);
    System.out.println("notebook: starting " + String.join(" ", command) + " in " + notebooks);
    ProcessBuilder pb = new ProcessBuilder(command).directory(notebooks.toFile()).inheritIO();
    if (dataDir != null) {
      String path = System.getenv("JUPYTER_PATH");
      pb.environment().put("JUPYTER_PATH", dataDir + (path == null || path.isBlank() ? "" : File.pathSeparator + path));
    }
    return pb.start().waitFor();
  }

  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Install the Java kernelspec 'java' for the current user (prints where).")
  static final class Install implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "Jupyter data folder to install into (default: $JUPYTER_DATA_DIR, else the user's, e.g. ~/.local/share/jupyter).")
    Path dataDir;

    @Override
    public Integer call() {
      install(dataDir != null ? dataDir : userDataDir());
      return 0;
    }
  }

  /** The kernelspec folder Maven builds (notebooks/kernel, phase package). */
  static Path builtKernelspec() {
    return Paths.root().resolve("notebooks/kernel/target/jupyter/kernels").resolve(KERNEL_NAME);
  }

  /**
   * Copies the built kernelspec to {@code DATA/kernels/java}: to a temporary name first, then renamed
   * over any previous install, so Jupyter never sees half a kernelspec. The copy's kernel.json starts
   * the kernel with this JVM's {@code java}, which is known to be Java 17 or newer.
   */
  static Path install(Path data) {
    Path source = builtKernelspec();
    if (!Files.isRegularFile(source.resolve("kernel.json")) || !Files.isRegularFile(source.resolve("interestlab-kernel.jar"))) {
      throw new UserException("the Java kernel is not built: " + source + " has no kernel.json and interestlab-kernel.jar; "
          + "build it with ./lab (or mvn -B -DskipTests package)");
    }
    Path kernels = data.toAbsolutePath().normalize().resolve("kernels");
    Path target = kernels.resolve(KERNEL_NAME);
    try {
      Files.createDirectories(kernels);
      Path tmp = Files.createTempDirectory(kernels, ".java-tmp-");
      try (Stream<Path> files = Files.list(source)) {
        for (Path f : files.toList()) Files.copy(f, tmp.resolve(f.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
      Path json = tmp.resolve("kernel.json");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String spec = Files.readString(json, StandardCharsets.UTF_8);
      Files.writeString(json, spec.replaceFirst("\"argv\": \\[\\s*\"java\"", "\"argv\": [\n    " + jsonString(java)),
          StandardCharsets.UTF_8);
      if (Files.exists(target)) {
        Path old = Files.createTempDirectory(kernels, ".java-old-");
        Files.delete(old);
        move(target, old);
        move(tmp, target);
        deleteTree(old);
      } else {
        move(tmp, target);
      }
    } catch (IOException e) {
      throw new UserException("cannot install the Java kernelspec into " + target + ": " + e.getMessage(), e);
    }
    System.out.println("notebook: installed the Java kernel (kernelspec '" + KERNEL_NAME + "', display name \"Java\") in " + target);
    System.out.println("notebook: kernel.json starts {resource_dir}/interestlab-kernel.jar, so the folder may be moved;"
        + " cells see InterestLab through " + target.resolve("classpath.txt"));
    return target;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static String jsonString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void deleteTree(Path dir) throws IOException {
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Jupyter's per-user data folder, as jupyter_core computes it (without asking a Python). */
  static Path userDataDir() {
    String env = System.getenv("JUPYTER_DATA_DIR");
    if (env != null && !env.isBlank()) return Path.of(env);
    Path home = Path.of(System.getProperty("user.home"));
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("mac")) return home.resolve("Library").resolve("Jupyter");
    if (os.contains("win")) {
      String appData = System.getenv("APPDATA");
      return (appData != null ? Path.of(appData) : home).resolve("jupyter");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("jupyter");
  }

  /** {@code jupyter-lab} if installed, else {@code jupyter-notebook}, from the PATH. */
  static Optional<List<String>> jupyterCommand() {
    for (String exe : List.of("jupyter-lab", "jupyter-notebook")) {
      Optional<Path> p = onPath(exe);
      if (p.isPresent()) return Optional.of(List.of(p.get().toString()));
    }
    return Optional.empty();
  }

  private static Optional<Path> onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) return Optional.empty();
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) continue;
      Path p = Path.of(dir, exe);
      if (Files.isExecutable(p)) return Optional.of(p);
    }
    return Optional.empty();
  }
}
