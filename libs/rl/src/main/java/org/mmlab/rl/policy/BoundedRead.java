package org.mmlab.rl.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Reads one zip entry of a bundle into memory with a size cap, so a crafted or corrupt bundle
 * cannot exhaust the heap. Shared by policy and predictor bundles.
 */
public final class BoundedRead {
  private BoundedRead() {}

  /**
   * Reads {@code in} to its end.
   *
   * @param in the entry's stream
   * @param name the entry's name, for the message
   * @param maxBytes the largest size accepted
   * @return the bytes
   * @throws ZipException when the entry is larger than {@code maxBytes}
   * @throws IOException when reading fails
   */
  public static byte[] entry(InputStream in, String name, long maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[65536];
    long total = 0;
    for (int n; (n = in.read(buf)) > 0; ) {
      total += n;
      if (total > maxBytes) {
        throw new ZipException(name + " is larger than " + (maxBytes >> 20) + " MiB");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
