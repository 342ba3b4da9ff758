package org.interestlab.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jdk.jshell.EvalException;

/**
 * The Java kernel: Jupyter requests in, JShell evaluation out. Kernelspec {@code java}, language
 * {@code Java}, file extension {@code .jshell}, as IJava's, so notebooks move between the two.
 */
public final class JavaKernel extends BaseKernel implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(JavaKernel.class.getName());
  private static final String RENDERERS = ProjectClassLoader.RENDER_PACKAGE + "ProjectRenderers";
  private static volatile JavaKernel instance;

  private final LanguageInfo languageInfo;
  private final CellShell shell;
  private final ClasspathMagics magics;
  private final java.util.Set<String> displayedThisCell = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public JavaKernel(ProjectClasspath project) {
    this.languageInfo = new LanguageInfo.Builder("Java")
        .version(Runtime.version().toString())
        .mimetype("text/x-java-source")
        .fileExtension(".jshell")
        .pygments("java")
        .codemirror("java")
        .build();
    for (var p : project.missing()) LOG.warning("cell classpath entry does not exist (rebuild with ./lab): " + p);
    URL kernelCode = JavaKernel.class.getProtectionDomain().getCodeSource().getLocation();
    ClassLoader projectLoader = new ProjectClassLoader(kernelCode, project, JavaKernel.class.getClassLoader());
    instance = this; // before any cell: the display helpers find the kernel through it
    CellExitGuard.install(); // System.exit in a cell becomes the cell's error, not the kernel's end
    this.shell = new CellShell(projectLoader, project);
    this.magics = new ClasspathMagics(shell::addToClasspath);
    shell.evalQuietly("import static org.interestlab.kernel.runtime.Display.*;");
    registerProjectRenderers(projectLoader, getRenderer());
  }

  /** The running kernel, for the display helpers cells call. */
  public static JavaKernel instance() {
    JavaKernel k = instance;
    if (k == null) throw new IllegalStateException("no Java kernel is running in this JVM");
    return k;
  }

  // Renderers for InterestLab's and Tablesaw's types are project code that refers to Tablesaw, so they
  // load through the project loader; without Tablesaw on the cell classpath values render as text.
  private static void registerProjectRenderers(ClassLoader projectLoader, Renderer renderer) {
    try {
      Class.forName(RENDERERS, true, projectLoader).getMethod("register", Renderer.class).invoke(null, renderer);
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.log(Level.WARNING, "Tablesaw renderers not registered (is Tablesaw on the cell classpath?): " + e);
    }
  }

  /** Called by {@code display(...)}: the id of an output this cell has shown. */
  public void displayed(String displayId) {
    displayedThisCell.add(displayId);
  }

  @Override
  public LanguageInfo getLanguageInfo() {
    return languageInfo;
  }

  @Override
  public String getBanner() {
    return "Java " + Runtime.version() + " (JShell) with InterestLab";
  }

  @Override
  public DisplayData eval(String code) throws Exception {
    Thread current = Thread.currentThread();
    ClassLoader previous = current.getContextClassLoader();
    // The snippet thread inherits this: ServiceLoader lookups in cells (DJL engines) see the cells' jars.
    current.setContextClassLoader(shell.cellLoader());
    displayedThisCell.clear();
    try {
      Object value = CellShell.NO_VALUE;
      for (CellSource.Part part : CellSource.parse(code).parts()) {
        if (part instanceof CellSource.Magic m) {
          magics.apply(m);
          value = CellShell.NO_VALUE;
        } else if (part instanceof CellSource.Code c) {
          value = shell.eval(c.source());
        }
      }
      if (value == CellShell.NO_VALUE) return null;
      // A cell ending in display(x) has shown x already; its display id is no output of its own.
      if (value instanceof String id && displayedThisCell.contains(id)) return null;
      // render(x) as the last expression: its rendering is the cell's output, not a rendering of it.
      return value instanceof DisplayData d ? d : getRenderer().render(value);
    } finally {
      current.setContextClassLoader(previous);
    }
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    CellShell.Completions c = shell.complete(code, at);
    return c.matches().isEmpty() ? null : new ReplacementOptions(c.matches(), c.start(), c.end());
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    List<String> docs = shell.documentation(code, at);
    return docs.isEmpty() ? null : new DisplayData(String.join("\n\n", docs));
  }

  @Override
  public String isComplete(String code) {
    // Magic lines are complete on their own; judge the Java around them.
    StringBuilder java = new StringBuilder();
    for (CellSource.Part part : CellSource.parse(code).parts()) {
      if (part instanceof CellSource.Code c) java.append(c.source()).append('\n');
    }
    return switch (shell.isComplete(java.toString())) {
      case COMPLETE -> IS_COMPLETE_YES;
      case INVALID -> IS_COMPLETE_BAD;
      case INCOMPLETE -> "    ";
    };
  }

  @Override
  public void interrupt() {
    shell.stop();
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    close();
  }

  @Override
  public void close() {
    shell.close();
  }

  @Override
  public List<String> formatError(Exception e) {
    List<String> lines = new ArrayList<>();
    if (e instanceof CompilationException c) {
      lines.add(errorStyler.secondary("Compilation error: " + c.getMessage()));
      for (String d : c.details().subList(Math.min(c.details().size(), 1), c.details().size())) lines.add(d);
    } else if (e instanceof EvalException ev) {
      String message = ev.getMessage();
      lines.add(errorStyler.secondary(ev.getExceptionClassName() + (message == null ? "" : ": " + message)));
      for (StackTraceElement frame : ev.getStackTrace()) lines.add("\tat " + frame);
      for (Throwable cause = ev.getCause(); cause != null; cause = cause.getCause()) {
        String causeName = cause instanceof EvalException ce ? ce.getExceptionClassName() : cause.getClass().getName();
        lines.add("Caused by: " + causeName + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
      }
    } else if (e instanceof MagicException || e instanceof InterruptedException) {
      lines.add(errorStyler.secondary(e.getMessage()));
    } else {
      StringWriter w = new StringWriter();
      e.printStackTrace(new PrintWriter(w));
      lines.addAll(errorStyler.secondaryLines(w.toString()));
    }
    return lines;
  }

  @Override
  public void becomeHandlerForConnection(JupyterConnection connection) {
    super.becomeHandlerForConnection(connection);
    // The base kernel's kernel_info_reply lacks "status": "ok", which protocol 5 requires.
    connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, request) -> {
      env.setBusyDeferIdle();
      env.reply(new OkKernelInfoReply(KERNEL_META.get("project"), KERNEL_META.get("version"),
          getLanguageInfo(), getBanner(), getHelpLinks()));
    });
  }

  /** A named static class: Gson serializes it (it skips anonymous and local classes). */
  static final class OkKernelInfoReply extends KernelInfoReply {
    @SuppressWarnings("unused")
    private final String status = "ok";

    OkKernelInfoReply(String name, String version, LanguageInfo info, String banner, List<LanguageInfo.Help> help) {
      super(Header.PROTOCOL_VERISON, name, version, info, banner, help);
    }
  }
}
