package org.interestlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.interestlab.compute.CacheDirs;
import org.interestlab.data.Dataset;
import org.interestlab.data.MovieLensLatestSmallSource;
import org.interestlab.data.Split;
import org.interestlab.data.TemporalSplit;
import org.junit.jupiter.api.Test;

/** What a run says about its split: drops, evaluated users, warnings, and the refusal of an empty test part. */
class SplitReportTest {
  /** The quickstart's temporal split on ml-latest-small, as core/src/test/resources/data/temporal_split_drops_reference.py computes it. */
  private static final SplitReport LATEST_SMALL = new SplitReport(100_836, 610, 100_836 - 20_167, 1_310, 18_857, 28);

  @Test
  void summaryNamesDropsAndEvaluatedUsers() {
    assertThat(LATEST_SMALL.filtered()).isZero();
    assertThat(LATEST_SMALL.summary("temporal")).isEqualTo("split temporal: 80,669 train / 1,310 test interactions;"
        + " 18,857 test events dropped (user or item unseen in training); 28 of 610 users evaluated");
  }

  @Test
  void warnsWhenMostTestEventsAreDroppedAndWhenFewUsersAreEvaluated() {
    // 18,857 of 20,167 is 93.5 %, above half; 28 users is below 100.
    assertThat(LATEST_SMALL.warnings("temporal")).containsExactly(
        "split temporal dropped 18,857 of 20,167 test events (94%) because their user or item is unseen in training:"
            + " the metrics describe the remaining 1,310 only",
        "split temporal evaluates only 28 of 610 users (fewer than 100): metrics rest on few users and their intervals are wide");
    // Exactly half dropped and exactly 100 users: no warning.
    assertThat(new SplitReport(1_000, 500, 800, 100, 100, 100).warnings("ratio")).isEmpty();
    assertThat(new SplitReport(1_000, 500, 799, 100, 101, 100).warnings("ratio")).hasSize(1);
  }

  @Test
  void kCoreRemovalsAreTheRest() {
    // 1,000 events: 600 train, 150 test kept, 50 dropped, so the filter removed 200.
    SplitReport r = new SplitReport(1_000, 300, 600, 150, 50, 120);
    assertThat(r.filtered()).isEqualTo(200);
    assertThat(r.summary("ratio")).contains("; k-core filter removed 200 of 1,000 interactions;");
  }

  @Test
  void noTestUsersIsAConfigErrorNamingTheSplitKeys() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("test_fraction", 1.0E-6);
    params.put("k_core", 0);
    SplitReport none = new SplitReport(320, 40, 320, 0, 0, 0);
    assertThatThrownBy(() -> none.requireTestUsers("tiny.yaml", "temporal", params))
        .isInstanceOf(ConfigException.class)
        .hasMessage("tiny.yaml: split: kind temporal with split.test_fraction = 1.0E-6, split.k_core = 0 leaves no test users"
            + " (0 test events chosen, 0 dropped as unseen in training); allowed: a split whose test part keeps at least"
            + " one user, e.g. a larger test_fraction or a smaller k_core");
    LATEST_SMALL.requireTestUsers("q.yaml", "temporal", params); // 28 users: fine
  }

  @Test
  void realLatestSmallTemporalSplitMatchesTheReferenceScript() {
    boolean configured = System.getProperty("interestlab.data") != null || System.getenv("INTERESTLAB_DATA") != null;
    Path folder = CacheDirs.datasets().resolve(MovieLensLatestSmallSource.NAME);
    assumeTrue(configured && Files.isRegularFile(folder.resolve("ratings.csv")), "real ml-latest-small not found in " + folder);
    Dataset d = new MovieLensLatestSmallSource().load(folder);
    Split s = new TemporalSplit(0.2).split(d);
    assertThat(SplitReport.of(d, s)).isEqualTo(LATEST_SMALL);
  }
}
