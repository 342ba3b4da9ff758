package org.interestlab.experiment;

/** How config values are shown in messages. */
final class ConfigText {
  private ConfigText() {}

  static String show(Object v) {
    return org.interestlab.params.ParameterException.show(v);
  }
}
