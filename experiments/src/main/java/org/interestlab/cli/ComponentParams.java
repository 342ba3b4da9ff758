package org.interestlab.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interestlab.UserException;
import org.interestlab.experiment.ParamValues;

/** {@code --param key=value} options: component parameters typed on the command line, values read as YAML reads them. */
final class ComponentParams {
  private ComponentParams() {}

  /** @param example a valid pair for the command, shown when one is malformed */
  static Map<String, Object> parse(List<String> params, String example) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq <= 0) throw new UserException("--param '" + p + "' — expected key=value, e.g. --param " + example);
      out.put(p.substring(0, eq).strip(), ParamValues.scalar(p.substring(eq + 1).strip()));
    }
    return out;
  }
}
