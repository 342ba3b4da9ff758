package org.interestlab.experiment;

/** Loads the dataset (reading or fetching it) and, where the source has it, its ground truth; prints what the loader skipped. */
final class LoadStep implements RunStep {
  @Override
  public String name() {
    return "data";
  }

  @Override
  public void run(RunContext ctx) {
    ctx.loaded = ctx.timings.time("data", ctx.components.dataset()::load);
    ctx.log.info("data: " + ctx.data());
    // What the loader skipped (duplicates, ratings of unlisted items) is said, never silent.
    for (String note : ctx.data().loadNotes()) ctx.log.warn(note);
  }
}
