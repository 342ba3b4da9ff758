package org.interestlab.experiment;

import org.interestlab.UserException;

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
}
