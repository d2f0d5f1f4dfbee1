package org.mmlab.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mmlab.api.CancelReason;
import org.mmlab.api.OrderType;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.EventBatch;
import org.mmlab.api.exchange.ExchangeCommand;
import org.mmlab.api.exchange.ExchangeEvent;
import org.mmlab.api.exchange.ExchangeMessage;
import org.mmlab.api.exchange.ExchangeWire;
import org.mmlab.api.exchange.SubmitCommand;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The internal exchange protocol's JSON: Jackson databind (what the gateway and the exchange used)
 * against {@link ExchangeWire}'s hand-written streaming codec, on the hot messages — the event
 * batch an IOC order produces (accepted + cancelled remainder), decoded by the gateway and encoded
 * by the exchange, and a submit command, encoded by the gateway and decoded by the exchange. The
 * mapper is configured as Spring Boot configures the services' mapper.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ExchangeWireBenchmark -f 1 -wi 3 -i 5 -r 1 [-prof gc]
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class ExchangeWireBenchmark {
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
          .build();

  private final EventBatch batch =
      new EventBatch(
          1_234_567,
          "3f2a9c1e-4242",
          1_700_000_000_123_456_789L,
          false,
          9_998,
          10_002,
          List.of(
              new ExchangeEvent.Accepted(
                  "alice", 88_001, "ioc-17", Side.BUY, OrderType.IOC, 9_999, 5, false),
              new ExchangeEvent.Cancelled("alice", 88_001, 5, CancelReason.IOC_REMAINDER)));
  private final SubmitCommand submit =
      new SubmitCommand("3f2a9c1e-4243", "alice", "ioc-18", Side.SELL, OrderType.IOC, 10_001, 3);
  private final byte[] batchBytes = JSON.writeValueAsBytes(batch);
  private final byte[] submitBytes = JSON.writeValueAsBytes(submit);

  /** Checks once that both sides agree, so the figures compare equal work. */
  public ExchangeWireBenchmark() {
    if (!ExchangeWire.toJson(batch).equals(new String(batchBytes, UTF_8))
        || !ExchangeWire.readMessage(batchBytes, 0, batchBytes.length).equals(batch)
        || !ExchangeWire.readCommand(submitBytes, 0, submitBytes.length).equals(submit)) {
      throw new IllegalStateException("ExchangeWire and databind disagree");
    }
  }

  /** Gateway, each answer: databind decodes the batch frame. */
  @Benchmark
  public ExchangeMessage decodeBatchDatabind() {
    return JSON.readValue(batchBytes, ExchangeMessage.class);
  }

  /** Gateway, each answer: the codec decodes the batch frame. */
  @Benchmark
  public ExchangeMessage decodeBatchWire() {
    return ExchangeWire.readMessage(batchBytes, 0, batchBytes.length);
  }

  /** Gateway, each order: databind encodes the submit (as the gateway did, to a String). */
  @Benchmark
  public String encodeSubmitDatabind() {
    return JSON.writeValueAsString(submit);
  }

  /** Gateway, each order: the codec encodes the submit to the frame's UTF-8 bytes. */
  @Benchmark
  public byte[] encodeSubmitWire() {
    return ExchangeWire.toBytes(submit);
  }

  /** Exchange, each order: databind decodes the submit frame. */
  @Benchmark
  public ExchangeCommand decodeSubmitDatabind() {
    return JSON.readValue(submitBytes, ExchangeCommand.class);
  }

  /** Exchange, each order: the codec decodes the submit frame. */
  @Benchmark
  public ExchangeCommand decodeSubmitWire() {
    return ExchangeWire.readCommand(submitBytes, 0, submitBytes.length);
  }

  /** Exchange, each answer: databind encodes the batch to a String. */
  @Benchmark
  public String encodeBatchDatabind() {
    return JSON.writeValueAsString(batch);
  }

  /** Exchange, each answer: the codec encodes the batch to a String. */
  @Benchmark
  public String encodeBatchWire() {
    return ExchangeWire.toJson(batch);
  }
}
