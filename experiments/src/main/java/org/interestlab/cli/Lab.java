package org.interestlab.cli;

import java.io.PrintWriter;
import java.util.List;
import org.interestlab.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ./lab} command line. One subcommand per verb; user errors end in one line on standard
 * error and exit code {@value #USER_ERROR}, bugs print their stack trace and exit 1.
 */
@Command(name = "lab", mixinStandardHelpOptions = true, version = "InterestLab 0.1.0",
    description = "InterestLab: LLM-based user-interest clustering and recommendation.")
public final class Lab {
  /** Exit code for errors the user can fix (bad config, missing data, no GPU). */
  public static final int USER_ERROR = 2;

  /** The subcommands, in the order help lists them. */
  static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, CompareCommand.class, EncodeCommand.class,
      ClusterCommand.class, MetricsCommand.class, DatasetsCommand.class, BenchCommand.class, NotebookCommand.class,
      CommandLine.HelpCommand.class);

  @Option(names = "--debug", description = "Print stack traces for every error.", scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns the exit code (used by tests). */
  public static int execute(String... args) {
    CommandLine cl = commandLine(args);
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

  /**
   * The command line for these arguments. When the first argument names a subcommand (other than
   * {@code help}), only that subcommand's model is built: picocli reads every option of every command
   * it is given by reflection, and building all of them was a tenth of a second of each start. Help,
   * typos and root options get every subcommand, so their messages list them all.
   */
  static CommandLine commandLine(String... args) {
    CommandLine cl = new CommandLine(new Lab());
    String first = args.length > 0 ? args[0] : "";
    Class<?> named = null;
    for (Class<?> c : SUBCOMMANDS) {
      if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(first)) named = c;
    }
    for (Class<?> c : SUBCOMMANDS) if (named == null || c == named) cl.addSubcommand(c);
    return cl;
  }

  private static UserException userCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof UserException u) return u;
    return null;
  }
}
