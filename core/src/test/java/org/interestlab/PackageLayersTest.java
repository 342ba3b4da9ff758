package org.interestlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package architecture of DESIGN §2, read from the compiled classes with the JDK's
 * {@code jdeps}: no two packages of {@code core} depend on each other, directly or through others,
 * and a package imports only packages on lower layers. A new package must be given a layer here.
 */
class PackageLayersTest {
  /** Lowest first; packages on one layer may not import each other. */
  static final List<List<String>> LAYERS = List.of(
      List.of(""),                      // org.interestlab: UserException
      List.of("params"),                // parameters declared beside components
      List.of("compute"),               // vectors, engines, devices, top-k, files
      List.of("data"),                  // datasets, loaders, splits, the ground-truth interface
      List.of("data.synthetic", "encode"),
      List.of("cluster", "eval"),
      List.of("profile"),
      List.of("recommend"),
      List.of("analysis"),
      List.of("plot"),
      List.of("experiment"));

  static Map<String, Set<String>> edges;

  @BeforeAll
  static void readDependencies() {
    Path classes = Path.of("target", "classes");
    assertThat(classes.resolve("org/interestlab/UserException.class")).as("compiled classes of core").exists();
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("the JDK's jdeps tool is missing"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-e", "org\\.interestlab(\\..*)?",
        classes.toString());
    assertThat(rc).as("jdeps: " + err).isZero();
    edges = new TreeMap<>();
    Matcher m = Pattern.compile("^\\s+(org\\.interestlab\\S*)\\s+->\\s+(org\\.interestlab\\S*)\\s", Pattern.MULTILINE).matcher(out.toString());
    while (m.find()) {
      String from = shortName(m.group(1));
      String to = shortName(m.group(2));
      edges.computeIfAbsent(from, k -> new TreeSet<>());
      if (!from.equals(to)) edges.get(from).add(to);
    }
    assertThat(edges).as("dependencies found by jdeps").containsKeys("experiment", "cluster", "data");
  }

  private static String shortName(String pkg) {
    return pkg.equals("org.interestlab") ? "" : pkg.substring("org.interestlab.".length());
  }

  @Test
  void noCyclesBetweenPackages() {
    List<List<String>> cycles = stronglyConnected(edges).stream().filter(c -> c.size() > 1).toList();
    assertThat(cycles).as("package cycles (each list is a set of packages that depend on each other)").isEmpty();
  }

  @Test
  void packagesImportOnlyLowerLayers() {
    Map<String, Integer> layer = new HashMap<>();
    for (int i = 0; i < LAYERS.size(); i++) for (String p : LAYERS.get(i)) layer.put(p, i);
    List<String> unplaced = new ArrayList<>();
    List<String> upward = new ArrayList<>();
    edges.forEach((from, tos) -> {
      if (!layer.containsKey(from)) unplaced.add(from);
      for (String to : tos) {
        if (!layer.containsKey(to)) continue;
        if (layer.containsKey(from) && layer.get(to) >= layer.get(from)) upward.add(show(from) + " -> " + show(to));
      }
    });
    assertThat(unplaced).as("packages without a layer in PackageLayersTest.LAYERS").isEmpty();
    assertThat(upward).as("imports of a package on the same or a higher layer").isEmpty();
  }

  @Test
  void theCheckSeesACycle() {
    Map<String, Set<String>> g = new LinkedHashMap<>();
    g.put("a", Set.of("b"));
    g.put("b", Set.of("c"));
    g.put("c", Set.of("a"));
    g.put("d", Set.of("a"));
    assertThat(stronglyConnected(g)).contains(List.of("a", "b", "c"));
  }

  private static String show(String p) {
    return p.isEmpty() ? "org.interestlab" : p;
  }

  /** Tarjan's strongly connected components, each sorted. */
  static List<List<String>> stronglyConnected(Map<String, Set<String>> g) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<List<String>> out = new ArrayList<>();
    int[] counter = {0};
    for (String v : g.keySet()) if (!index.containsKey(v)) visit(v, g, index, low, stack, onStack, out, counter);
    return out;
  }

  private static void visit(String v, Map<String, Set<String>> g, Map<String, Integer> index, Map<String, Integer> low,
      Deque<String> stack, Set<String> onStack, List<List<String>> out, int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]++);
    stack.push(v);
    onStack.add(v);
    for (String w : g.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        visit(w, g, index, low, stack, onStack, out, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      List<String> c = new ArrayList<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        c.add(w);
      } while (!w.equals(v));
      c.sort(null);
      out.add(c);
    }
  }
}
