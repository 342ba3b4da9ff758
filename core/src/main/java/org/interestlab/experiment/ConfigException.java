package org.interestlab.experiment;

import org.interestlab.UserException;
import org.interestlab.params.ParameterException;

/**
 * A config the user wrote is wrong. The message reads {@code <file>: <key.path>: <bad value> — allowed: …}
 * so it can be fixed without reading code.
 */
public class ConfigException extends UserException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  static ConfigException at(String file, String path, String problem) {
    return new ConfigException(file + ": " + path + ": " + problem);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A bad parameter of the section at {@code path}: {@code <file>: <path>.<key>: <problem> — allowed: …};
   * the {@link ParameterException} stays attached as the cause.
   */
  static ConfigException at(String file, String path, ParameterException e) {
    return new ConfigException(file + ": " + path + "." + e.key() + ": " + e.detail(), e);
  }
}
