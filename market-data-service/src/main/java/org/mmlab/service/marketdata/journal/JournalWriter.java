package org.mmlab.service.marketdata.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Appends records to a journal file. A record is {@code [int length][int crc32c][byte
 * type][payload]} where the length counts the type and the payload and the checksum covers them.
 * Records are buffered and handed to the OS when the buffer fills; {@link #sync()} writes the rest
 * and forces the file to the device, so everything appended before a sync survives a crash of the
 * process or of the machine. Single-threaded: the owner (the exchange thread) calls every method.
 */
public final class JournalWriter implements AutoCloseable {
  /** Bytes before the payload: length, checksum, type. */
  public static final int HEADER = 9;

  /** Largest payload accepted (a record longer than this is corrupt on reading). */
  public static final int MAX_PAYLOAD = 8 << 20;

  private final Path file;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
  private final CRC32C crc = new CRC32C();
  private FileChannel channel;
  private boolean unsynced;
  private long records;
  private long bytes;
  private long length;
  private long syncs;

  private JournalWriter(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Opens a journal for appending after its valid prefix (a torn tail is cut off).
   *
   * @param file the journal file (must exist)
   * @param validLength bytes of valid records, from {@link JournalReader#validLength()}
   * @return the writer
   * @throws UncheckedIOException when the file cannot be opened
   */
  public static JournalWriter append(Path file, long validLength) {
    try {
      FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
      ch.truncate(validLength);
      ch.position(validLength);
      ch.force(true);
      JournalWriter w = new JournalWriter(file, ch);
      w.length = validLength;
      return w;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal " + file, e);
    }
  }

  /**
   * Creates (or atomically replaces) a journal whose first record is given, durable on return.
   *
   * @param file the journal file
   * @param type the first record's type
   * @param payload the first record's payload (read from position to limit)
   * @return the writer, positioned after the first record
   * @throws UncheckedIOException when the file cannot be written
   */
  public static JournalWriter create(Path file, byte type, ByteBuffer payload) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      JournalWriter w = new JournalWriter(file, null);
      w.writeFresh(type, payload);
      return w;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create journal " + file, e);
    }
  }

  /**
   * Starts a new segment: what is buffered is synced, the current file becomes {@code previous}
   * (replacing an older one) and a new file holding just the given first record takes its name. The
   * new file is written to a temporary file and fsynced before the renames, and the directory is
   * fsynced after them, so a crash leaves the old segment complete, under its name or under {@code
   * previous} with the temporary file complete beside it (see {@link #tempFile}).
   *
   * @param type the new segment's first record type
   * @param payload its payload
   * @param previous where the current segment goes
   * @throws UncheckedIOException when a file cannot be written or renamed
   */
  public void rotate(byte type, ByteBuffer payload, Path previous) {
    try {
      sync();
      channel.close();
      Path tmp = writeTemp(type, payload);
      move(file, previous);
      move(tmp, file);
      forceDirectory(file.toAbsolutePath().getParent());
      reopen();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a new journal segment " + file, e);
    }
  }

  /**
   * The temporary file a new segment is written to before it is renamed into place.
   *
   * @param file the journal file
   * @return its temporary sibling
   */
  public static Path tempFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".tmp");
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private Path writeTemp(byte type, ByteBuffer payload) throws IOException {
    Path tmp = tempFile(file);
    buffer.clear();
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      channel = ch;
      length = 0;
      add(type, payload);
      drain();
      ch.force(true);
    }
    return tmp;
  }

  private void reopen() throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.WRITE);
    channel.position(channel.size());
    unsynced = false;
  }

  private void writeFresh(byte type, ByteBuffer payload) throws IOException {
    Path tmp = writeTemp(type, payload);
    move(tmp, file);
    forceDirectory(file.toAbsolutePath().getParent());
    reopen();
  }

  private static void forceDirectory(Path dir) {
    // The rename is durable only once the directory is; Linux allows forcing a directory.
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory; the rename is then as durable as they make it.
    }
  }

  /**
   * Appends a record (durable only after the next {@link #sync()}).
   *
   * @param type the record type
   * @param payload the payload, from position to limit (consumed)
   * @throws UncheckedIOException when the write fails
   */
  public void append(byte type, ByteBuffer payload) {
    try {
      add(type, payload);
    } catch (IOException e) {
      throw new UncheckedIOException("journal write failed: " + file, e);
    }
  }

  private void add(byte type, ByteBuffer payload) throws IOException {
    int n = payload.remaining();
    if (n > MAX_PAYLOAD) {
      throw new IllegalArgumentException("journal record too large: " + n + " bytes");
    }
    if (buffer.remaining() < HEADER + n) {
      drain();
    }
    crc.reset();
    crc.update(type);
    int start = payload.position();
    crc.update(payload);
    payload.position(start);
    buffer.putInt(n + 1).putInt((int) crc.getValue()).put(type);
    if (buffer.remaining() >= n) {
      buffer.put(payload);
    } else { // larger than the buffer: straight to the file
      drain();
      while (payload.hasRemaining()) {
        channel.write(payload);
      }
    }
    records++;
    bytes += HEADER + n;
    length += HEADER + n;
    unsynced = true;
  }

  private void drain() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  /**
   * Whether records were appended since the last sync.
   *
   * @return true when a sync would write something
   */
  public boolean unsynced() {
    return unsynced;
  }

  /**
   * Writes what is buffered and forces it to the device (data only: the file's length is part of
   * it; its modification time is not).
   *
   * @throws UncheckedIOException when the write or the force fails
   */
  public void sync() {
    if (!unsynced) {
      return;
    }
    try {
      drain();
      channel.force(false);
      unsynced = false;
      syncs++;
    } catch (IOException e) {
      throw new UncheckedIOException("journal sync failed: " + file, e);
    }
  }

  /**
   * Records appended since this writer opened.
   *
   * @return the count
   */
  public long records() {
    return records;
  }

  /**
   * Bytes appended since this writer opened.
   *
   * @return the count
   */
  public long bytes() {
    return bytes;
  }

  /**
   * The current file's length, buffered records included.
   *
   * @return bytes
   */
  public long length() {
    return length;
  }

  /**
   * Syncs done since this writer opened.
   *
   * @return the count
   */
  public long syncs() {
    return syncs;
  }

  /**
   * The journal file.
   *
   * @return its path
   */
  public Path file() {
    return file;
  }

  /** Syncs and closes the file. */
  @Override
  public void close() {
    try {
      sync();
    } finally {
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException("closing journal failed: " + file, e);
      }
    }
  }
}
