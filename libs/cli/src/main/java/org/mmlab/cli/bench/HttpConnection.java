package org.mmlab.cli.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection with blocking I/O: writes a request, reads the response
 * (Content-Length or chunked body). The load generator uses it instead of {@link
 * java.net.http.HttpClient}, which spent more CPU per request than the gateway it measured.
 */
final class HttpConnection implements AutoCloseable {
  private final String host;
  private final int port;
  private final int timeoutMillis;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
  private final StringBuilder line = new StringBuilder(128);

  /** A response: status and body. */
  record Response(int status, String body) {}

  /**
   * A connection to a server; it connects on first use and again after an error.
   *
   * @param base the server's base URL (http only)
   * @param timeoutMillis connect and read timeout
   */
  HttpConnection(URI base, int timeoutMillis) {
    this.host = base.getHost();
    this.port = base.getPort() > 0 ? base.getPort() : 80;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Sends one request and reads its response.
   *
   * @param method GET, POST, DELETE, ...
   * @param path the path (and query)
   * @param headers extra header lines, each {@code "Name: value"}, may be null
   * @param payload the body, or null
   * @return the response
   * @throws IOException on an I/O error or timeout; the connection is closed then
   */
  Response exchange(String method, String path, String[] headers, byte[] payload)
      throws IOException {
    try {
      if (socket == null) {
        connect();
      }
      StringBuilder b = new StringBuilder(256);
      b.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ");
      b.append(host).append(':').append(port).append("\r\n");
      if (headers != null) {
        for (String h : headers) {
          b.append(h).append("\r\n");
        }
      }
      if (payload != null) {
        b.append("Content-Type: application/json\r\nContent-Length: ")
            .append(payload.length)
            .append("\r\n");
      }
      b.append("\r\n");
      out.write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (payload != null) {
        out.write(payload);
      }
      out.flush();
      return read("HEAD".equals(method));
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.connect(new InetSocketAddress(host, port), timeoutMillis);
    s.setSoTimeout(timeoutMillis);
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
    out = new BufferedOutputStream(s.getOutputStream(), 8 * 1024);
  }

  private Response read(boolean head) throws IOException {
    String status = readLine();
    if (!status.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = status.startsWith("HTTP/1.0");
    for (String h = readLine(); !h.isEmpty(); h = readLine()) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = h.substring(0, colon).trim();
      String value = h.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
      } else if (name.equalsIgnoreCase("Connection")) {
        close = value.equalsIgnoreCase("close");
      }
    }
    body.reset();
    if (!head && code >= 200 && code != 204 && code != 304) {
      if (chunked) {
        for (long n = Long.parseLong(chunkSize(readLine()), 16); n > 0; ) {
          copy(n);
          readLine();
          n = Long.parseLong(chunkSize(readLine()), 16);
        }
        while (!readLine().isEmpty()) {
          // trailers
        }
      } else if (length >= 0) {
        copy(length);
      } else {
        // No length: the body runs to the end of the connection.
        in.transferTo(body);
        close = true;
      }
    }
    Response r = new Response(code, body.toString(StandardCharsets.UTF_8));
    if (close) {
      close();
    }
    return r;
  }

  private static String chunkSize(String line) {
    int semi = line.indexOf(';');
    return (semi >= 0 ? line.substring(0, semi) : line).trim();
  }

  private void copy(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
    while (n > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, n));
      if (r < 0) {
        throw new EOFException("connection closed inside a response body");
      }
      body.write(buf, 0, r);
      n -= r;
    }
  }

  private String readLine() throws IOException {
    line.setLength(0);
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (c == '\n') {
        int len = line.length();
        if (len > 0 && line.charAt(len - 1) == '\r') {
          line.setLength(len - 1);
        }
        return line.toString();
      }
      line.append((char) c);
    }
  }

  @Override
  public void close() {
    Socket s = socket;
    socket = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // Closing anyway.
      }
    }
  }
}
