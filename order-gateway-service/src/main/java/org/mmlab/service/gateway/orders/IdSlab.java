package org.mmlab.service.gateway.orders;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Client order ids kept by slot as ASCII bytes in one array. A kept {@code String} would be one
 * more object per order that survives a young collection, is copied, promoted and later collected
 * from the old generation; request ids are at most 64 of {@code [A-Za-z0-9._:-]}, so their bytes
 * fit a fixed-width slot. An id that does not fit (longer, or not ASCII: none a validated request
 * sends) is kept as its string instead, so nothing is lost.
 */
final class IdSlab {
  /** Bytes per slot: the longest client order id a request may carry. */
  static final int WIDTH = 64;

  private static final byte NULL = -1;
  private static final byte OVERFLOW = -2;

  private final int capacity;
  private final byte[] bytes;
  private final byte[] length;
  private String[] overflow; // allocated on the first id that does not fit

  IdSlab(int capacity) {
    this.capacity = capacity;
    this.bytes = new byte[capacity * WIDTH];
    this.length = new byte[capacity];
    Arrays.fill(length, NULL);
  }

  /** Stores an id (or null) in a slot. */
  void set(int slot, String id) {
    if (overflow != null) {
      overflow[slot] = null;
    }
    if (id == null) {
      length[slot] = NULL;
      return;
    }
    int n = id.length();
    if (n > WIDTH || !ascii(id)) {
      if (overflow == null) {
        overflow = new String[capacity];
      }
      overflow[slot] = id;
      length[slot] = OVERFLOW;
      return;
    }
    int base = slot * WIDTH;
    for (int i = 0; i < n; i++) {
      bytes[base + i] = (byte) id.charAt(i);
    }
    length[slot] = (byte) n;
  }

  /** The id in a slot, as a new string (null for none). */
  String get(int slot) {
    int n = length[slot];
    if (n == NULL) {
      return null;
    }
    if (n == OVERFLOW) {
      return overflow[slot];
    }
    return new String(bytes, slot * WIDTH, n, StandardCharsets.US_ASCII);
  }

  /** Whether a slot holds exactly this id. */
  boolean matches(int slot, String id) {
    int n = length[slot];
    if (n == NULL || id == null) {
      return false;
    }
    if (n == OVERFLOW) {
      return id.equals(overflow[slot]);
    }
    if (id.length() != n) {
      return false;
    }
    int base = slot * WIDTH;
    for (int i = 0; i < n; i++) {
      if (bytes[base + i] != id.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a slot holds no id. */
  boolean isNull(int slot) {
    return length[slot] == NULL;
  }

  /** The hash of a slot's id: equal to {@link #hash(String)} of the same id. */
  int hash(int slot) {
    int n = length[slot];
    if (n == OVERFLOW) {
      return hash(overflow[slot]);
    }
    int h = 0;
    int base = slot * WIDTH;
    for (int i = 0; i < n; i++) {
      h = 31 * h + bytes[base + i];
    }
    return mix(h);
  }

  /** The hash of an id. */
  static int hash(String id) {
    int h = 0;
    for (int i = 0, n = id.length(); i < n; i++) {
      h = 31 * h + id.charAt(i);
    }
    return mix(h);
  }

  /** Copies a slot into another slab's slot (growing a ring). */
  void copyTo(int from, IdSlab to, int slot) {
    int n = length[from];
    to.length[slot] = (byte) n;
    if (n == OVERFLOW) {
      if (to.overflow == null) {
        to.overflow = new String[to.capacity];
      }
      to.overflow[slot] = overflow[from];
    } else if (n > 0) {
      System.arraycopy(bytes, from * WIDTH, to.bytes, slot * WIDTH, n);
    }
  }

  private static boolean ascii(String id) {
    for (int i = 0, n = id.length(); i < n; i++) {
      if (id.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Spreads the string hash's low bits (the table index is taken from them). */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }
}
