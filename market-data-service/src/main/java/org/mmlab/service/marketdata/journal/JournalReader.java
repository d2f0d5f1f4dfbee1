package org.mmlab.service.marketdata.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads a journal's records in order. Reading stops at the first record that is incomplete (a torn
 * write: the process died mid-append) or whose checksum does not match; {@link #validLength()} is
 * then where the valid prefix ends, and {@link #tornBytes()} what follows it.
 */
public final class JournalReader implements AutoCloseable {
  private final FileChannel channel;
  private final long size;
  private final CRC32C crc = new CRC32C();
  private final ByteBuffer header = ByteBuffer.allocate(JournalWriter.HEADER);
  private ByteBuffer payload = ByteBuffer.allocate(4096);
  private long position;
  private byte type;
  private long records;

  /**
   * Opens a journal for reading.
   *
   * @param file the journal
   * @throws UncheckedIOException when it cannot be opened
   */
  public JournalReader(Path file) {
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      size = channel.size();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read journal " + file, e);
    }
  }

  /**
   * Moves to the next valid record.
   *
   * @return false at the end of the valid prefix
   * @throws UncheckedIOException when reading fails
   */
  public boolean next() {
    try {
      int n = readHeader();
      if (n < 0) {
        return false;
      }
      int sum = header.getInt();
      byte t = header.get();
      if (payload.capacity() < n) {
        payload = ByteBuffer.allocate(Math.max(n, payload.capacity() * 2));
      }
      payload.clear().limit(n);
      long at = position + JournalWriter.HEADER;
      while (payload.hasRemaining()) {
        int r = channel.read(payload, at + payload.position());
        if (r < 0) {
          return false;
        }
      }
      payload.flip();
      crc.reset();
      crc.update(t);
      crc.update(payload);
      payload.flip();
      if ((int) crc.getValue() != sum) {
        return false;
      }
      type = t;
      position = at + n;
      records++;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("journal read failed", e);
    }
  }

  /**
   * Steps over the next record without checking its checksum (its length must fit in the file):
   * recovery uses it to pass an unreadable first record whose content it rebuilds otherwise.
   *
   * @return false when no record of a plausible length follows
   * @throws UncheckedIOException when reading fails
   */
  public boolean skip() {
    try {
      int n = readHeader();
      if (n < 0) {
        return false;
      }
      position += JournalWriter.HEADER + n;
      records++;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("journal read failed", e);
    }
  }

  /**
   * Reads the header of the record at {@code position}, leaving the checksum and type to read.
   *
   * @return the payload's length, or -1 when no record of a plausible length (one that fits in the
   *     file) follows
   */
  private int readHeader() throws IOException {
    if (size - position < JournalWriter.HEADER) {
      return -1;
    }
    header.clear();
    channel.read(header, position);
    header.flip();
    int n = header.getInt() - 1;
    if (n < 0 || n > JournalWriter.MAX_PAYLOAD || size - position - JournalWriter.HEADER < n) {
      return -1;
    }
    return n;
  }

  /**
   * The current record's type.
   *
   * @return the type byte
   */
  public byte type() {
    return type;
  }

  /**
   * The current record's payload (valid until the next call to {@link #next()}).
   *
   * @return the payload, positioned at its start
   */
  public ByteBuffer payload() {
    return payload;
  }

  /**
   * Bytes of valid records read so far (after the last {@link #next()} returned false: the valid
   * prefix).
   *
   * @return the length
   */
  public long validLength() {
    return position;
  }

  /**
   * Bytes after the valid prefix (a torn or corrupt tail), once reading has stopped.
   *
   * @return the count
   */
  public long tornBytes() {
    return size - position;
  }

  /**
   * Valid records read.
   *
   * @return the count
   */
  public long records() {
    return records;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing journal failed", e);
    }
  }
}
