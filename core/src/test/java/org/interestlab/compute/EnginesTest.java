package org.interestlab.compute;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Managers from {@link Engines#newManager} leave nothing behind in the engine once closed. */
class EnginesTest {

  @Test
  void closedManagersLeaveNothingInTheEngine() throws Exception {
    NDManager system = systemManager();
    List<NDManager> created = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      try (NDManager m = Engines.newManager(Device.cpu())) {
        NDArray a = m.ones(new ai.djl.ndarray.types.Shape(4));
        assertThat(a.sum().getFloat()).isEqualTo(4f);
        created.add(m);
      }
    }
    // The system manager holds none of them (DJL exposes its resource table only to subclasses) ...
    List<Object> held = new ArrayList<>(resourcesOf(system).values());
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

  /** The engine's system manager: the parent of every base manager. */
  private static NDManager systemManager() {
    NDManager base = Engines.pytorch().newBaseManager();
    try {
      return base.getParentManager();
    } finally {
      base.close();
    }
  }

  private static Map<?, ?> resourcesOf(NDManager manager) throws ReflectiveOperationException {
    Field f = BaseNDManager.class.getDeclaredField("resources");
    f.setAccessible(true);
    return (Map<?, ?>) f.get(manager);
  }
}
