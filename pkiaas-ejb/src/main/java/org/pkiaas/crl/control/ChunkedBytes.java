package org.pkiaas.crl.control;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A byte sequence kept as a list of blocks, so that a CRL of tens of megabytes is built, stored and
 * served without ever being copied into one array (nor the doubling copies a growing array makes).
 * Appending a block shares it; writing fills blocks of {@value #BLOCK} bytes.
 */
public final class ChunkedBytes {

  static final int BLOCK = 1 << 20;

  private final List<byte[]> blocks = new ArrayList<>();
  private byte[] current;
  private int fill;
  private long size;

  public static ChunkedBytes of(List<byte[]> blocks) {
    ChunkedBytes bytes = new ChunkedBytes();
    blocks.forEach(bytes::append);
    return bytes;
  }

  /** Copies {@code length} bytes in. */
  public void write(byte[] source, int offset, int length) {
    while (length > 0) {
      if (current == null || fill == current.length) {
        current = new byte[BLOCK];
        fill = 0;
        blocks.add(current);
      }
      int n = Math.min(length, current.length - fill);
      System.arraycopy(source, offset, current, fill, n);
      fill += n;
      offset += n;
      length -= n;
      size += n;
    }
  }

  public void write(byte[] source) {
    write(source, 0, source.length);
  }

  /**
   * Adds a whole array as a block of its own, without copying it; it must not change afterwards.
   */
  public void append(byte[] block) {
    seal();
    blocks.add(block);
    size += block.length;
  }

  /** Adds another sequence's blocks, without copying them. */
  public void append(ChunkedBytes other) {
    for (byte[] block : other.blocks()) {
      append(block);
    }
  }

  public long size() {
    return size;
  }

  /** The blocks, each exactly as long as its content. */
  public List<byte[]> blocks() {
    seal();
    return Collections.unmodifiableList(blocks);
  }

  public void writeTo(OutputStream out) throws IOException {
    for (byte[] block : blocks()) {
      out.write(block);
    }
  }

  /** One array: for small sequences and tests. */
  public byte[] toByteArray() {
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("Too large for one array: " + size + " bytes");
    }
    byte[] all = new byte[(int) size];
    int at = 0;
    for (byte[] block : blocks()) {
      System.arraycopy(block, 0, all, at, block.length);
      at += block.length;
    }
    return all;
  }

  /** Trims the block being filled to its content, so that every block is exactly full. */
  private void seal() {
    if (current != null && fill < current.length) {
      byte[] trimmed = new byte[fill];
      System.arraycopy(current, 0, trimmed, 0, fill);
      blocks.set(blocks.size() - 1, trimmed);
    }
    current = null;
    fill = 0;
  }
}
