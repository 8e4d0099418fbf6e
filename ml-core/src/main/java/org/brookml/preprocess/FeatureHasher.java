package org.brookml.preprocess;

import java.util.Objects;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.vector.SparseVector;

/**
 * The hashing trick: named features (and name=category pairs) into a {@link SparseVector} of
 * {@code 2^bits} slots, with no dictionary to grow or keep in sync between replicas. Compatible with
 * scikit-learn's {@code FeatureHasher}: MurmurHash3 (x86, 32-bit, seed 0) of the UTF-8 name, slot
 * {@code |h| mod 2^bits}, and with alternating signs the value is negated when {@code h < 0}, so
 * collisions cancel in expectation. A category is hashed as {@code name=category} with value 1.
 *
 * <p>Hashing allocates nothing (the UTF-8 bytes go to a reused buffer); not thread-safe.
 */
public final class FeatureHasher {

  private final int bits;
  private final int slots;
  private final boolean alternateSign;
  private byte[] utf8 = new byte[64];

  /**
   * @param bits {@code log2} of the number of slots, in {@code [1, 30]}
   * @param alternateSign whether a negative hash negates the value (scikit-learn's default)
   */
  public FeatureHasher(int bits, boolean alternateSign) {
    if (bits < 1 || bits > 30) {
      throw new IllegalArgumentException("bits must be in [1, 30], got " + bits);
    }
    this.bits = bits;
    this.slots = 1 << bits;
    this.alternateSign = alternateSign;
  }

  /** A hasher with the same settings and its own buffer. */
  public FeatureHasher copy() {
    return new FeatureHasher(bits, alternateSign);
  }

  /** Writes the settings (a hasher has no other state). */
  public void write(SnapshotWriter out) {
    out.writeByte(bits).writeBoolean(alternateSign);
  }

  /** A hasher with the settings {@link #write} wrote, validated. */
  public static FeatureHasher read(SnapshotReader in) {
    int bits = in.readByte("hasher bits");
    if (bits < 1 || bits > 30) {
      throw in.error("hasher bits", "is " + bits + ", not in [1, 30]");
    }
    return new FeatureHasher(bits, in.readBoolean("hasher alternate sign"));
  }

  /** Number of slots, {@code 2^bits}: the dimension of the vectors it fills. */
  public int dimension() {
    return slots;
  }

  /** Adds the numeric feature {@code name} with {@code value} to {@code out}. */
  public SparseVector add(SparseVector out, CharSequence name, double value) {
    Objects.requireNonNull(out, "out");
    int length = encode(Objects.requireNonNull(name, "name"), null);
    return put(out, murmur3(utf8, length, 0), value);
  }

  /** Adds the categorical feature {@code name=category} (value 1) to {@code out}. */
  public SparseVector add(SparseVector out, CharSequence name, CharSequence category) {
    Objects.requireNonNull(out, "out");
    int length = encode(Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(category, "category"));
    return put(out, murmur3(utf8, length, 0), 1.0);
  }

  private SparseVector put(SparseVector out, int hash, double value) {
    int slot = hash == Integer.MIN_VALUE
        ? (Integer.MAX_VALUE - (slots - 1)) % slots
        : Math.abs(hash) % slots;
    return out.add(slot, alternateSign && hash < 0 ? -value : value);
  }

  /** UTF-8 of {@code name} (and {@code "=" + category}) into {@link #utf8}; returns the length. */
  private int encode(CharSequence name, CharSequence category) {
    int at = encode(name, 0);
    if (category != null) {
      at = put(at, '=');
      at = encode(category, at);
    }
    return at;
  }

  private int encode(CharSequence s, int at) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int codePoint = c;
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        codePoint = Character.toCodePoint(c, s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        codePoint = '?'; // an unpaired surrogate, as String.getBytes(UTF_8) encodes it
      }
      if (codePoint < 0x80) {
        at = put(at, codePoint);
      } else if (codePoint < 0x800) {
        at = put(at, 0xC0 | (codePoint >> 6));
        at = put(at, 0x80 | (codePoint & 0x3F));
      } else if (codePoint < 0x10000) {
        at = put(at, 0xE0 | (codePoint >> 12));
        at = put(at, 0x80 | ((codePoint >> 6) & 0x3F));
        at = put(at, 0x80 | (codePoint & 0x3F));
      } else {
        at = put(at, 0xF0 | (codePoint >> 18));
        at = put(at, 0x80 | ((codePoint >> 12) & 0x3F));
        at = put(at, 0x80 | ((codePoint >> 6) & 0x3F));
        at = put(at, 0x80 | (codePoint & 0x3F));
      }
    }
    return at;
  }

  private int put(int at, int b) {
    if (at == utf8.length) {
      utf8 = java.util.Arrays.copyOf(utf8, utf8.length * 2);
    }
    utf8[at] = (byte) b;
    return at + 1;
  }

  /** MurmurHash3 x86 32-bit (Austin Appleby, public domain) of {@code data[0 .. length)}. */
  @SuppressWarnings("fallthrough")
  public static int murmur3(byte[] data, int length, int seed) {
    final int c1 = 0xcc9e2d51;
    final int c2 = 0x1b873593;
    int h = seed;
    int blocks = length & ~3;
    for (int i = 0; i < blocks; i += 4) {
      int k = (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8 | (data[i + 2] & 0xFF) << 16
          | (data[i + 3] & 0xFF) << 24;
      k *= c1;
      k = Integer.rotateLeft(k, 15);
      k *= c2;
      h ^= k;
      h = Integer.rotateLeft(h, 13);
      h = h * 5 + 0xe6546b64;
    }
    int k = 0;
    switch (length & 3) {
      case 3:
        k ^= (data[blocks + 2] & 0xFF) << 16;
        // fall through
      case 2:
        k ^= (data[blocks + 1] & 0xFF) << 8;
        // fall through
      case 1:
        k ^= data[blocks] & 0xFF;
        k *= c1;
        k = Integer.rotateLeft(k, 15);
        k *= c2;
        h ^= k;
        break;
      default:
        break;
    }
    h ^= length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  @Override
  public String toString() {
    return "FeatureHasher{bits=" + bits + ", alternateSign=" + alternateSign + "}";
  }
}
