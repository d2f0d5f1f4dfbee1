package org.mmlab.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of one port, for tests of what a client does when its connections
 * die: {@link #cut()} drops every open connection at once (both sides see a reset), and while
 * {@link #block() blocked} each new connection is accepted and dropped at once, as through a
 * network partition. Plain JDK sockets, one daemon thread per direction and connection.
 */
public final class TcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean blocked;
  private volatile boolean closed;

  /**
   * Starts listening on a free loopback port.
   *
   * @param targetPort the loopback port connections are forwarded to
   * @throws IOException when no port can be bound
   */
  public TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * The port clients connect to.
   *
   * @return the proxy's port
   */
  public int port() {
    return server.getLocalPort();
  }

  /**
   * Connections accepted so far, forwarded or dropped.
   *
   * @return the count
   */
  public long accepted() {
    return accepted.get();
  }

  /**
   * Connections dropped on arrival while blocked.
   *
   * @return the count
   */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Connections currently forwarded.
   *
   * @return the count (each forwarded connection counts once)
   */
  public int openConnections() {
    return open.size() / 2;
  }

  /** From now on, drops each new connection as soon as it arrives. */
  public void block() {
    blocked = true;
  }

  /** From now on, forwards new connections again. */
  public void unblock() {
    blocked = false;
  }

  /** Drops every open connection with a reset. */
  public void cut() {
    for (Socket s : open) {
      reset(s);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      accepted.incrementAndGet();
      if (blocked) {
        dropped.incrementAndGet();
        reset(client);
        continue;
      }
      Socket upstream;
      try {
        upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
      } catch (IOException e) {
        reset(client);
        continue;
      }
      open.add(client);
      open.add(upstream);
      pump(client, upstream);
      pump(upstream, client);
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // one side died (or was cut): the other goes with it, below
              } finally {
                reset(from);
                reset(to);
              }
            },
            "tcp-proxy-pump-" + ((InetSocketAddress) from.getRemoteSocketAddress()).getPort());
    t.setDaemon(true);
    t.start();
  }

  private void reset(Socket s) {
    open.remove(s);
    try {
      s.setSoLinger(true, 0); // close with a RST, as a cut cable looks to both ends
    } catch (IOException e) {
      // already closed
    }
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  /** Stops listening and drops every connection. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // already closed
    }
    cut();
  }
}
