package org.interestlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.interestlab.compute.Embeddings;
import org.junit.jupiter.api.Test;

class EvaluationContextTest {

  @Test
  void holdsTheRunsFacts() {
    EvaluationContext ctx = EvaluationContext.of(3, 10, new int[] {4, 0, 1}, 4);
    assertThat(ctx.numItems()).isEqualTo(3);
    assertThat(ctx.runK()).isEqualTo(10);
    assertThat(ctx.numUsers()).isEqualTo(4);
    assertThat(ctx.popularity(0)).isEqualTo(4);
    assertThat(ctx.popularityCounts()).containsExactly(4, 0, 1);
    assertThat(ctx.hasItemVectors()).isFalse();
    assertThatThrownBy(ctx::itemVectors).isInstanceOf(IllegalStateException.class);
    Embeddings v = Embeddings.zeros(3, 2);
    EvaluationContext withVectors = ctx.withItemVectors(v);
    assertThat(withVectors.itemVectors()).isSameAs(v);
    assertThat(withVectors.popularityCounts()).containsExactly(4, 0, 1);
    assertThat(withVectors.withItemVectors(null).hasItemVectors()).isFalse();
  }

  @Test
  void isImmutable() {
    int[] counts = {4, 0, 1};
    EvaluationContext ctx = EvaluationContext.of(3, 10, counts, 4);
    counts[0] = 2;
    ctx.popularityCounts()[1] = 3;
    assertThat(ctx.popularityCounts()).containsExactly(4, 0, 1);
    EvaluationContext withVectors = ctx.withItemVectors(Embeddings.zeros(3, 2));
    assertThat(ctx.hasItemVectors()).as("withItemVectors returns a new context").isFalse();
    assertThat(withVectors.hasItemVectors()).isTrue();
  }

  @Test
  void rejectsInconsistentFacts() {
    assertThatThrownBy(() -> EvaluationContext.of(0, 10, new int[0], 1)).hasMessageContaining("numItems must be >= 1");
    assertThatThrownBy(() -> EvaluationContext.of(3, 0, new int[3], 1)).hasMessageContaining("run K must be in 1..10000");
    assertThatThrownBy(() -> EvaluationContext.of(3, 10, new int[2], 1)).hasMessageContaining("2 counts for 3 items");
    assertThatThrownBy(() -> EvaluationContext.of(3, 10, new int[] {0, -1, 0}, 1)).hasMessageContaining("item 1 is -1, outside 0..1");
    assertThatThrownBy(() -> EvaluationContext.of(3, 10, new int[] {0, 2, 0}, 1)).hasMessageContaining("item 1 is 2, outside 0..1");
    assertThatThrownBy(() -> EvaluationContext.of(3, 10, new int[3], 0)).hasMessageContaining("numUsers must be >= 1");
    EvaluationContext ctx = EvaluationContext.of(3, 10, new int[3], 1);
    assertThatThrownBy(() -> ctx.withItemVectors(Embeddings.zeros(4, 2))).hasMessageContaining("4 rows for 3 items");
  }
}
