package org.interestlab.kernel;

import java.security.Permission;
import java.util.concurrent.ForkJoinPool;
import java.util.logging.Logger;

/**
 * Keeps {@code System.exit} (and {@code Runtime.halt}) called from a cell, or from a thread a cell
 * started, from ending the kernel: the call throws a {@link SecurityException} that the cell reports
 * as its error, and the session with all its variables goes on. Exits from the kernel's own threads
 * (its shutdown) pass unchanged.
 *
 * <p>Java offers no other hook into {@code Runtime.exit} than a security manager. Its
 * {@code checkPermission} allows everything, so nothing else changes for cells; the common
 * fork-join pool is created before installing it, so parallel streams keep their ordinary worker
 * threads. JDK 17 (InterestLab's) allows installing it at run time; on a JDK that refuses
 * (18 and later without {@code -Djava.security.manager=allow}, always from 24 on) the guard is
 * not installed, a warning is logged, and {@code System.exit} in a cell ends the kernel as in
 * {@code jshell}.
 */
@SuppressWarnings("removal") // SecurityManager: the only hook into System.exit on JDK 17
final class CellExitGuard extends SecurityManager {
  private static final Logger LOG = Logger.getLogger(CellExitGuard.class.getName());

  private CellExitGuard() {}

  /** Installs the guard once per JVM; returns whether cells are now protected. */
  static synchronized boolean install() {
    if (System.getSecurityManager() instanceof CellExitGuard) return true;
    if (System.getSecurityManager() != null) {
      LOG.warning("a security manager is already installed; System.exit in a cell will end the kernel");
      return false;
    }
    ForkJoinPool.commonPool(); // created now, with the default thread factory
    try {
      // JDK 17 prints a deprecation notice to the kernel's stderr (the Jupyter server's console).
      System.setSecurityManager(new CellExitGuard());
      return true;
    } catch (UnsupportedOperationException e) {
      LOG.warning("this JDK does not allow a security manager (" + e.getMessage()
          + "); System.exit in a cell will end the kernel");
      return false;
    }
  }

  @Override
  public void checkExit(int status) {
    if (CellExecutionControl.isCellThread(Thread.currentThread())) {
      throw new SecurityException("System.exit(" + status + ") was called in a cell; the kernel keeps running "
          + "with its state (restart the kernel to start afresh)");
    }
  }

  @Override
  public void checkPermission(Permission perm) {
    // Everything is allowed; only exits are watched.
  }

  @Override
  public void checkPermission(Permission perm, Object context) {
    // Everything is allowed; only exits are watched.
  }
}
