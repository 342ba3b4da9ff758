package org.interestlab.kernel;

import java.io.File;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * JShell's hook for class loading in the kernel's own JVM, backed by a {@link CellClassLoader}. Paths
 * already on the project classpath are given to the compiler only; the loader reaches them through
 * its parent.
 */
final class CellLoaderDelegate implements LoaderDelegate {
  private final CellClassLoader loader;
  private final Set<String> projectPaths = new HashSet<>();
  private final Map<String, Class<?>> classes = new HashMap<>();

  CellLoaderDelegate(ClassLoader parent, ProjectClasspath project) {
    this.loader = new CellClassLoader(parent);
    project.entries().forEach(p -> projectPaths.add(p.toAbsolutePath().normalize().toString()));
  }

  CellClassLoader loader() {
    return loader;
  }

  @Override
  public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
    boolean[] loaded = new boolean[cbcs.length];
    try {
      for (ClassBytecodes cbc : cbcs) loader.declare(cbc.name(), CellStopInstrumenter.instrument(cbc.bytecodes()));
      for (int i = 0; i < cbcs.length; i++) {
        Class<?> c = loader.loadClass(cbcs[i].name());
        classes.put(cbcs[i].name(), c);
        loaded[i] = true;
        c.getDeclaredMethods(); // link now, so a broken class fails here and not in the middle of a cell
      }
    } catch (Throwable e) {
      throw new ClassInstallException("load: " + e.getMessage(), loaded);
    }
  }

  @Override
  public void classesRedefined(ClassBytecodes[] cbcs) {
    for (ClassBytecodes cbc : cbcs) loader.declare(cbc.name(), CellStopInstrumenter.instrument(cbc.bytecodes()));
  }

  @Override
  public void addToClasspath(String cp) throws InternalException {
    for (String s : cp.split(File.pathSeparator)) {
      if (s.isBlank()) continue;
      Path p = Path.of(s).toAbsolutePath().normalize();
      if (projectPaths.contains(p.toString())) continue;
      try {
        loader.addURL(p.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new InternalException("not a classpath entry: " + s);
      }
    }
  }

  @Override
  public Class<?> findClass(String name) throws ClassNotFoundException {
    Class<?> c = classes.get(name);
    if (c == null) throw new ClassNotFoundException(name + " not found");
    return c;
  }
}
