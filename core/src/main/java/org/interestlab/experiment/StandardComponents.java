package org.interestlab.experiment;

/** Registers every built-in component. */
final class StandardComponents {
  private StandardComponents() {}

  static void registerAll(Registry r) {
    Registry.Core.register(r);
  }
}
