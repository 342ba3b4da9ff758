package org.interestlab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.interestlab.params.Params;
import org.interestlab.recommend.NestedRecommenders;
import org.interestlab.recommend.Recommender;

/**
 * Builds a composite recommender's nested sections ({@code components: [{kind: ease, lambda: [25, 100]}, …]}) from
 * the registry, each with every candidate its listed values give, as a top-level section would have. The config
 * loader has already checked the sections, with their full key paths.
 */
final class NestedSections implements NestedRecommenders {
  private final Registry registry;

  NestedSections(Registry registry) {
    this.registry = registry;
  }

  @Override
  public List<Candidate> candidates(Map<String, Object> section, int index, long seed) {
    ComponentConfig cc = new ConfigLoader(registry).nested("components[" + index + "]", section, Seeds.derive(seed, "component:" + index));
    List<Candidate> out = new ArrayList<>();
    for (Params p : cc.candidates()) out.add(new Candidate(describe(cc, p), cc.create(registry, Recommender.class, p)));
    return out;
  }

  /** The name, then the values this candidate takes for the parameters the section listed: {@code "ease lambda=100"}. */
  private static String describe(ComponentConfig cc, Params candidate) {
    StringBuilder sb = new StringBuilder(cc.name());
    candidate.values().forEach((key, v) -> {
      if (cc.candidates().stream().map(p -> p.values().get(key)).distinct().count() > 1) sb.append(' ').append(key).append('=').append(v);
    });
    return sb.toString();
  }
}
