package org.interestlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jdk.jshell.EvalException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel in-process, without Jupyter: evaluation, errors, interrupt, completion, rendering. */
class JavaKernelTest {
  private static JavaKernel kernel;

  @BeforeAll
  static void start() {
    kernel = new JavaKernel(ProjectClasspath.empty());
  }

  @AfterAll
  static void stop() {
    kernel.close();
  }

  private static String text(String code) throws Exception {
    DisplayData d = kernel.eval(code);
    assertThat(d).as("value of %s", code).isNotNull();
    return (String) d.getData(MIMEType.TEXT_PLAIN);
  }

  @Test
  void lastExpressionIsTheValueAndStatementsHaveNone() throws Exception {
    assertThat(text("6 * 7")).isEqualTo("42");
    assertThat(text("int a = 2;\nint b = 3;\na * b + 1")).isEqualTo("7");
    assertThat(kernel.eval("int c = 4;")).isNull();
    assertThat(kernel.eval("System.out.print(\"\");")).isNull();
    assertThat(text("List.of(1, 2)")).isEqualTo("[1, 2]"); // java.util.* imported as in jshell
  }

  @Test
  void compileErrorGivesLineColumnAndMessage() {
    assertThatThrownBy(() -> kernel.eval("int ok = 1;\nint x = \"a\";"))
        .isInstanceOf(CompilationException.class)
        .hasMessageContaining("line 2, column 9")
        .hasMessageContaining("incompatible types");
  }

  @Test
  void runtimeExceptionKeepsItsClassAndMessageAndTheKernelGoesOn() throws Exception {
    assertThatThrownBy(() -> kernel.eval("throw new IllegalStateException(\"boom\");"))
        .isInstanceOfSatisfying(EvalException.class, e -> {
          assertThat(e.getExceptionClassName()).isEqualTo("java.lang.IllegalStateException");
          assertThat(e.getMessage()).isEqualTo("boom");
          assertThat(String.join("\n", kernel.formatError(e))).contains("java.lang.IllegalStateException: boom");
        });
    assertThat(text("\"alive\"")).isEqualTo("alive");
  }

  @Test
  void interruptStopsAnInfiniteLoopAndTheNextCellRuns() throws Exception {
    CompletableFuture<Object> cell = CompletableFuture.supplyAsync(() -> {
      try {
        return kernel.eval("long n = 0;\nwhile (true) { n++; }");
      } catch (Exception e) {
        return e;
      }
    });
    Thread.sleep(1000);
    assertThat(cell).isNotDone();
    kernel.interrupt();
    assertThat(cell.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    assertThat(text("1 + 1")).isEqualTo("2");
  }

  @Test
  void systemExitInACellIsTheCellsErrorAndTheStateIsKept() throws Exception {
    kernel.eval("int kept = 41;");
    assertThatThrownBy(() -> kernel.eval("System.exit(1);"))
        .isInstanceOfSatisfying(EvalException.class, e -> {
          assertThat(e.getExceptionClassName()).isEqualTo("java.lang.SecurityException");
          assertThat(e.getMessage()).contains("System.exit(1)", "kernel keeps running");
        });
    assertThatThrownBy(() -> kernel.eval("Runtime.getRuntime().halt(3);"))
        .isInstanceOf(EvalException.class).hasMessageContaining("System.exit(3)");
    // A thread the cell started is a cell thread too.
    assertThat(text("var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();\n"
        + "Thread t = new Thread(() -> { try { System.exit(4); } catch (Throwable x) { failure.set(x); } });\n"
        + "t.start(); t.join();\nfailure.get().getClass().getName()")).isEqualTo("java.lang.SecurityException");
    assertThat(text("kept + 1")).isEqualTo("42");
  }

  @Test
  void interruptStopsALoopThatCatchesThrowable() throws Exception {
    CompletableFuture<Object> cell = CompletableFuture.supplyAsync(() -> {
      try {
        return kernel.eval("long swallowed = 0;\n"
            + "while (true) { try { Thread.sleep(1); } catch (Throwable t) { swallowed++; } }");
      } catch (Exception e) {
        return e;
      }
    });
    Thread.sleep(1000);
    assertThat(cell).isNotDone();
    kernel.interrupt();
    assertThat(cell.get(10, TimeUnit.SECONDS))
        .isInstanceOf(InterruptedException.class);
    assertThat(text("\"alive\"")).isEqualTo("alive");
  }

  @Test
  void unknownMagicAndUnmatchedJarAreUserErrors() {
    assertThatThrownBy(() -> kernel.eval("%foo"))
        .isInstanceOf(MagicException.class).hasMessageContaining("unknown magic %foo").hasMessageContaining("%jars");
    assertThatThrownBy(() -> kernel.eval("%jars /no/such/x.jar"))
        .isInstanceOf(MagicException.class).hasMessageContaining("no jar file matches '/no/such/x.jar'");
    assertThatThrownBy(() -> kernel.eval("%jars"))
        .isInstanceOf(MagicException.class).hasMessageContaining("needs at least one jar");
  }

  @Test
  void isCompleteJudgesJava() {
    assertThat(kernel.isComplete("int x = 1;")).isEqualTo("complete");
    assertThat(kernel.isComplete("1 + 1")).isEqualTo("complete");
    assertThat(kernel.isComplete("for (int i = 0; i < 3; i++) {")).isEqualTo("    ");
    assertThat(kernel.isComplete("}")).isEqualTo("invalid");
    assertThat(kernel.isComplete("%jars a.jar\nint y = 2;")).isEqualTo("complete");
  }

  @Test
  void completionComesFromJShell() {
    var options = kernel.complete("Math.ma", 7);
    assertThat(options.getReplacements()).containsExactly("max(");
    assertThat(options.getSourceStart()).isEqualTo(5);
    assertThat(options.getSourceEnd()).isEqualTo(7);
  }

  @Test
  void inspectShowsTheSignature() {
    DisplayData d = kernel.inspect("Math.max", 8, false);
    assertThat((String) d.getData(MIMEType.TEXT_PLAIN)).contains("max(int", "max(double");
  }

  @Test
  void tablesRenderAsHtmlWithEscapedCells() throws Exception {
    DisplayData d = kernel.eval("import tech.tablesaw.api.*;\n"
        + "Table.create(\"t\", StringColumn.create(\"who\", \"<b>\", \"ann\"), IntColumn.create(\"n\", 1, 2))");
    String html = (String) d.getData(MIMEType.TEXT_HTML);
    assertThat(html).contains("<th>who</th>", "<td>&lt;b&gt;</td>", "<td>2</td>", "2 rows × 2 columns");
    assertThat((String) d.getData(MIMEType.TEXT_PLAIN)).contains("ann");
  }

  @Test
  void interestLabClassesAreImportable() throws Exception {
    assertThat(text("import org.interestlab.UserException;\nnew UserException(\"m\").getMessage()")).isEqualTo("m");
  }
}
