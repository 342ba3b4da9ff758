package org.interestlab.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import org.interestlab.kernel.runtime.CellStop;

/**
 * JShell running in this JVM: evaluates Java source snippet by snippet, completes code and judges
 * whether code is complete. Not thread-safe except {@link #stop()}, which may be called from any
 * thread while {@link #eval} runs.
 */
final class CellShell implements AutoCloseable {
  /** What JShell's own tool imports at start-up, so cells read as they would in {@code jshell}. */
  static final List<String> DEFAULT_IMPORTS = List.of(
      "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.util.*",
      "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*", "java.util.regex.*",
      "java.util.stream.*");

  /** The value of a cell that ends in a statement or declaration rather than an expression. */
  static final Object NO_VALUE = new Object() {
    @Override
    public String toString() {
      return "(no value)";
    }
  };

  private final JShell shell;
  private final CellExecutionControl.Provider provider;
  private final CellLoaderDelegate delegate;
  private final ProjectClasspath project;
  private final List<String> userPaths = new ArrayList<>();
  private Boolean compilerPathFixed;
  private volatile boolean stopRequested;
  private volatile boolean running;

  CellShell(ClassLoader projectLoader, ProjectClasspath project) {
    this.project = project;
    this.delegate = new CellLoaderDelegate(projectLoader, project);
    this.provider = new CellExecutionControl.Provider(delegate);
    this.shell = JShell.builder()
        .executionEngine(provider, java.util.Map.of())
        .compilerOptions("-Xlint:-options")
        .build();
    if (!project.entries().isEmpty()) shell.addToClasspath(project.joined());
    for (String imp : DEFAULT_IMPORTS) evalQuietly("import " + imp + ";");
  }

  /** The class loader cells run in (for the thread context loader: service lookups from cells see their jars). */
  ClassLoader cellLoader() {
    return delegate.loader();
  }

  /**
   * Adds jars or folders to the compiler's and the cells' classpath; later cells see them, ahead of
   * InterestLab's and the kernel's own copies of the same classes, when compiling as when running.
   */
  void addToClasspath(String path) {
    shell.addToClasspath(path);
    userPaths.add(path);
    compilerPathUserFirst();
  }

  // JShell only appends to the compiler's class path, so javac would still resolve a class from the
  // project's older jar while the cell runs the user's newer one. Rewrite the path as
  // kernel, user jars, project (JShell's TaskFactory.classpath; opened by the kernel jar's manifest,
  // Add-Opens: jdk.jshell/jdk.jshell). If that is not possible, run-time order still holds.
  private void compilerPathUserFirst() {
    if (project.entries().isEmpty() || compilerPathFixed == Boolean.FALSE) return;
    try {
      java.lang.reflect.Field tfField = JShell.class.getDeclaredField("taskFactory");
      tfField.setAccessible(true);
      Object taskFactory = tfField.get(shell);
      java.lang.reflect.Field cp = taskFactory.getClass().getDeclaredField("classpath");
      cp.setAccessible(true);
      java.lang.reflect.Method append = taskFactory.getClass().getDeclaredMethod("addToClasspath", String.class);
      append.setAccessible(true);
      String base = System.getProperty("java.class.path");
      cp.set(taskFactory, base + java.io.File.pathSeparator + String.join(java.io.File.pathSeparator, userPaths));
      append.invoke(taskFactory, project.joined());
      compilerPathFixed = Boolean.TRUE;
    } catch (ReflectiveOperationException | RuntimeException e) {
      compilerPathFixed = Boolean.FALSE;
      java.util.logging.Logger.getLogger(CellShell.class.getName()).warning(
          "cannot put added jars first on the compiler's class path (" + e + "); classes resolve from them at run time only");
    }
  }

  /** Runs a start-up snippet; a failure is a bug in the kernel, not the user's business. */
  void evalQuietly(String code) {
    try {
      eval(code);
    } catch (Exception e) {
      throw new IllegalStateException("start-up snippet failed: " + code + ": " + e.getMessage(), e);
    }
  }

  /**
   * Evaluates the code, snippet by snippet, and returns the value of the last snippet if that is an
   * expression, else {@link #NO_VALUE}.
   *
   * @throws CompilationException a snippet does not compile (earlier snippets have run)
   * @throws EvalException a snippet threw (its class, message and stack trace)
   * @throws InterruptedException {@link #stop()} was called while the code ran
   */
  Object eval(String code) throws Exception {
    stopRequested = false;
    CellStop.clear();
    running = true;
    try {
      return evalSnippets(code);
    } finally {
      running = false;
    }
  }

  private Object evalSnippets(String code) throws Exception {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    Object value = NO_VALUE;
    String remaining = code;
    while (!remaining.isBlank()) {
      CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (info.completeness() == Completeness.EMPTY) break;
      int consumed = code.length() - remaining.length();
      String source;
      String rest;
      if (info.completeness().isComplete()) {
        source = info.source();
        rest = info.remaining();
      } else {
        // Incomplete or unknown: let the compiler say what is wrong with the rest.
        source = remaining;
        rest = "";
      }
      // Where the snippet's source starts in the cell (JShell may or may not keep leading white space),
      // so that compile errors point at the cell's own line and column.
      int start = consumed + leadingSpace(remaining) - leadingSpace(source);
      remaining = rest;
      value = evalSnippet(code, start, source);
      if (stopRequested) throw new InterruptedException("the cell was interrupted");
    }
    return value;
  }

  private Object evalSnippet(String cell, int start, String source) throws Exception {
    CellExecutionControl control = provider.control();
    control.clearValue();
    List<SnippetEvent> events = shell.eval(source);
    Object value = NO_VALUE;
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) continue; // knock-on updates of other snippets
      Snippet snippet = event.snippet();
      if (event.status() == Snippet.Status.REJECTED) throw compilationError(cell, start, source, snippet);
      JShellException thrown = event.exception();
      if (thrown instanceof UnresolvedReferenceException unresolved) {
        throw new CompilationException("unresolved reference in " + unresolved.getSnippet().source().strip(),
            unresolvedDetails(unresolved));
      }
      if (thrown != null) throw thrown;
      if (isExpression(snippet) && control.hasValue()) value = control.takeValue();
    }
    return value;
  }

  private static boolean isExpression(Snippet s) {
    if (s instanceof ExpressionSnippet e) return !"void".equals(e.typeName());
    return s instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
        && !"void".equals(v.typeName());
  }

  private CompilationException compilationError(String cell, int start, String source, Snippet snippet) {
    List<String> details = new ArrayList<>();
    String first = null;
    for (Diag d : shell.diagnostics(snippet).toList()) {
      if (!d.isError()) continue;
      int pos = (int) Math.max(0, Math.min(d.getPosition(), source.length()));
      int at = Math.min(start + pos, cell.length());
      int lineStart = cell.lastIndexOf('\n', at - 1) + 1;
      int lineEnd = cell.indexOf('\n', at);
      if (lineEnd < 0) lineEnd = cell.length();
      int line = (int) cell.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
      int column = at - lineStart + 1;
      String message = d.getMessage(Locale.ROOT).strip();
      String where = "line " + line + ", column " + column + ": " + message;
      if (first == null) first = where;
      details.add(where);
      details.add("    " + cell.substring(lineStart, lineEnd));
      details.add("    " + " ".repeat(Math.max(0, column - 1)) + "^");
    }
    if (first == null) first = "the code does not compile: " + source.strip();
    return new CompilationException(first, details);
  }

  private List<String> unresolvedDetails(UnresolvedReferenceException e) {
    List<String> lines = new ArrayList<>();
    for (Diag d : shell.diagnostics(e.getSnippet()).toList()) lines.add(d.getMessage(Locale.ROOT).strip());
    return lines;
  }

  private static int leadingSpace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    return i;
  }

  /** Completion candidates at {@code cursor}: the replacement texts and where they start. */
  Completions complete(String code, int cursor) {
    int[] anchor = new int[1];
    Set<String> matches = new LinkedHashSet<>();
    for (SourceCodeAnalysis.Suggestion s : shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor)) {
      matches.add(s.continuation());
    }
    return new Completions(List.copyOf(matches), anchor[0], cursor);
  }

  /** Signatures (and Javadoc where the JDK ships sources) of what is at {@code cursor}. */
  List<String> documentation(String code, int cursor) {
    var docs = shell.sourceCodeAnalysis().documentation(code, cursor, true);
    if (docs.isEmpty() && cursor > 0 && cursor <= code.length() && Character.isJavaIdentifierPart(code.charAt(cursor - 1))) {
      // JShell documents a method inside its call's parentheses; a front end asks with the cursor on the name.
      docs = shell.sourceCodeAnalysis().documentation(code.substring(0, cursor) + "(" + code.substring(cursor), cursor + 1, true);
    }
    List<String> out = new ArrayList<>();
    for (SourceCodeAnalysis.Documentation d : docs) {
      out.add(d.javadoc() == null || d.javadoc().isBlank() ? d.signature() : d.signature() + "\n" + d.javadoc());
    }
    return out;
  }

  record Completions(List<String> matches, int start, int end) {}

  /** Jupyter's is_complete verdicts. */
  enum Verdict { COMPLETE, INCOMPLETE, INVALID }

  Verdict isComplete(String code) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String remaining = code;
    while (!remaining.isBlank()) {
      CompletionInfo info = analysis.analyzeCompletion(remaining);
      switch (info.completeness()) {
        case EMPTY:
          return Verdict.COMPLETE;
        case COMPLETE, COMPLETE_WITH_SEMI:
          remaining = info.remaining();
          break;
        case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE:
          return Verdict.INCOMPLETE;
        default:
          return Verdict.INVALID;
      }
    }
    return Verdict.COMPLETE;
  }

  /**
   * Stops the running cell (called from another thread; no-op when nothing runs): JShell's
   * {@code Thread.stop} ends blocking calls, and {@link CellStop} ends the next round of any loop in
   * the cell's code, even one that catches {@code Throwable} (the check sits outside its {@code try}).
   * Code of libraries a cell calls is not instrumented: a library loop that swallows every
   * {@code Throwable} stays unstoppable, and only a kernel restart ends it.
   */
  void stop() {
    if (!running) return;
    stopRequested = true;
    CellStop.request();
    shell.stop();
  }

  @Override
  public void close() {
    shell.close();
  }
}
