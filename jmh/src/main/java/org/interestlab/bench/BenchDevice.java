package org.interestlab.bench;

import ai.djl.engine.Engine;
import java.util.Map;
import org.interestlab.compute.Device;
import org.interestlab.params.ComponentSpec;

/**
 * The {@code device} parameter of every suite ({@code cpu | gpu}), resolved through DJL's device
 * selection for the engine that does the work. A GPU case on a machine whose engine sees no GPU stops
 * its trial with {@link Skipped} (JMH prints the reason and records nothing), so a CPU number is never
 * reported under {@code device=gpu}. {@code ./lab bench run} checks first and runs only {@code device=cpu}
 * there, printing the same reason once.
 */
final class BenchDevice {
  private BenchDevice() {}

  /** Why a parameter combination is not measured on this machine or for this component. */
  static final class Skipped extends RuntimeException {
    Skipped(String reason) {
      super("skipped: " + reason, null, false, false);
    }
  }

  /**
   * The device for {@code value} on DJL engine {@code engineName} ({@code PyTorch}, {@code OnnxRuntime}).
   *
   * @throws Skipped when {@code gpu} is asked for and the engine sees none
   */
  static Device select(String value, String engineName) {
    if (value.equals("cpu")) return Device.cpu();
    if (!value.equals("gpu")) throw new IllegalArgumentException("device must be cpu or gpu, was " + value);
    int gpus = Engine.getEngine(engineName).getGpuCount();
    if (gpus == 0) throw new Skipped(noGpuReason(engineName));
    return new Device("gpu", ai.djl.Device.gpu(0));
  }

  /**
   * Puts the {@code device} parameter of a component that has one (its work runs on DJL's PyTorch
   * engine) into {@code params}; a component without one has no GPU path.
   *
   * @throws Skipped for {@code gpu} where the engine sees none or the component has no GPU path
   */
  static void configure(ComponentSpec<?> spec, String value, String component, Map<String, Object> params) {
    if (spec.paramNames().contains("device")) {
      params.put("device", select(value, "PyTorch").isGpu() ? "gpu" : "cpu");
    } else if (value.equals("gpu")) {
      throw new Skipped("device=gpu: " + component + " has no GPU path");
    }
  }

  /** The printed reason for skipping GPU cases of {@code engineName}. */
  static String noGpuReason(String engineName) {
    return "device=gpu: DJL's " + engineName + " engine sees no GPU on this machine (on an NVIDIA machine, build with "
        + "`mvn -Pcuda package`)";
  }
}
