package org.interestlab.testing;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a DJL engine still holds: the resources attached to its system manager, the parent of every
 * base manager (a model's, an encoder's weights, {@code Engines.newManager}'s). DJL exposes that table
 * only to subclasses, so it is read by reflection.
 */
public final class EngineResources {
  private EngineResources() {}

  /** The engine's system manager. */
  public static NDManager systemManager(Engine engine) {
    try (NDManager base = engine.newBaseManager()) {
      return base.getParentManager();
    }
  }

  /** The resources {@code manager} holds now (a copy). */
  public static List<Object> held(NDManager manager) {
    try {
      Field f = BaseNDManager.class.getDeclaredField("resources");
      f.setAccessible(true);
      return new ArrayList<>(((Map<?, ?>) f.get(manager)).values());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("DJL's BaseNDManager has no resources table any more", e);
    }
  }
}
