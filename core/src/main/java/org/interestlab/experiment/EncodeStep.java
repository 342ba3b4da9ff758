package org.interestlab.experiment;

import java.util.ArrayList;
import java.util.List;
import org.interestlab.data.Item;
import org.interestlab.encode.CachedEncoder;
import org.interestlab.encode.EmbeddingCache;
import org.interestlab.encode.FiniteOutputEncoder;
import org.interestlab.encode.FittedEncoder;

/**
 * Fits the encoder on the item texts plus whatever texts the profiler asks for, and embeds every
 * item when a component needs item vectors. Vectors go through the on-disk embedding cache unless
 * the encoder's {@code cache} parameter is false. The fitted encoder stays open until the run ends.
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
    List<String> itemTexts = ctx.data().items().stream().map(Item::fullText).toList();
    List<String> corpus = new ArrayList<>(itemTexts);
    corpus.addAll(ctx.components.profiler().encoderCorpus(ctx.train()));
    FittedEncoder fitted = ctx.closeAtEnd(ctx.timings.time("encode.fit", () -> ctx.components.encoder().fit(corpus)));
    FittedEncoder checked = FiniteOutputEncoder.of(fitted);
    ctx.encoder = cache == null ? checked : new CachedEncoder(checked, cache);
    ctx.log.info("encoder " + ctx.config.encoder().kind() + ": " + fitted.dimension() + "-d, " + fitted.placement());
    if (ctx.components.needItemVectors()) ctx.itemVectors = ctx.timings.time("encode.items", () -> ctx.encoder.encode(itemTexts));
  }
}
