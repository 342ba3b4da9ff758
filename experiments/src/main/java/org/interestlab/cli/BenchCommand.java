package org.interestlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code lab bench run | compare | peers}: JMH suites run and kept with the machine they ran on,
 * compared across machines, and the side-by-side scripts against other libraries.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks: run the JMH suites into jmh/results/<host>-<utc>/, compare results folders across machines, "
        + "or run the side-by-side scripts against scikit-learn, faiss, numpy and bare ONNX Runtime.",
    subcommands = {BenchRunCommand.class, BenchCompareCommand.class, BenchPeersCommand.class})
final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "bench: give a subcommand: run, compare or peers");
  }
}
