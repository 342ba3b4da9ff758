package org.interestlab.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall-clock seconds per pipeline stage, in the order stages ran ({@code timings.json}). */
public final class Timings {
  private final Map<String, Object> stages = new LinkedHashMap<>();

  public <T> T time(String stage, Supplier<T> work) {
    long t0 = System.nanoTime();
    try {
      return work.get();
    } finally {
      stages.merge(stage, (System.nanoTime() - t0) / 1e9, (a, b) -> (Double) a + (Double) b);
    }
  }

  public void put(String key, Object value) {
    stages.put(key, value);
  }

  public double seconds(String stage) {
    Object v = stages.get(stage);
    return v instanceof Double d ? d : 0;
  }

  public Map<String, Object> asMap() {
    return new LinkedHashMap<>(stages);
  }
}
