package org.interestlab.compute;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.interestlab.testing.EngineResources;
import org.junit.jupiter.api.Test;

/** Managers from {@link Engines#newManager} leave nothing behind in the engine once closed. */
class EnginesTest {

  @Test
  void closedManagersLeaveNothingInTheEngine() {
    NDManager system = EngineResources.systemManager(Engines.pytorch());
    List<NDManager> created = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      try (NDManager m = Engines.newManager(Device.cpu())) {
        NDArray a = m.ones(new Shape(4));
        assertThat(a.sum().getFloat()).isEqualTo(4f);
        created.add(m);
      }
    }
    // The system manager holds none of them ...
    List<Object> held = EngineResources.held(system);
    long leaked = created.stream().filter(m -> chainBelow(m, system).stream().anyMatch(held::contains)).count();
    assertThat(leaked).as("managers still held by the engine's system manager").isZero();
    // ... and every manager between a returned one and the system manager is closed.
    for (NDManager m : created) assertThat(chainBelow(m, system)).allMatch(p -> !p.isOpen());
  }

  /** {@code m} and its ancestors below {@code system}. */
  private static List<NDManager> chainBelow(NDManager m, NDManager system) {
    List<NDManager> chain = new ArrayList<>();
    for (NDManager p = m; p != null && p != system; p = p.getParentManager()) chain.add(p);
    return chain;
  }
}
