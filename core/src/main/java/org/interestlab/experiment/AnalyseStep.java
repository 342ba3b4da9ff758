package org.interestlab.experiment;

/** Runs the config's analysis sections (interest hierarchy, dynamic interests), in config order. */
final class AnalyseStep implements RunStep {
  @Override
  public String name() {
    return "analyse";
  }

  @Override
  public void run(RunContext ctx) {
    for (AnalysisJob job : ctx.components.analyses()) {
      AnalysisJob.Output out = ctx.timings.time(job.key(), () -> job.run(ctx));
      ctx.results.put(job.key(), out.metrics());
      ctx.files.putAll(out.files());
    }
  }
}
