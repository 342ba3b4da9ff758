package org.interestlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.interestlab.UserException;
import picocli.CommandLine.Command;

/**
 * {@code lab bench peers}: the side-by-side scripts of {@code jmh/compare} in one run
 * ({@code jmh/compare/peers.sh}): k-means against scikit-learn and faiss (iterations from a shared init,
 * and end to end), embeddings on the three engine paths, EASE against numpy and full-ranking evaluation
 * against numpy, each printing seconds and ratios.
 */
@Command(name = "peers", mixinStandardHelpOptions = true,
    description = "Run the side-by-side scripts of jmh/compare in one go (k-means, embeddings, EASE, full-ranking evaluation); "
        + "needs Debian's python3-sklearn, python3-faiss and python3-numpy, and INTERESTLAB_DATA for EASE.")
final class BenchPeersCommand implements Callable<Integer> {
  @Override
  public Integer call() throws IOException, InterruptedException {
    Path script = Paths.root().resolve("jmh/compare/peers.sh");
    if (!Files.isRegularFile(script)) throw new UserException(script + ": not found (run ./lab from an InterestLab checkout)");
    return new ProcessBuilder("bash", script.toString()).directory(Paths.root().toFile()).inheritIO().start().waitFor();
  }
}
