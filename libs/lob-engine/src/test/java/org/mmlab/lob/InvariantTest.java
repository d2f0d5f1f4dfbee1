package org.mmlab.lob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants over seeded random streams, for each implementation on its own: the book is never
 * crossed, size is conserved (submitted = resting + traded + cancelled, counted from events),
 * matching is price-time FIFO (checked from the order of trades), the event stream rebuilds the
 * book's depth, queue positions are the size ahead, and rejected commands change nothing. See
 * {@link ShadowBook}.
 */
class InvariantTest {
  private static final int OPS = 150_000;

  static Stream<Arguments> booksAndSeeds() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (long seed : new long[] {3L, 11L, 2024L}) {
      b.add(
          Arguments.of(
              Named.of("OrderBook", (Supplier<LimitOrderBook>) () -> new OrderBook(8, 2, 1)),
              seed));
      b.add(
          Arguments.of(
              Named.of("ReferenceOrderBook", (Supplier<LimitOrderBook>) ReferenceOrderBook::new),
              seed));
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("booksAndSeeds")
  void randomStreamKeepsInvariants(Supplier<LimitOrderBook> factory, long seed) {
    LimitOrderBook book = factory.get();
    ShadowBook shadow = new ShadowBook();
    book.addListener(shadow);
    RandomCommands commands = new RandomCommands(seed, 300);
    for (int op = 0; op < OPS; op++) {
      commands.next(book);
      long hashBefore = op % 7 == 0 ? book.stateHash() : 0;
      boolean accepted = commands.apply(book);
      String where = "seed " + seed + " op " + op + " " + commands.describe();
      if (!accepted && op % 7 == 0) {
        assertThat(book.stateHash())
            .as(where + ": rejected command changed the book")
            .isEqualTo(hashBefore);
      }
      shadow.endCommand(book, where);
      if (op % 2_000 == 0) {
        shadow.fullCheck(book, where);
      }
    }
    shadow.fullCheck(book, "end");
    assertThat(shadow.trades).isGreaterThan(OPS / 10);
    assertThat(shadow.cancelled).isPositive();
  }
}
