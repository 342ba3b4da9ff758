package org.interestlab.experiment;

import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes a resolved config as block-style YAML, keys in their resolved order. */
final class ConfigYaml {
  private ConfigYaml() {}

  static String dump(Map<String, Object> resolved) {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndent(2);
    o.setIndicatorIndent(0);
    o.setWidth(120);
    o.setLineBreak(DumperOptions.LineBreak.UNIX);
    return "# Resolved by InterestLab: every default filled in. Run it again with ./lab run <this file>.\n" + new Yaml(o).dump(resolved);
  }
}
