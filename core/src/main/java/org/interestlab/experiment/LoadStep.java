package org.interestlab.experiment;

/** Loads the dataset (reading or fetching it) and, where the source has it, its ground truth. */
final class LoadStep implements RunStep {
  @Override
  public String name() {
    return "data";
  }

  @Override
  public void run(RunContext ctx) {
    ctx.loaded = ctx.timings.time("data", ctx.components.dataset()::load);
    ctx.log.info("data: " + ctx.data());
  }
}
