package org.brookml.io;

import java.nio.charset.StandardCharsets;
import org.brookml.learner.OnlineLearner;

/**
 * Reads what {@link SnapshotWriter} wrote, checking every read against the bytes that remain. A
 * read past the end, an array length that the remaining bytes cannot hold or that differs from the
 * one expected, or a value out of its allowed range raises {@link SnapshotFormatException} naming
 * the field and the offset; nothing is allocated from an unchecked length.
 */
public final class SnapshotReader {

  private final byte[] bytes;
  private final int end;
  private int position;

  SnapshotReader(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.position = start;
    this.end = end;
  }

  /** Reads a boolean written by {@link SnapshotWriter#writeBoolean}. */
  public boolean readBoolean(String field) {
    int b = readByte(field);
    if (b != 0 && b != 1) {
      throw error(field, "is not a boolean (byte " + b + ")");
    }
    return b == 1;
  }

  /** Reads an unsigned byte. */
  public int readByte(String field) {
    require(1, field);
    return bytes[position++] & 0xFF;
  }

  /** Reads an unsigned byte that must be below {@code bound}, e.g. an enum ordinal. */
  public int readByte(String field, int bound) {
    int b = readByte(field);
    if (b >= bound) {
      throw error(field, "is " + b + ", not below " + bound);
    }
    return b;
  }

  /** Reads an unsigned 16-bit value. */
  public int readShort(String field) {
    require(2, field);
    int v = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
    position += 2;
    return v;
  }

  /** Reads a 32-bit int. */
  public int readInt(String field) {
    require(4, field);
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (bytes[position++] & 0xFF);
    }
    return v;
  }

  /** Reads an int and checks it lies in {@code [min, max]}. */
  public int readInt(String field, int min, int max) {
    int v = readInt(field);
    if (v < min || v > max) {
      throw error(field, "is " + v + ", outside [" + min + ", " + max + "]");
    }
    return v;
  }

  /** Reads a 64-bit long. */
  public long readLong(String field) {
    require(8, field);
    return unsafeLong();
  }

  /** Reads a long and checks it is at least {@code min}. */
  public long readLong(String field, long min) {
    long v = readLong(field);
    if (v < min) {
      throw error(field, "is " + v + ", below " + min);
    }
    return v;
  }

  /** Reads a double. */
  public double readDouble(String field) {
    return Double.longBitsToDouble(readLong(field));
  }

  /** Reads a double and checks it is finite. */
  public double readFiniteDouble(String field) {
    double v = readDouble(field);
    if (!Double.isFinite(v)) {
      throw error(field, "is not finite: " + v);
    }
    return v;
  }

  /** Reads a UTF-8 string. */
  public String readString(String field) {
    int length = readShort(field + " length");
    require(length, field);
    String s = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return s;
  }

  /**
   * Reads a double array that must have exactly {@code expectedLength} elements.
   *
   * @param finite whether every element must be finite
   */
  public double[] readDoubles(String field, int expectedLength, boolean finite) {
    return readDoubles(field, expectedLength, finite ? Double.MAX_VALUE : Double.NaN);
  }

  /**
   * Reads a double array of exactly {@code expectedLength} elements, each within
   * {@code +/-maxMagnitude}: for state that only averages or copies input values, which are
   * bounded (see {@code Vectors.MAX_MAGNITUDE}), so that a crafted value cannot overflow later.
   */
  public double[] readDoublesWithin(String field, int expectedLength, double maxMagnitude) {
    return readDoubles(field, expectedLength, maxMagnitude);
  }

  /** {@code maxMagnitude} NaN: any value, infinities and NaN included. */
  private double[] readDoubles(String field, int expectedLength, double maxMagnitude) {
    int length = readInt(field + " length");
    if (length != expectedLength) {
      throw error(field, "has " + length + " elements, expected " + expectedLength);
    }
    require(8L * length, field);
    double[] values = new double[length];
    boolean bounded = !Double.isNaN(maxMagnitude);
    for (int i = 0; i < length; i++) {
      values[i] = Double.longBitsToDouble(unsafeLong());
      if (bounded && !(Math.abs(values[i]) <= maxMagnitude)) {
        throw error(field + "[" + i + "]", Double.isFinite(values[i])
            ? "is outside +/-" + maxMagnitude + ": " + values[i]
            : "is not finite: " + values[i]);
      }
    }
    return values;
  }

  /** Reads a byte array written by {@link SnapshotWriter#writeBytes}. */
  public byte[] readBytes(String field) {
    int length = readInt(field + " length");
    require(length, field);
    byte[] out = java.util.Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return out;
  }

  /**
   * Reads a nested model written by {@link SnapshotWriter#writeModel}, which must be a {@code type}.
   */
  public <T> T readModel(String field, Class<T> type) {
    OnlineLearner model = Snapshots.read(readBytes(field));
    if (!type.isInstance(model)) {
      throw error(field, "is a " + model.getClass().getSimpleName() + ", not a "
          + type.getSimpleName());
    }
    return type.cast(model);
  }

  /** Reads a long array that must have exactly {@code expectedLength} elements. */
  public long[] readLongs(String field, int expectedLength) {
    int length = readInt(field + " length");
    if (length != expectedLength) {
      throw error(field, "has " + length + " elements, expected " + expectedLength);
    }
    require(8L * length, field);
    long[] values = new long[length];
    for (int i = 0; i < length; i++) {
      values[i] = unsafeLong();
    }
    return values;
  }


  /** Bytes not read yet. */
  public int remaining() {
    return end - position;
  }

  /** An exception naming the field, the offset, and what is wrong with it. */
  public SnapshotFormatException error(String field, String problem) {
    return new SnapshotFormatException(
        "snapshot field '" + field + "' at byte " + position + " " + problem);
  }

  int position() {
    return position;
  }

  private long unsafeLong() {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (bytes[position++] & 0xFFL);
    }
    return v;
  }

  private void require(long count, String field) {
    if (count < 0 || count > end - position) {
      throw new SnapshotFormatException("snapshot truncated: field '" + field + "' needs " + count
          + " bytes at byte " + position + " but only " + (end - position) + " remain");
    }
  }
}
