package org.mmlab.sim.lobster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The split read/apply cursor replays the shared days exactly as {@link LobsterReplay}. */
class LobsterCursorTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"AAPL_2012-06-21_1", "AMZN_2012-06-21_1", "AMZN_2012-06-21_5"})
  void matchesTheReplayOnEveryRow(String day) throws IOException {
    long mismatches = 0;
    long rows = 0;
    try (LobsterReplay replay = LobsterReplay.open(SharedData.lobster(day));
        LobsterCursor cursor =
            new LobsterCursor(LobsterReader.open(SharedData.lobster(day)), new LobsterBook())) {
      LobsterBook ours = cursor.book();
      LobsterRow row = cursor.row();
      int n = cursor.levels();
      while (cursor.read()) {
        assertThat(replay.next()).isTrue();
        long t = row.timeNanos();
        assertThat(t).isEqualTo(replay.row().timeNanos());
        cursor.apply();
        rows++;
        if (!ours.matches(row)
            || !ours.windowString(n + 2).equals(replay.book().windowString(n + 2))
            || ours.lastOrderSequence() != replay.book().lastOrderSequence()) {
          mismatches++;
        }
      }
      assertThat(replay.next()).isFalse();
      assertThat(mismatches).isZero();
      assertThat(cursor.applied()).isEqualTo(rows).isEqualTo(replay.rows());
      assertThat(ours.anomalies()).isZero();
    }
  }
}
