package org.interestlab.experiment;

import java.util.Locale;

/** Splits the interactions into training and test parts; nothing after this step reads test data except evaluation. */
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
    ctx.log.info(String.format(Locale.ROOT, "split %s: %,d train / %,d test interactions", ctx.config.split().kind(),
        ctx.train().interactions().size(), ctx.test().interactions().size()));
  }
}
