package org.interestlab.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.interestlab.cli.Lab;

/** The CLI run in-process as a user drives it, and what every user error must look like. */
public final class Cli {
  private Cli() {}

  /** What a command returned and printed. */
  public record Result(int code, String out, String err) {}

  static Path root() {
    Path root = Path.of(System.getProperty("interestlab.root", "..")).toAbsolutePath().normalize();
    System.setProperty("interestlab.root", root.toString());
    System.setProperty("interestlab.progress", "false");
    return root;
  }

  /** Runs {@code ./lab ARGS} in this JVM capturing standard output and error (one command at a time). */
  public static synchronized Result lab(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Lab.execute(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /**
   * Exit code 2, exactly one line on standard error naming every one of {@code mustName} (the file,
   * the key or option), no stack trace.
   */
  static void assertUserError(Result r, String... mustName) {
    String err = r.err().strip();
    assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(Lab.USER_ERROR);
    assertThat(err).as("one line").doesNotContain("\n").startsWith("error: ");
    assertThat(err).as("no stack trace").doesNotContain("\tat ").doesNotContainPattern("\\bat org\\.").doesNotContain("Exception");
    for (String s : mustName) assertThat(err).contains(s);
  }

  /** Nothing in the runs folder: no run folder and no temporary one. */
  static void assertNoRunFolder(Path runs) throws IOException {
    if (!Files.exists(runs)) return;
    try (Stream<Path> s = Files.list(runs)) {
      assertThat(s.map(p -> p.getFileName().toString())).as("left in " + runs).isEmpty();
    }
  }
}
