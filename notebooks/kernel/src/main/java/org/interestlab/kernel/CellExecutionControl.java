package org.interestlab.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs cells in the kernel's JVM on JShell's own worker thread (so {@code stop()} can end a runaway
 * cell) and keeps the value of the last expression as an object, not only as its string, so that it
 * can be rendered (a Tablesaw table as HTML).
 *
 * <p>JShell hands the execution control a snippet's {@code do_it$} method; this control runs a small
 * static trampoline in its place, which calls the snippet and remembers what it returned.
 */
final class CellExecutionControl extends LocalExecutionControl {
  private static final Method TRAMPOLINE;
  private static volatile Method target;
  private static volatile Object lastValue;
  private static volatile boolean hasValue;
  // The thread groups JShell ran snippets in (a new one per snippet); a thread a cell creates belongs to
  // the group of the snippet that created it (or to a subgroup). Weak: groups of finished snippets go.
  private static final java.util.Set<ThreadGroup> CELL_GROUPS =
      java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

  static {
    try {
      TRAMPOLINE = CellExecutionControl.class.getDeclaredMethod("trampoline");
      TRAMPOLINE.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  CellExecutionControl(CellLoaderDelegate delegate) {
    super(delegate);
  }

  /** Clears the remembered value; call before each snippet. */
  void clearValue() {
    hasValue = false;
    lastValue = null;
  }

  /** Whether the last snippet run returned (its value may be {@code null}). */
  boolean hasValue() {
    return hasValue;
  }

  Object takeValue() {
    Object v = lastValue;
    clearValue();
    return v;
  }

  /** Whether the thread runs cell code: a snippet thread or a thread a cell started. */
  static boolean isCellThread(Thread thread) {
    for (ThreadGroup g = thread.getThreadGroup(); g != null; g = g.getParent()) {
      if (CELL_GROUPS.contains(g)) return true;
    }
    return false;
  }

  @Override
  protected String invoke(Method doitMethod) throws Exception {
    target = doitMethod;
    try {
      return super.invoke(TRAMPOLINE);
    } finally {
      target = null;
    }
  }

  // Called reflectively on the snippet thread. The snippet's own exception (or the ThreadDeath of a stop)
  // is rethrown unwrapped, so the caller sees exactly what it would have seen calling the snippet.
  @SuppressWarnings("unused")
  private static Object trampoline() throws Throwable {
    CELL_GROUPS.add(Thread.currentThread().getThreadGroup());
    try {
      Object v = target.invoke(null);
      lastValue = v;
      hasValue = true;
      return v;
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Gives JShell this control, built around the given loader delegate. */
  static final class Provider implements ExecutionControlProvider {
    private final CellLoaderDelegate delegate;
    private volatile CellExecutionControl control;

    Provider(CellLoaderDelegate delegate) {
      this.delegate = delegate;
    }

    CellExecutionControl control() {
      return control;
    }

    @Override
    public String name() {
      return "interestlab-cells";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
      control = new CellExecutionControl(delegate);
      return control;
    }
  }
}
