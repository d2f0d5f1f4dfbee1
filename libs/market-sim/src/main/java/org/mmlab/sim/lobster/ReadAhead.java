package org.mmlab.sim.lobster;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads several streams ahead on one daemon thread (round robin) into a few recycled chunks each,
 * so that unzipping runs on another core while the caller parses. One thread for all streams keeps
 * a two-core machine from being oversubscribed. No allocation after construction.
 *
 * <p>{@link #open} returns one {@link InputStream} view per source; each view is read by one
 * consumer thread. The sources are closed once every view has been closed and the reading thread
 * has stopped.
 */
final class ReadAhead {
  private static final class Chunk {
    final byte[] data;
    int length;
    boolean last;
    IOException error;

    Chunk(int size) {
      data = new byte[size];
    }
  }

  private final View[] views;
  private final Thread thread;
  private volatile boolean stopped;
  private int open;

  private ReadAhead(InputStream[] sources, String name, int chunkSize, int chunks) {
    views = new View[sources.length];
    for (int i = 0; i < sources.length; i++) {
      views[i] = new View(sources[i], chunkSize, chunks);
    }
    open = sources.length;
    thread = new Thread(this::fill, "lobster-read-ahead " + name);
    thread.setDaemon(true);
  }

  /**
   * Starts reading {@code sources} ahead.
   *
   * @return one view per source, in order
   */
  static InputStream[] open(InputStream[] sources, String name, int chunkSize, int chunks) {
    ReadAhead r = new ReadAhead(sources, name, chunkSize, chunks);
    r.thread.start();
    return r.views.clone();
  }

  private void fill() {
    int active = views.length;
    while (!stopped && active > 0) {
      boolean progress = false;
      for (View v : views) {
        if (v.done) {
          continue;
        }
        Chunk c = v.free.poll();
        if (c == null) {
          continue;
        }
        progress = true;
        c.length = 0;
        c.error = null;
        c.last = false;
        try {
          while (c.length < c.data.length) {
            int n = v.source.read(c.data, c.length, c.data.length - c.length);
            if (n < 0) {
              c.last = true;
              break;
            }
            c.length += n;
          }
        } catch (IOException e) {
          c.error = e;
          c.last = true;
        } catch (RuntimeException e) {
          c.error = new IOException(e.toString(), e);
          c.last = true;
        }
        if (c.last) {
          v.done = true;
          active--;
        }
        v.full.add(c); // never full: a view holds at most `chunks` chunks
        LockSupport.unpark(v.reader);
      }
      if (!progress) {
        // A consumer unparks us after returning a chunk; a permit given before we park is kept.
        LockSupport.park(this);
      }
    }
  }

  private synchronized void viewClosed() throws IOException {
    if (--open > 0) {
      return;
    }
    stopped = true;
    LockSupport.unpark(thread);
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    IOException first = null;
    for (View v : views) {
      try {
        v.source.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** The consumer side of one source. */
  private final class View extends InputStream {
    final InputStream source;
    final ArrayBlockingQueue<Chunk> free;
    final ArrayBlockingQueue<Chunk> full;
    volatile Thread reader;
    boolean done;
    private Chunk current;
    private int offset;
    private boolean ended;
    private boolean closed;

    View(InputStream source, int chunkSize, int chunks) {
      this.source = source;
      this.free = new ArrayBlockingQueue<>(chunks);
      this.full = new ArrayBlockingQueue<>(chunks);
      for (int i = 0; i < chunks; i++) {
        free.add(new Chunk(chunkSize));
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (true) {
        if (current != null && offset < current.length) {
          int n = Math.min(len, current.length - offset);
          System.arraycopy(current.data, offset, b, off, n);
          offset += n;
          return n;
        }
        if (current != null) {
          if (current.error != null) {
            throw current.error;
          }
          if (current.last) {
            ended = true;
          } else {
            free.add(current);
            LockSupport.unpark(thread);
          }
          current = null;
        }
        if (ended) {
          return -1;
        }
        current = take();
        offset = 0;
      }
    }

    private Chunk take() throws IOException {
      reader = Thread.currentThread();
      Chunk c;
      while ((c = full.poll()) == null) {
        if (Thread.interrupted()) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading ahead");
        }
        LockSupport.park(this);
      }
      return c;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        viewClosed();
      }
    }
  }
}
