package org.interestlab.experiment;

import java.util.Arrays;
import java.util.stream.Stream;
import org.interestlab.testing.ConfiguredComponents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parameter contract of every registered component of every stage, read from its declared
 * parameters: each value a config must refuse (below a minimum, above a maximum, outside a choice,
 * of the wrong type) is one line naming the file and the key path, as a user error (exit 2); each
 * end of a declared range a user may write builds the component, or is refused as a user error —
 * never a bug.
 */
class ParameterContractTest {
  static Stream<Arguments> rejectedValues() {
    return Arrays.stream(Stage.values()).flatMap(stage ->
        ConfiguredComponents.rejectedValues(stage).map(a -> Arguments.of(prepend(stage, a.get()))));
  }

  static Stream<Arguments> acceptedBounds() {
    return Arrays.stream(Stage.values()).flatMap(stage ->
        ConfiguredComponents.acceptedBounds(stage).map(a -> Arguments.of(prepend(stage, a.get()))));
  }

  private static Object[] prepend(Stage stage, Object[] rest) {
    Object[] out = new Object[rest.length + 1];
    out[0] = stage;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  @ParameterizedTest(name = "{0} {1}.{2} = {3}")
  @MethodSource("rejectedValues")
  void aBadValueIsOneLineNamingTheKey(Stage stage, String kind, String param, Object value) {
    ConfiguredComponents.assertRejectedNamingTheKey(stage, kind, param, value);
  }

  @ParameterizedTest(name = "{0} {1}.{2} = {3}")
  @MethodSource("acceptedBounds")
  void theEndsOfADeclaredRangeBuild(Stage stage, String kind, String param, Object value) {
    ConfiguredComponents.assertBuildsOrIsAUserError(stage, kind, param, value, Object.class);
  }
}
