package org.brookml.io;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Test helpers for crafting snapshot bytes as an attacker would: the layout is magic (8 bytes),
 * format version (2), model type (2-byte length, then UTF-8), state version (2), payload length
 * (4), payload, CRC-32C (4).
 */
final class SnapshotBytes {

  private SnapshotBytes() {}

  /** Recomputes the checksum over everything before it, in place; returns {@code bytes}. */
  static byte[] resign(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes, bytes.length - 4, 4).putInt((int) crc.getValue());
    return bytes;
  }

  /** The offset of the payload's first byte (the payload length is the 4 bytes before it). */
  static int payloadStart(byte[] bytes) {
    int typeLength = ((bytes[10] & 0xFF) << 8) | (bytes[11] & 0xFF);
    return 12 + typeLength + 2 + 4;
  }
}
