package org.interestlab.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Starts the kernel: {@code java -jar interestlab-kernel.jar [--classpath-file FILE] CONNECTION_FILE},
 * as the kernelspec's {@code kernel.json} writes it.
 */
public final class KernelMain {
  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    Path classpathFile = null;
    Path connectionFile = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--classpath-file") && i + 1 < args.length) classpathFile = Path.of(args[++i]);
      else if (connectionFile == null && !args[i].startsWith("--")) connectionFile = Path.of(args[i]);
      else usage("unexpected argument '" + args[i] + "'");
    }
    if (connectionFile == null) usage("missing the connection file");
    if (!Files.isReadable(connectionFile)) usage("cannot read the connection file " + connectionFile);
    quietLogging();

    KernelConnectionProperties props =
        KernelConnectionProperties.parse(Files.readString(connectionFile, StandardCharsets.UTF_8));
    JavaKernel kernel = new JavaKernel(ProjectClasspath.read(classpathFile));
    JupyterConnection connection = new JupyterConnection(props);
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    connection.waitUntilClose();
    kernel.close();
    // Cells may have left non-daemon threads (executors, engines); the kernel's life ends with the connection.
    System.exit(0);
  }

  private static void usage(String problem) {
    System.err.println("interestlab-kernel: " + problem);
    System.err.println("usage: java -jar interestlab-kernel.jar [--classpath-file FILE] CONNECTION_FILE");
    System.exit(2);
  }

  /** The base kernel logs every message at INFO; only warnings belong in the Jupyter server's console. */
  static void quietLogging() {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    ConsoleHandler handler = new ConsoleHandler();
    handler.setLevel(Level.WARNING);
    root.addHandler(handler);
  }
}
