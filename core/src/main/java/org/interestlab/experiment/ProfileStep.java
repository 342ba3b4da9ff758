package org.interestlab.experiment;

import java.util.Locale;

/**
 * Fits the profiler and builds every user's profile from the training part; degenerate profiles stop
 * the run here, before clustering ({@link VectorChecks}).
 */
final class ProfileStep implements RunStep {
  @Override
  public String name() {
    return "profile";
  }

  @Override
  public void run(RunContext ctx) {
    ctx.profiler = ctx.components.profiler().fit(ctx.train(), ctx.encoder(), ctx.itemVectors());
    ctx.profiles = ctx.timings.time("profile", () -> ctx.profiler.transform(ctx.train()));
    ctx.log.info(String.format(Locale.ROOT, "profile %s: %,d users with a profile", ctx.config.profile().kind(),
        ctx.profiles.presentUsers().length));
    VectorChecks.users(ctx.profiles, ctx.train(), ctx.config);
  }
}
