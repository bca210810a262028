package org.lmforge.dataprep.warc;

import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A read-only channel over a byte array; jwarc's HTTP parser needs a channel whose size it can ask. */
final class ByteArrayChannel implements SeekableByteChannel {
  private final byte[] bytes;
  private int pos;
  private boolean open = true;

  ByteArrayChannel(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override public int read(ByteBuffer dst) {
    if (pos >= bytes.length) {
      return -1;
    }
    int n = Math.min(dst.remaining(), bytes.length - pos);
    dst.put(bytes, pos, n);
    pos += n;
    return n;
  }

  @Override public int write(ByteBuffer src) { throw new NonWritableChannelException(); }

  @Override public long position() { return pos; }

  @Override public SeekableByteChannel position(long newPosition) {
    pos = (int) Math.min(newPosition, bytes.length);
    return this;
  }

  @Override public long size() { return bytes.length; }

  @Override public SeekableByteChannel truncate(long size) { throw new NonWritableChannelException(); }

  @Override public boolean isOpen() { return open; }

  @Override public void close() { open = false; }
}
