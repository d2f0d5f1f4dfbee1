package org.mmlab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The load generator against a small blocking HTTP server whose answer depends on the path: fixed
 * length, chunked, connection close, no answer, dropped connection.
 */
class OpenLoopLoadTest {
  private ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
  private final AtomicInteger connections = new AtomicInteger();
  private URI base;

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    base = URI.create("http://127.0.0.1:" + server.getLocalPort());
    Thread acceptor = new Thread(this::accept, "test-http-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }

  @Test
  void everyRequestIsAnsweredAndJudgedWhateverTheBodyFraming() throws Exception {
    String[] paths = {"/length", "/chunked", "/close", "/empty"};
    List<Long> warmup = new CopyOnWriteArrayList<>();
    OpenLoopLoad.Result r =
        new OpenLoopLoad(base, 4, Duration.ofSeconds(5))
            .run(
                i -> new OpenLoopLoad.Request("POST", paths[(int) (i % 4)], "k" + i, "body-" + i),
                (i, req, status, body, measured) -> {
                  if (!measured) {
                    warmup.add(i);
                  }
                  return status == 200 && body.equals(expected(req.path(), "body-" + i))
                      ? null
                      : "wrong answer " + status + " " + body;
                },
                2000,
                Duration.ofMillis(80),
                Duration.ofMillis(200),
                () -> false);
    assertThat(r.failures()).isEmpty();
    // The warm-up ramps from 200/s to 2000/s over 80 ms: (200 + 2000) / 2 × 0.08 = 88 requests,
    // the first 88; the measured 200 ms at 2000/s are 400 more.
    assertThat(warmup).hasSize(88).allMatch(i -> i < 88);
    assertThat(r.sentTotal()).isEqualTo(488);
    assertThat(r.sent()).isEqualTo(400);
    assertThat(r.ok()).isEqualTo(400);
    assertThat(r.latency().getTotalCount()).isEqualTo(400);
    for (String p : paths) {
      assertThat(seen.get(p).get()).as(p).isEqualTo(122);
    }
    // "/close" ends its connection after each answer: a new one is opened for the next request.
    assertThat(connections.get()).isGreaterThan(100).isLessThanOrEqualTo(122 + 4);
    assertThat(r.stoppedEarly()).isFalse();
  }

  @Test
  void aRequestWithoutAnswerTimesOutAndItsConnectionIsReplaced() throws Exception {
    OpenLoopLoad.Result r =
        new OpenLoopLoad(base, 2, Duration.ofMillis(300))
            .run(
                i -> new OpenLoopLoad.Request("GET", i == 3 ? "/silent" : "/length", null, null),
                (i, req, status, body, measured) -> status == 200 ? null : "HTTP " + status,
                100,
                Duration.ZERO,
                Duration.ofMillis(200),
                () -> false);
    assertThat(r.failures()).containsExactly(Map.entry("timeout", 1L));
    assertThat(r.ok()).isEqualTo(19);
    // Only answered requests have a latency.
    assertThat(r.latency().getTotalCount()).isEqualTo(19);
  }

  @Test
  void waitingForABusyConnectionIsChargedToTheRequest() throws Exception {
    // One connection, answers taking at least 20 ms, a request due every 5 ms: request k cannot
    // leave before 20·k ms but was due at 5·k ms, so its latency is at least 15·k + 20 ms.
    OpenLoopLoad.Result r =
        new OpenLoopLoad(base, 1, Duration.ofSeconds(5))
            .run(
                i -> new OpenLoopLoad.Request("GET", "/slow", null, null),
                (i, req, status, body, measured) -> status == 200 ? null : "HTTP " + status,
                200,
                Duration.ZERO,
                Duration.ofMillis(100),
                () -> false);
    assertThat(r.ok()).isEqualTo(20);
    assertThat(r.latency().getMaxValue()).isGreaterThanOrEqualTo(305_000_000L);
    assertThat(r.latency().getMinValue()).isGreaterThanOrEqualTo(20_000_000L);
  }

  @Test
  void aDroppedConnectionIsAnIoErrorAndTheNextRequestReconnects() throws Exception {
    List<Long> unanswered = new CopyOnWriteArrayList<>();
    OpenLoopLoad.Result r =
        new OpenLoopLoad(base, 1, Duration.ofSeconds(5))
            .run(
                i -> new OpenLoopLoad.Request("GET", i % 5 == 2 ? "/drop" : "/length", null, null),
                new OpenLoopLoad.Responses() {
                  @Override
                  public String accept(
                      long i, OpenLoopLoad.Request req, int status, String body, boolean m) {
                    return status == 200 ? null : "HTTP " + status;
                  }

                  @Override
                  public void unanswered(
                      long i, OpenLoopLoad.Request req, String outcome, boolean m) {
                    unanswered.add(i);
                  }
                },
                200,
                Duration.ZERO,
                Duration.ofMillis(100),
                () -> false);
    assertThat(r.failures()).containsExactly(Map.entry("I/O error: EOFException", 4L));
    assertThat(unanswered).containsExactly(2L, 7L, 12L, 17L);
    assertThat(r.ok()).isEqualTo(16);
    assertThat(connections.get()).isEqualTo(5);
  }

  @Test
  void statusAndBodyReachTheJudgeAndItsVerdictIsCounted() throws Exception {
    OpenLoopLoad.Result r =
        new OpenLoopLoad(base, 3, Duration.ofSeconds(5))
            .run(
                i ->
                    new OpenLoopLoad.Request(
                        "GET", i % 2 == 0 ? "/length" : "/limited", null, null),
                (i, req, status, body, measured) -> GatewayBenchCommand.outcome(status, body),
                500,
                Duration.ZERO,
                Duration.ofMillis(100),
                () -> false);
    assertThat(r.failures()).containsExactly(Map.entry("HTTP 429 RATE_LIMITED", 25L));
    assertThat(r.ok()).isEqualTo(25);
  }

  @Test
  void theStopConditionEndsTheRunEarly() throws Exception {
    AtomicInteger checks = new AtomicInteger();
    OpenLoopLoad.Result r =
        new OpenLoopLoad(base, 2, Duration.ofSeconds(5))
            .run(
                i -> new OpenLoopLoad.Request("GET", "/length", null, null),
                (i, req, status, body, measured) -> null,
                1000,
                Duration.ZERO,
                Duration.ofSeconds(30),
                () -> checks.incrementAndGet() > 5);
    assertThat(r.stoppedEarly()).isTrue();
    assertThat(r.sent()).isLessThan(1000);
    assertThat(r.ok()).isEqualTo(r.sent());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void theParserReadsResponsesSplitAnywhere(long seed) throws IOException {
    Random rnd = new Random(seed);
    String chunked =
        "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "6;ext=1\r\nhéllo\r\n1\r\n \r\n5\r\nworld\r\n0\r\nTrailer: x\r\n\r\n";
    String fixed =
        "HTTP/1.1 400 Bad Request\r\nContent-Length: 7\r\nConnection: close\r\n\r\n{\"a\":1}";
    HttpResponseParser p = new HttpResponseParser();
    for (int round = 0; round < 20; round++) {
      boolean c = rnd.nextBoolean();
      byte[] bytes = (c ? chunked : fixed).getBytes(StandardCharsets.UTF_8);
      p.reset(false);
      boolean done = false;
      for (int pos = 0; pos < bytes.length; ) {
        assertThat(done).isFalse();
        int n = 1 + rnd.nextInt(Math.min(9, bytes.length - pos));
        done = p.feed(bytes, pos, n);
        pos += n;
      }
      assertThat(done).isTrue();
      assertThat(p.status()).isEqualTo(c ? 201 : 400);
      assertThat(p.body()).isEqualTo(c ? "héllo world" : "{\"a\":1}");
      assertThat(p.closeAfter()).isEqualTo(!c);
    }
  }

  @Test
  void theParserHandlesBodilessAndCloseDelimitedResponsesAndRefusesGarbage() throws IOException {
    HttpResponseParser p = new HttpResponseParser();
    byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    p.reset(true);
    assertThat(p.feed(head, 0, head.length)).isTrue();
    assertThat(p.body()).isEmpty();

    byte[] noContent = "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    p.reset(false);
    assertThat(p.feed(noContent, 0, noContent.length)).isTrue();
    assertThat(p.status()).isEqualTo(204);

    byte[] untilClose = "HTTP/1.0 200 OK\r\n\r\nto the end".getBytes(StandardCharsets.UTF_8);
    p.reset(false);
    assertThat(p.feed(untilClose, 0, untilClose.length)).isFalse();
    assertThat(p.endOfStream()).isTrue();
    assertThat(p.body()).isEqualTo("to the end");
    assertThat(p.closeAfter()).isTrue();

    byte[] garbage = "SSH-2.0-OpenSSH\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    p.reset(false);
    assertThatThrownBy(() -> p.feed(garbage, 0, garbage.length))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not an HTTP response");
    byte[] badChunk =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
            .getBytes(StandardCharsets.UTF_8);
    p.reset(false);
    assertThatThrownBy(() -> p.feed(badChunk, 0, badChunk.length))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("bad chunk size");
  }

  private static String expected(String path, String body) {
    return path.equals("/empty") ? "" : path + ":" + body;
  }

  // ---- the test server ----

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        sockets.add(s);
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(s), "test-http-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        String requestLine = line(in);
        if (requestLine == null) {
          return;
        }
        int length = 0;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
          if (h.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(h.substring(15).trim());
          }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String path = requestLine.split(" ")[1];
        seen.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        String answer = path + ":" + body;
        switch (path) {
          case "/silent" -> {
            // Never answers; the client gives up and closes.
            in.readAllBytes();
            return;
          }
          case "/drop" -> {
            return;
          }
          case "/slow" -> {
            sleep(20);
            out.write(bytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
          }
          case "/empty" -> out.write(bytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
          case "/limited" ->
              out.write(
                  bytes(
                      "HTTP/1.1 429 Too Many Requests\r\nContent-Length: 24\r\n\r\n"
                          + "{\"code\":\"RATE_LIMITED\"}\n"));
          case "/chunked" -> {
            byte[] a = bytes(answer);
            int half = a.length / 2;
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
            b.write(bytes(Integer.toHexString(half) + "\r\n"));
            b.write(a, 0, half);
            b.write(bytes("\r\n" + Integer.toHexString(a.length - half) + "\r\n"));
            b.write(a, half, a.length - half);
            b.write(bytes("\r\n0\r\n\r\n"));
            out.write(b.toByteArray());
          }
          case "/close" -> {
            out.write(
                bytes(
                    "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: "
                        + bytes(answer).length
                        + "\r\n\r\n"
                        + answer));
            out.flush();
            return;
          }
          default ->
              out.write(
                  bytes(
                      "HTTP/1.1 200 OK\r\nContent-Length: "
                          + bytes(answer).length
                          + "\r\n\r\n"
                          + answer));
        }
        out.flush();
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c >= 0; c = in.read()) {
      if (c == '\n') {
        int n = b.length();
        return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
      }
      b.append((char) c);
    }
    return b.length() == 0 ? null : b.toString();
  }
}
