package org.interestlab.experiment;

import java.util.ArrayList;
import java.util.List;
import org.interestlab.data.Item;
import org.interestlab.encode.CachedEncoder;
import org.interestlab.encode.EmbeddingCache;
import org.interestlab.encode.FiniteOutputEncoder;
import org.interestlab.encode.FittedEncoder;
import org.interestlab.profile.ItemDocuments;

/**
 * Fits the encoder on the item texts, the reviews the item documents take, and whatever texts the
 * profiler asks for — all from the training part only — and builds every item's content vector
 * ({@link ItemDocuments}) when a component needs item vectors. Vectors go through the on-disk embedding
 * cache unless the encoder's {@code cache} parameter is false. The fitted encoder stays open until the
 * run ends. Degenerate item vectors stop the run here ({@link VectorChecks}).
 */
final class EncodeStep implements RunStep {
  @Override
  public String name() {
    return "encode";
  }

  @Override
  public void run(RunContext ctx) {
    boolean useCache = ctx.config.encoder().params().values().get("cache") instanceof Boolean b && b;
    EmbeddingCache cache = useCache ? EmbeddingCache.openDefault() : null;
    ctx.embeddingCache = cache;
    ConfigSections.Section section = ctx.config.section(ItemDocuments.KEY);
    ctx.itemDocuments = section == null ? ItemDocuments.defaults() : ItemDocuments.of(section.params());
    List<String> corpus = new ArrayList<>(ctx.data().items().stream().map(Item::fullText).toList());
    corpus.addAll(ctx.itemDocuments.reviewTexts(ctx.train()));
    corpus.addAll(ctx.components.profiler().encoderCorpus(ctx.train()));
    FittedEncoder fitted = ctx.closeAtEnd(ctx.timings.time("encode.fit", () -> ctx.components.encoder().fit(corpus)));
    FittedEncoder checked = FiniteOutputEncoder.of(fitted);
    ctx.encoder = cache == null ? checked : new CachedEncoder(checked, cache);
    ctx.log.info("encoder " + ctx.config.encoder().kind() + ": " + fitted.dimension() + "-d, " + fitted.placement());
    if (ctx.components.needItemVectors()) {
      ctx.itemVectors = ctx.timings.time("encode.items", () -> ctx.itemDocuments.vectors(ctx.train(), ctx.encoder));
      VectorChecks.items(ctx.itemVectors, ctx.config);
      if (ctx.components.splitter().holdsOutItems()) {
        String warning = VectorChecks.heldOutItemsWithoutText(ctx.itemHasContent(ctx.train()), ctx.test());
        if (warning != null) ctx.log.warn(warning);
      }
    }
  }
}
