package org.mmlab.sim.lobster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The replay book matches LOBSTER's own orderbook file on every row of the shared days. */
class LobsterSharedDaysTest {

  /**
   * {@code enteringRows} is the number of rows at which a level enters the visible window from
   * deeper in the book, counted independently from the raw files (the acceptance bound).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "AAPL_2012-06-21_1, 118497, 30071",
    "AMZN_2012-06-21_1, 57515, 13953",
    "AMZN_2012-06-21_5, 155935, 33840",
  })
  void matchesEveryRowAndRefreshesOnlyLevelsEnteringFromDeeper(
      String day, long rows, long enteringRows) throws IOException {
    long mismatches = 0;
    String first = null;
    try (LobsterReplay replay = LobsterReplay.open(SharedData.lobster(day))) {
      LobsterBook book = replay.book();
      LobsterRow row = replay.row();
      while (replay.next()) {
        if (!book.matches(row)) {
          if (mismatches++ == 0) {
            first =
                row.messageString()
                    + "\n ours "
                    + book.windowString(row.levels())
                    + "\n file "
                    + row.windowString();
          }
        }
      }
      assertThat(mismatches).as("first mismatch: %s", first).isZero();
      assertThat(replay.rows()).isEqualTo(rows);
      assertThat(replay.refreshedRows()).isPositive().isLessThanOrEqualTo(enteringRows);
      assertThat(book.anomalies()).isZero();
    }
  }
}
