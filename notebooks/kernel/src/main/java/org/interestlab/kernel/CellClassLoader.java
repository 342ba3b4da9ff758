package org.interestlab.kernel;

import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Defines the classes JShell compiles from cells and loads the jars added with {@code %jars} and
 * {@code %classpath}. Those jars are searched <em>before</em> the parent (InterestLab and its
 * dependencies), so a cell that adds a newer Gson gets that Gson. The JDK, the display API and the
 * kernel's own classes always come from the parent: cells must share them with the kernel.
 */
final class CellClassLoader extends URLClassLoader {
  private static final String[] PARENT_ONLY = {
    "java.", "javax.", "jdk.", "sun.", "com.sun.", "io.github.spencerpark.jupyter.", "org.interestlab.kernel."
  };

  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> snippetClasses = new ConcurrentHashMap<>();

  CellClassLoader(ClassLoader parent) {
    super("interestlab-cells", new URL[0], parent);
  }

  void declare(String name, byte[] bytes) {
    snippetClasses.put(name, bytes);
  }

  @Override
  public void addURL(URL url) {
    super.addURL(url);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = snippetClasses.get(name);
    if (bytes != null) return defineClass(name, bytes, 0, bytes.length, (CodeSource) null);
    return super.findClass(name);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        if (snippetClasses.containsKey(name)) {
          c = findClass(name);
        } else if (!parentOnly(name) && getURLs().length > 0) {
          try {
            c = super.findClass(name);
          } catch (ClassNotFoundException notInUserJars) {
            c = getParent().loadClass(name);
          }
        } else {
          c = getParent().loadClass(name);
        }
      }
      if (resolve) resolveClass(c);
      return c;
    }
  }

  @Override
  public URL getResource(String name) {
    URL own = findResource(name);
    return own != null ? own : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws java.io.IOException {
    var all = Collections.list(findResources(name));
    all.addAll(Collections.list(getParent().getResources(name)));
    return Collections.enumeration(all);
  }

  private static boolean parentOnly(String name) {
    for (String p : PARENT_ONLY) if (name.startsWith(p)) return true;
    return false;
  }
}
