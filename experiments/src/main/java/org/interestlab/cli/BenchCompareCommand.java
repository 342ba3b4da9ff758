package org.interestlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.interestlab.UserException;
import org.interestlab.compute.AtomicFiles;
import org.interestlab.plot.PlotlyJs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab bench compare DIR DIR… [--out compare.html]}: the same benchmarks side by side across
 * results folders — the table on standard output, and an offline HTML page with one figure per suite.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare benchmark results folders (jmh/results/<host>-<utc>/): a table of score ± error and the ratio to the "
        + "first folder, and an HTML page with figures that render offline.")
final class BenchCompareCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "DIR", description = "results folders of `lab bench run`; the first is the reference")
  List<String> dirs;

  @Option(names = "--out", paramLabel = "HTML", defaultValue = "compare.html",
      description = "the page written (default: ${DEFAULT-VALUE} in the working directory)")
  Path out;

  @Override
  public Integer call() throws IOException {
    List<BenchResults> machines = new ArrayList<>();
    for (String d : dirs) machines.add(BenchResults.read(Paths.userPath(d)));
    BenchComparison c = BenchComparison.of(machines);
    System.out.print(c.table());
    PlotlyJs plotly = PlotlyJs.get();
    if (!plotly.inlined()) System.err.println("bench: plotly.js was not inlined at build time (no npm): " + out + " needs network");
    Path target = out.toAbsolutePath();
    if (target.getParent() != null && !java.nio.file.Files.isDirectory(target.getParent())) {
      throw new UserException("--out " + out + ": folder " + target.getParent() + " does not exist");
    }
    AtomicFiles.write(target, BenchHtml.render(c, plotly).getBytes(StandardCharsets.UTF_8));
    System.out.println("\nbench: wrote " + out);
    return 0;
  }
}
