package org.mmlab.service.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The HTTP server under the gateway keeps reading a keep-alive connection after it had to buffer a
 * request that came before the previous one's operations ended.
 *
 * <p>The soak hit this: the gateway completes an order's response on its exchange connection's
 * thread, so the client can read the answer and send its next order before the server has ended the
 * previous exchange on the connection's own thread. The server buffers that order, serves it, and
 * with Reactor Netty 1.3.6 then never asked the socket for more: the order after it lay unread
 * until the client gave up and closed the connection (when the server read it, sent it to the
 * exchange, and had nobody to answer). About one request in 4,000 at 1,000 orders/s on a loaded
 * machine; fixed in Reactor Netty 1.3.8 (the root pom's {@code reactor-bom.version}). Pipelining
 * two requests makes the buffering certain, so the test is deterministic.
 */
class KeepAliveReadTest {

  @Test
  void aRequestAfterABufferedOneIsRead() throws IOException {
    DisposableServer server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (req, res) ->
                    res.sendString(
                        req.uri().equals("/slow")
                            ? Mono.delay(Duration.ofMillis(50)).thenReturn("slow")
                            : Mono.just("fast")))
            .bindNow();
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      // A hang shows as a read timeout; the server answers in milliseconds otherwise.
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      InputStream in = new BufferedInputStream(s.getInputStream());
      // The second request arrives while the first is still in progress: buffered.
      out.write(get("/slow").concat(get("/fast")).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertThat(readBody(in)).isEqualTo("slow");
      assertThat(readBody(in)).isEqualTo("fast");
      // The next request on the connection, after both answers.
      out.write(get("/next").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertThat(readBody(in)).isEqualTo("fast");
    } finally {
      server.disposeNow();
    }
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
  }

  /** Reads one response (status 200, Content-Length or chunked) and returns its body. */
  private static String readBody(InputStream in) throws IOException {
    assertThat(line(in)).startsWith("HTTP/1.1 200");
    int length = -1;
    boolean chunked = false;
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      String l = h.toLowerCase(Locale.ROOT);
      if (l.startsWith("content-length:")) {
        length = Integer.parseInt(l.substring("content-length:".length()).trim());
      } else if (l.startsWith("transfer-encoding:") && l.contains("chunked")) {
        chunked = true;
      }
    }
    StringBuilder body = new StringBuilder();
    if (chunked) {
      for (int n = Integer.parseInt(line(in).trim(), 16); n > 0; ) {
        body.append(new String(in.readNBytes(n), StandardCharsets.UTF_8));
        line(in);
        n = Integer.parseInt(line(in).trim(), 16);
      }
      line(in);
    } else {
      body.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }
    return body.toString();
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }
}
