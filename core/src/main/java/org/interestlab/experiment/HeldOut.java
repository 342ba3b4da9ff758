package org.interestlab.experiment;

import java.util.BitSet;
import org.interestlab.data.Dataset;
import org.interestlab.data.Interaction;

/**
 * The held-out part of a split (the test part, or a validation set carved from training) as the
 * evaluation reads it: each user's held-out items, and the users that have any, in index order.
 *
 * @param items per dense user index, the held-out items; null for a user with none
 * @param users the users with at least one held-out item, ascending
 */
record HeldOut(BitSet[] items, int[] users) {
  static HeldOut of(Dataset heldOut) {
    BitSet[] items = new BitSet[heldOut.numUsers()];
    BitSet users = new BitSet(heldOut.numUsers());
    for (Interaction i : heldOut.interactions()) {
      if (items[i.user()] == null) items[i.user()] = new BitSet(heldOut.numItems());
      items[i.user()].set(i.item());
      users.set(i.user());
    }
    return new HeldOut(items, users.stream().toArray());
  }
}
