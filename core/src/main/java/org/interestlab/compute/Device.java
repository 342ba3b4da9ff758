package org.interestlab.compute;

import ai.djl.engine.Engine;
import java.util.Locale;
import org.interestlab.UserException;

/**
 * Where NDArray work runs. {@code auto} picks the first GPU when the engine sees one, else the CPU;
 * {@code gpu} where none exists is a {@link UserException}, never a silent fallback.
 */
public record Device(String kind, ai.djl.Device djl) {
  public static final String[] ALLOWED = {"auto", "cpu", "gpu"};

  public static Device cpu() {
    return new Device("cpu", ai.djl.Device.cpu());
  }

  /**
   * Resolves a config value ({@code auto | cpu | gpu | gpu:N}).
   *
   * @param where the file and key the value came from, for the error message
   */
  public static Device resolve(String value, String where) {
    String v = value == null ? "auto" : value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("cpu")) return cpu();
    if (v.equals("auto") || v.equals("gpu") || v.startsWith("gpu:")) {
      int gpus = Engines.pytorch().getGpuCount();
      if (v.equals("auto")) return gpus > 0 ? new Device("gpu", ai.djl.Device.gpu(0)) : new Device("cpu", ai.djl.Device.cpu());
      int id = 0;
      if (v.startsWith("gpu:")) {
        try {
          id = Integer.parseInt(v.substring(4));
        } catch (NumberFormatException e) {
          throw new UserException(where + ": bad device '" + value + "' — allowed: auto, cpu, gpu, gpu:N");
        }
      }
      if (id >= gpus) {
        throw new UserException(where + ": device '" + value + "' requested but " + Engine.getEngine(Engines.PYTORCH).getEngineName()
            + " sees " + gpus + " GPU(s) — use device: cpu or auto (auto falls back to the CPU)");
      }
      return new Device("gpu", ai.djl.Device.gpu(id));
    }
    throw new UserException(where + ": bad device '" + value + "' — allowed: auto, cpu, gpu, gpu:N");
  }

  public boolean isGpu() {
    return djl.isGpu();
  }

  @Override
  public String toString() {
    return djl.toString();
  }
}
