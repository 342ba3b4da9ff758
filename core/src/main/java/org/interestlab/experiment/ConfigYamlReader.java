package org.interestlab.experiment;

import java.io.StringReader;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Config text → plain Java values (maps, lists, scalars), refusing what YAML would accept silently
 * or slowly: a key given twice in one mapping (YAML parsers keep the last, so {@code seed: 42} …
 * {@code seed: 7} ran with 7) is an error naming the key and both lines, and text over
 * {@value #MAX_CHARS} characters is refused before parsing (parse time grows quickly with one huge
 * value; a real config is a few kilobytes).
 *
 * <pre>{@code
 * Object tree = ConfigYamlReader.read("x.yaml", "seed: 42\nname: demo\n");
 * }</pre>
 */
final class ConfigYamlReader {
  /** Longest config accepted, in characters (and, for files, bytes): 1 MiB. */
  static final int MAX_CHARS = 1 << 20;

  private ConfigYamlReader() {}

  /** Parses one YAML document; {@code file} names it in messages. */
  static Object read(String file, String text) {
    if (text.length() > MAX_CHARS) throw tooLarge(file, text.length());
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(MAX_CHARS + 1);
    try {
      Node root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
      if (root != null) rejectDuplicates(file, root, "", Collections.newSetFromMap(new IdentityHashMap<>()));
      return new Yaml(new SafeConstructor(options)).load(text);
    } catch (MarkedYAMLException e) {
      throw new ConfigException(file + ": line " + (e.getProblemMark().getLine() + 1) + ": YAML syntax error: " + e.getProblem(), e);
    } catch (YAMLException e) {
      throw new ConfigException(file + ": YAML syntax error: " + e.getMessage(), e);
    }
  }

  static ConfigException tooLarge(String file, long size) {
    return new ConfigException(file + ": " + size + " characters — allowed: at most " + MAX_CHARS
        + " (1 MiB); a config names components and parameters, data belongs in dataset files");
  }

  private static void rejectDuplicates(String file, Node node, String path, Set<Node> seen) {
    if (!seen.add(node)) return; // an alias to a node already checked
    if (node instanceof SequenceNode s) {
      for (int i = 0; i < s.getValue().size(); i++) rejectDuplicates(file, s.getValue().get(i), path + "[" + i + "]", seen);
    } else if (node instanceof MappingNode m) {
      Map<String, Integer> lines = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        String childPath = path;
        if (t.getKeyNode() instanceof ScalarNode k && !k.getValue().equals("<<")) {
          int line = k.getStartMark().getLine() + 1;
          Integer first = lines.putIfAbsent(k.getValue(), line);
          childPath = path.isEmpty() ? k.getValue() : path + "." + k.getValue();
          if (first != null) {
            throw new ConfigException(file + ": line " + line + ": " + childPath + ": key given twice (lines " + first + " and " + line
                + ") — keep one");
          }
        }
        rejectDuplicates(file, t.getValueNode(), childPath, seen);
      }
    }
  }
}
