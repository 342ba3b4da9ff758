package org.interestlab.kernel;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads InterestLab and its dependencies for the cells, and the kernel's own renderers
 * ({@value #RENDER_PACKAGE}*), which refer to Tablesaw and so must be defined here rather than by the
 * system loader that holds the kernel. Everything else is parent-first.
 */
final class ProjectClassLoader extends URLClassLoader {
  static final String RENDER_PACKAGE = "org.interestlab.kernel.render.";

  static {
    registerAsParallelCapable();
  }

  ProjectClassLoader(URL kernelCode, ProjectClasspath classpath, ClassLoader parent) {
    super("interestlab-project", urls(kernelCode, classpath), parent);
  }

  private static URL[] urls(URL kernelCode, ProjectClasspath classpath) {
    List<URL> urls = new ArrayList<>();
    urls.add(kernelCode);
    for (Path p : classpath.entries()) {
      try {
        urls.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalStateException("classpath entry is not a URL: " + p, e);
      }
    }
    return urls.toArray(URL[]::new);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith(RENDER_PACKAGE)) return super.loadClass(name, resolve);
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) c = findClass(name);
      if (resolve) resolveClass(c);
      return c;
    }
  }
}
