package org.interestlab.cli;

import java.io.PrintWriter;
import org.interestlab.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ./lab} command line. One subcommand per verb; user errors end in one line on standard
 * error and exit code {@value #USER_ERROR}, bugs print their stack trace and exit 1.
 */
@Command(name = "lab", mixinStandardHelpOptions = true, version = "InterestLab 0.1.0",
    description = "InterestLab: LLM-based user-interest clustering and recommendation.",
    subcommands = {RunCommand.class, CompareCommand.class, EncodeCommand.class, ClusterCommand.class, MetricsCommand.class, DatasetsCommand.class,
        BenchCommand.class,
        NotebookCommand.class, CommandLine.HelpCommand.class})
public final class Lab {
  /** Exit code for errors the user can fix (bad config, missing data, no GPU). */
  public static final int USER_ERROR = 2;

  @Option(names = "--debug", description = "Print stack traces for every error.", scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns the exit code (used by tests). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Lab());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      PrintWriter err = cmd.getErr();
      boolean debug = parsed.matchedOption("--debug") != null
          || parsed.subcommands().stream().anyMatch(p -> p.matchedOption("--debug") != null);
      UserException user = userCause(ex);
      if (user != null) {
        err.println("error: " + user.getMessage());
        if (debug) ex.printStackTrace(err);
        err.flush();
        return USER_ERROR;
      }
      ex.printStackTrace(err);
      err.flush();
      return 1;
    });
    // picocli's own usage errors (unknown option, missing argument): one line too, exit 2.
    cl.setParameterExceptionHandler((ex, parsedArgs) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("error: " + ex.getMessage() + " (see " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
      err.flush();
      return USER_ERROR;
    });
    return cl.execute(args);
  }

  private static UserException userCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof UserException u) return u;
    return null;
  }
}
