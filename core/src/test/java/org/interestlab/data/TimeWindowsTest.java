package org.interestlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.interestlab.params.ParameterException;
import org.interestlab.UserException;
import org.junit.jupiter.api.Test;

class TimeWindowsTest {
  private static final long DAY = 86_400;

  private static Dataset withDays(double... days) {
    Dataset.Builder b = Dataset.builder("t");
    for (double d : days) b.interaction("u", "i" + d, 1, (long) (d * DAY), "");
    return b.build();
  }

  @Test
  void windowsStartAtMidnightOfTheFirstDayAndCoverTheLast() {
    // First event at day 10.5 → windows start at day 10; 30-day windows up to day 90 (20 days into the third: it stays).
    List<TimeWindows.Window> w = new TimeWindows(30).of(withDays(10.5, 50, 90));
    assertThat(w).extracting(TimeWindows.Window::start).containsExactly(10 * DAY, 40 * DAY, 70 * DAY);
    assertThat(w.get(2).end()).isEqualTo(100 * DAY);
    assertThat(w.get(0).label()).isEqualTo("1970-01-11..1970-02-09");
  }

  @Test
  void aShortLastWindowJoinsThePreviousOne() {
    // Day 64 is 4 days into the third window, less than half of 30: it joins the second, which then ends after day 64.
    List<TimeWindows.Window> w = new TimeWindows(30).of(withDays(0, 64));
    assertThat(w).hasSize(2);
    assertThat(w.get(1).start()).isEqualTo(30 * DAY);
    assertThat(w.get(1).end()).isEqualTo(65 * DAY);
    assertThat(TimeWindows.indexOf(w, 64 * DAY)).isEqualTo(1);
    assertThat(TimeWindows.indexOf(w, 65 * DAY)).isEqualTo(-1);
  }

  @Test
  void upToEndKeepsOnlyEarlierInteractions() {
    Dataset d = withDays(0, 29.9, 30, 45);
    TimeWindows.Window first = new TimeWindows(30).of(d).get(0);
    assertThat(first.upToEnd(d).interactions()).hasSize(2);
    assertThat(first.upToEnd(d).numUsers()).isEqualTo(d.numUsers());
  }

  @Test
  void badInput() {
    assertThatThrownBy(() -> new TimeWindows(0)).isInstanceOf(ParameterException.class)
        .hasMessage("window_days: 0 is out of range — allowed: an integer ≥ 1 and ≤ 36500");
    assertThatThrownBy(() -> new TimeWindows(7).of(Dataset.builder("empty").build()))
        .isInstanceOf(UserException.class).hasMessageContaining("empty has no interactions");
  }
}
