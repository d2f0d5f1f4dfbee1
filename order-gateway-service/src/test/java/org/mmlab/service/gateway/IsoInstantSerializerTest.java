package org.mmlab.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class IsoInstantSerializerTest {
  private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
  private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

  private final JsonMapper json =
      JsonMapper.builder()
          .addModule(new SimpleModule().addSerializer(Instant.class, new IsoInstantSerializer()))
          .build();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void writesWhatTheIsoInstantFormatterWrites(long seed) {
    Random rnd = new Random(seed);
    for (int k = 0; k < 5_000; k++) {
      long seconds =
          switch (k % 4) {
            case 0 -> YEAR_0 + (long) (rnd.nextDouble() * (YEAR_10000 - YEAR_0));
            case 1 -> 1_700_000_000L + rnd.nextInt(400_000_000); // around now
            case 2 -> rnd.nextInt(3) - 1 + 86_400L * (rnd.nextInt(200_000) - 100_000); // midnights
            default -> -rnd.nextInt(1_000_000_000); // before 1970
          };
      int nano =
          switch (rnd.nextInt(4)) {
            case 0 -> 0;
            case 1 -> rnd.nextInt(1000) * 1_000_000;
            case 2 -> rnd.nextInt(1_000_000) * 1000;
            default -> rnd.nextInt(1_000_000_000);
          };
      Instant t = Instant.ofEpochSecond(seconds, nano);
      assertThat(json.writeValueAsString(t))
          .as("%s", t)
          .isEqualTo("\"" + DateTimeFormatter.ISO_INSTANT.format(t) + "\"");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-0001-12-31T23:59:59.999999999Z",
        "+10000-01-01T00:00:00Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z"
      })
  void yearsOutsideFourDigitsFallBackToTheFormatter(String text) {
    Instant t = Instant.parse(text);
    assertThat(json.writeValueAsString(t)).isEqualTo("\"" + text + "\"");
    assertThat(json.writeValueAsString(Instant.MAX))
        .isEqualTo("\"" + DateTimeFormatter.ISO_INSTANT.format(Instant.MAX) + "\"");
    assertThat(json.writeValueAsString(Instant.MIN))
        .isEqualTo("\"" + DateTimeFormatter.ISO_INSTANT.format(Instant.MIN) + "\"");
  }
}
