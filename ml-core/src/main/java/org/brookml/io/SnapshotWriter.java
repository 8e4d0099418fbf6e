package org.brookml.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.brookml.learner.OnlineLearner;

/**
 * Appends big-endian primitives to a growing byte buffer: the payload side of a {@link ModelCodec}.
 * Arrays are written with their length first, so that {@link SnapshotReader} can check them before
 * it allocates.
 */
public final class SnapshotWriter {

  private byte[] buffer;
  private int size;

  SnapshotWriter(int initialCapacity) {
    buffer = new byte[Math.max(64, initialCapacity)];
  }

  /** Writes a boolean as one byte. */
  public SnapshotWriter writeBoolean(boolean value) {
    return writeByte(value ? 1 : 0);
  }

  /** Writes the low 8 bits of {@code value}. */
  public SnapshotWriter writeByte(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
    return this;
  }

  /** Writes the low 16 bits of {@code value}. */
  public SnapshotWriter writeShort(int value) {
    ensure(2);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
    return this;
  }

  /** Writes a 32-bit int. */
  public SnapshotWriter writeInt(int value) {
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  /** Writes a 64-bit long. */
  public SnapshotWriter writeLong(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  /** Writes a double as its IEEE 754 bits (NaN payloads included), so values round-trip exactly. */
  public SnapshotWriter writeDouble(double value) {
    return writeLong(Double.doubleToRawLongBits(value));
  }

  /** Writes a UTF-8 string of at most 65,535 bytes, length first. */
  public SnapshotWriter writeString(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0xFFFF) {
      throw new IllegalArgumentException("string too long for a snapshot: " + bytes.length + " bytes");
    }
    writeShort(bytes.length);
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
    return this;
  }

  /** Writes {@code length} doubles from {@code values[offset ..]}, length first. */
  public SnapshotWriter writeDoubles(double[] values, int offset, int length) {
    writeInt(length);
    ensure(8L * length);
    for (int i = 0; i < length; i++) {
      long bits = Double.doubleToRawLongBits(values[offset + i]);
      for (int shift = 56; shift >= 0; shift -= 8) {
        buffer[size++] = (byte) (bits >>> shift);
      }
    }
    return this;
  }

  /** Writes a whole double array, length first. */
  public SnapshotWriter writeDoubles(double[] values) {
    return writeDoubles(values, 0, values.length);
  }

  /** Writes a byte array (e.g. a nested snapshot), length first. */
  public SnapshotWriter writeBytes(byte[] bytes) {
    writeInt(bytes.length);
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
    return this;
  }

  /** Writes a nested model as its own complete snapshot (see {@link Snapshots#write}). */
  public SnapshotWriter writeModel(OnlineLearner model) {
    return writeBytes(Snapshots.write(model));
  }

  /** Writes a whole long array, length first. */
  public SnapshotWriter writeLongs(long[] values) {
    writeInt(values.length);
    for (long v : values) {
      writeLong(v);
    }
    return this;
  }


  int size() {
    return size;
  }

  byte[] buffer() {
    return buffer;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  private void ensure(long extra) {
    long needed = size + extra;
    if (needed > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("snapshot larger than 2 GiB");
    }
    if (needed > buffer.length) {
      buffer = Arrays.copyOf(buffer, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16L,
          buffer.length + (long) (buffer.length >> 1))));
    }
  }
}
