package org.interestlab.experiment;

/**
 * One stage of a run: reads what earlier steps put in the {@link RunContext}, adds its own output,
 * times itself. The {@link Runner} runs the steps in order; a new stage (a validation split,
 * significance tests, plots) is one more class implementing this.
 */
public interface RunStep {
  /** The stage name, as written in logs. */
  String name();

  void run(RunContext ctx);
}
