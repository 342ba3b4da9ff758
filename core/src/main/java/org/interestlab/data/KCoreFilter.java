package org.interestlab.data;

import static org.interestlab.params.ParamSpec.integer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.interestlab.params.ParamSpec;
import org.interestlab.params.ParameterException;

/**
 * Keeps the k-core of the user–item graph: repeatedly removes users and items with fewer than
 * {@code k} interactions until every remaining user and item has at least {@code k}. Removing a
 * user lowers its items' counts and vice versa, hence the iteration (Amazon's "5-core" files are
 * this with k = 5).
 *
 * <p>Counts are interactions, not distinct partners (a user who rated an item twice counts twice);
 * tags do not count. The result has the same users and items with the same indices ({@link
 * Dataset#withInteractions}), so removed users and items remain in the lists with no interactions;
 * tags survive when both their user and item do. The input is not changed.
 *
 * <p>Cost: O(n) per round; the number of rounds is small in practice (rarely above 10).
 *
 * <pre>{@code
 * Dataset dense = new KCoreFilter(5).apply(dataset);
 * Split s = new LeaveLastOutSplit().split(dense);
 * }</pre>
 *
 * @param k minimum interactions per user and per item, at least 1 (k = 1 changes nothing)
 */
public record KCoreFilter(int k) implements UnaryOperator<Dataset> {
  /** The {@code k_core} parameter every split takes: the filter's {@code k}, or 0 for no filter. */
  public static final ParamSpec K_CORE = integer("k_core", 0, 0, 1_000_000,
      "before splitting, keep only users and items with at least this many interactions (0 = off)");

  public KCoreFilter {
    K_CORE.coerce(k);
    // k_core 0 means "no filter", which a split handles by not building one (see before).
    if (k == 0) throw new ParameterException(K_CORE.name(), "0", "0 is out of range — allowed: an integer ≥ 1 for a filter (0 = no filter)");
  }

  /** {@code split} applied to the k-core of its input; {@code split} itself when {@code kCore} is 0. */
  public static Splitter before(int kCore, Splitter split) {
    return kCore == 0 ? split : new FilteredSplit(new KCoreFilter(kCore), split);
  }

  @Override
  public Dataset apply(Dataset d) {
    List<Interaction> all = d.interactions();
    boolean[] userOk = new boolean[d.numUsers()];
    boolean[] itemOk = new boolean[d.numItems()];
    Arrays.fill(userOk, true);
    Arrays.fill(itemOk, true);
    boolean changed = true;
    while (changed) {
      changed = false;
      int[] uc = new int[d.numUsers()];
      int[] ic = new int[d.numItems()];
      for (Interaction x : all) {
        if (userOk[x.user()] && itemOk[x.item()]) {
          uc[x.user()]++;
          ic[x.item()]++;
        }
      }
      // Users and items below k are removed together in one round, as in the usual definition.
      for (int u = 0; u < uc.length; u++) {
        if (userOk[u] && uc[u] < k) {
          userOk[u] = false;
          changed = true;
        }
      }
      for (int i = 0; i < ic.length; i++) {
        if (itemOk[i] && ic[i] < k) {
          itemOk[i] = false;
          changed = true;
        }
      }
    }
    List<Interaction> kept = new ArrayList<>();
    for (Interaction x : all) if (userOk[x.user()] && itemOk[x.item()]) kept.add(x);
    List<Interaction> tags = new ArrayList<>();
    for (Interaction t : d.tags()) if (userOk[t.user()] && itemOk[t.item()]) tags.add(t);
    return d.withInteractions(kept, tags);
  }
}
