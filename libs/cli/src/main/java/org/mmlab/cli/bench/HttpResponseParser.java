package org.mmlab.cli.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response fed in pieces as they arrive: the status, and the body delimited by
 * {@code Content-Length}, chunked encoding or the end of the connection. Reused for every response
 * of a connection ({@link #reset}).
 */
final class HttpResponseParser {
  private static final int MAX_HEAD = 64 * 1024;
  private static final int MAX_BODY = 16 * 1024 * 1024;

  private byte[] buf = new byte[16 * 1024];
  private int len;
  private boolean headRequest;
  private int headerEnd;
  private int status;
  private long contentLength;
  private boolean chunked;
  private boolean untilClose;
  private boolean closeAfter;
  private String body;
  private final ByteArrayOutputStream chunks = new ByteArrayOutputStream(1024);

  HttpResponseParser() {
    reset(false);
  }

  /**
   * Starts a new response.
   *
   * @param head whether it answers a HEAD request (no body)
   */
  void reset(boolean head) {
    len = 0;
    headRequest = head;
    headerEnd = -1;
    status = 0;
    contentLength = -1;
    chunked = false;
    untilClose = false;
    closeAfter = false;
    body = null;
  }

  /**
   * Adds bytes read from the connection.
   *
   * @param b the bytes
   * @param off where they start
   * @param n how many
   * @return whether the response is complete
   * @throws IOException when the bytes are not an HTTP response, or too large
   */
  boolean feed(byte[] b, int off, int n) throws IOException {
    if (len + n > buf.length) {
      if (len + n > MAX_HEAD + MAX_BODY) {
        throw new IOException("response over " + (MAX_HEAD + MAX_BODY) + " bytes");
      }
      buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
    }
    System.arraycopy(b, off, buf, len, n);
    len += n;
    if (headerEnd < 0) {
      int end = indexOf("\r\n\r\n", 0);
      if (end < 0) {
        if (len > MAX_HEAD) {
          throw new IOException("response head over " + MAX_HEAD + " bytes");
        }
        return false;
      }
      headerEnd = end + 4;
      parseHead();
    }
    return bodyComplete();
  }

  /**
   * The connection ended: completes a response whose body runs to the end of the connection.
   *
   * @return whether that completed the response
   */
  boolean endOfStream() {
    if (headerEnd >= 0 && untilClose) {
      body = new String(buf, headerEnd, len - headerEnd, StandardCharsets.UTF_8);
      closeAfter = true;
      return true;
    }
    return false;
  }

  /** The status code of a complete response. */
  int status() {
    return status;
  }

  /** The body of a complete response (empty when it has none). */
  String body() {
    return body;
  }

  /** Whether the server closes the connection after this response. */
  boolean closeAfter() {
    return closeAfter;
  }

  private void parseHead() throws IOException {
    int lineEnd = indexOf("\r\n", 0);
    String statusLine = new String(buf, 0, lineEnd, StandardCharsets.ISO_8859_1);
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
      throw new IOException("not an HTTP response: " + statusLine);
    }
    try {
      status = Integer.parseInt(statusLine.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new IOException("not an HTTP status line: " + statusLine);
    }
    closeAfter = statusLine.startsWith("HTTP/1.0");
    for (int pos = lineEnd + 2; pos < headerEnd - 2; ) {
      int end = indexOf("\r\n", pos);
      header(new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1));
      pos = end + 2;
    }
    if (hasBody() && !chunked && contentLength < 0) {
      untilClose = true;
    }
  }

  private void header(String line) throws IOException {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      return;
    }
    String name = line.substring(0, colon).trim();
    String value = line.substring(colon + 1).trim();
    if (name.equalsIgnoreCase("Content-Length")) {
      try {
        contentLength = Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IOException("bad Content-Length: " + value);
      }
      if (contentLength < 0 || contentLength > MAX_BODY) {
        throw new IOException("Content-Length out of range: " + value);
      }
    } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
      chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
    } else if (name.equalsIgnoreCase("Connection")) {
      closeAfter = value.equalsIgnoreCase("close");
    }
  }

  private boolean hasBody() {
    return !headRequest && status >= 200 && status != 204 && status != 304;
  }

  private boolean bodyComplete() throws IOException {
    if (!hasBody()) {
      body = "";
      return true;
    }
    if (chunked) {
      return chunkedComplete();
    }
    if (contentLength >= 0) {
      if (len - headerEnd < contentLength) {
        return false;
      }
      body = new String(buf, headerEnd, (int) contentLength, StandardCharsets.UTF_8);
      return true;
    }
    return false; // runs to the end of the connection
  }

  /** Parses the chunks received so far from the start; complete after the last chunk's trailers. */
  private boolean chunkedComplete() throws IOException {
    chunks.reset();
    int pos = headerEnd;
    while (true) {
      int lineEnd = indexOf("\r\n", pos);
      if (lineEnd < 0) {
        return false;
      }
      String sizeLine = new String(buf, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
      int semi = sizeLine.indexOf(';');
      int size;
      try {
        size = Integer.parseInt((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: " + sizeLine);
      }
      if (size < 0 || size > MAX_BODY) {
        throw new IOException("chunk size out of range: " + sizeLine);
      }
      pos = lineEnd + 2;
      if (size == 0) {
        // Trailers, then an empty line.
        while (true) {
          int end = indexOf("\r\n", pos);
          if (end < 0) {
            return false;
          }
          if (end == pos) {
            body = chunks.toString(StandardCharsets.UTF_8);
            return true;
          }
          pos = end + 2;
        }
      }
      if (len < pos + size + 2) {
        return false;
      }
      chunks.write(buf, pos, size);
      pos += size + 2;
    }
  }

  private int indexOf(String s, int from) {
    int n = s.length();
    outer:
    for (int i = from; i + n <= len; i++) {
      for (int j = 0; j < n; j++) {
        if (buf[i + j] != s.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
