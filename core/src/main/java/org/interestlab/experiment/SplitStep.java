package org.interestlab.experiment;

/**
 * Splits the interactions into training and test parts; nothing after this step reads test data
 * except evaluation. Prints what the split dropped and how many users it evaluates ({@link
 * SplitReport}), warns about splits that evaluate few users, and stops a split that evaluates none.
 */
final class SplitStep implements RunStep {
  @Override
  public String name() {
    return "split";
  }

  @Override
  public void run(RunContext ctx) {
    SplitChecks.loaded(ctx.config, ctx.data());
    ctx.split = ctx.timings.time("split", () -> ctx.components.splitter().split(ctx.data()));
    SplitChecks.split(ctx.config, ctx.data(), ctx.train());
    String kind = ctx.config.split().kind();
    SplitReport report = SplitReport.of(ctx.data(), ctx.split);
    report.requireTestUsers(ctx.config.file(), kind, ctx.config.split().params().values());
    ctx.log.info(report.summary(kind));
    for (String w : report.warnings(kind)) ctx.log.warn(w);
  }
}
