package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TemporalStabilityTest {
  /**
   * Shared users 1, 2, 3, 5, 6, 7 (0 and 4 are only in A, 8 only in B). On them A = [0, 0, 0, 1, 1, 1]
   * and B = [7, 7, 9, 9, 9, 9]: contingency [[2, 1], [0, 3]]; Σ C(n_ij, 2) = 1 + 0 + 0 + 3 = 4; rows
   * 3 + 3 = 6; columns C(2, 2) + C(4, 2) = 1 + 6 = 7; C(6, 2) = 15; expected 6 · 7 / 15 = 2.8; ARI =
   * (4 − 2.8) / (6.5 − 2.8) = 0.324324….
   */
  @Test
  void ariOverSharedUsersOnly() {
    int[] usersA = {0, 1, 2, 3, 4, 5, 6, 7};
    int[] labelsA = {4, 0, 0, 0, 4, 1, 1, 1};
    int[] usersB = {1, 2, 3, 5, 6, 7, 8};
    int[] labelsB = {7, 7, 9, 9, 9, 9, 7};
    assertThat(TemporalStability.ari(usersA, labelsA, usersB, labelsB)).isCloseTo(1.2 / 3.7, within(1e-12));
    assertThat(TemporalStability.ari(usersA, labelsA, usersA, labelsA)).isEqualTo(1.0);
  }

  @Test
  void fewerThanTwoSharedUsersGiveNaNAndBadInputIsRejected() {
    assertThat(TemporalStability.ari(new int[] {0, 1}, new int[] {0, 1}, new int[] {1, 2}, new int[] {0, 0})).isNaN();
    assertThatThrownBy(() -> TemporalStability.ari(new int[] {1, 0}, new int[] {0, 0}, new int[] {0, 1}, new int[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
    assertThatThrownBy(() -> TemporalStability.ari(new int[] {0}, new int[] {}, new int[] {0}, new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
  }
}
