package org.brookml.learner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps user labels of any type to the dense ints {@code 0 .. size()-1} that classifiers use, and
 * back. Labels get codes in order of first sight, unless the encoder was built from a fixed list.
 * A fixed encoder rejects unseen labels; a growing one adds them up to its capacity.
 *
 * @param <L> the user label type; it needs sound {@code equals} and {@code hashCode}
 */
public final class LabelEncoder<L> {

  private final Map<L, Integer> codes = new HashMap<>();
  private final List<L> labels = new ArrayList<>();
  private final int capacity;

  private final boolean growing;

  private LabelEncoder(int capacity, boolean growing) {
    this.capacity = capacity;
    this.growing = growing;
  }

  /** An encoder that knows exactly these labels, coded in the order given, and no others. */
  @SafeVarargs
  public static <L> LabelEncoder<L> of(L... labels) {
    return fixed(List.of(labels));
  }

  /** An encoder that knows exactly these labels, coded in list order, and no others. */
  public static <L> LabelEncoder<L> fixed(List<L> labels) {
    LabelEncoder<L> encoder = new LabelEncoder<>(labels.size(), false);
    for (L label : labels) {
      if (encoder.codes.containsKey(Objects.requireNonNull(label, "label"))) {
        throw new IllegalArgumentException("duplicate label: " + label);
      }
      encoder.add(label);
    }
    return encoder;
  }

  /** An encoder that codes new labels as it meets them, up to {@code capacity} labels. */
  public static <L> LabelEncoder<L> growing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    return new LabelEncoder<>(capacity, true);
  }

  /**
   * The code of {@code label}, adding it if this encoder grows and has room.
   *
   * @throws IllegalArgumentException if the label is unknown and cannot be added
   */
  public int encode(L label) {
    Objects.requireNonNull(label, "label");
    Integer code = codes.get(label);
    if (code != null) {
      return code;
    }
    if (!growing) {
      throw new IllegalArgumentException("unknown label '" + label + "'; known labels: " + labels);
    }
    if (labels.size() >= capacity) {
      throw new IllegalArgumentException("new label '" + label + "', but this encoder's capacity of "
          + capacity + " labels is reached (known: " + labels
          + "); build it with a larger LabelEncoder.growing(capacity)");
    }
    return add(label);
  }

  /** The code of {@code label}, or -1 if unknown; never adds. */
  public int codeOf(L label) {
    return codes.getOrDefault(label, -1);
  }

  /** The label with the given code. */
  public L decode(int code) {
    if (code < 0 || code >= labels.size()) {
      throw new IllegalArgumentException(
          "code " + code + " is outside [0, " + labels.size() + ")");
    }
    return labels.get(code);
  }

  /** Number of labels known so far. */
  public int size() {
    return labels.size();
  }

  /** The most labels this encoder will hold. */
  public int capacity() {
    return capacity;
  }

  /** The known labels in code order (an unmodifiable copy). */
  public List<L> labels() {
    return List.copyOf(labels);
  }

  private int add(L label) {
    int code = labels.size();
    labels.add(label);
    codes.put(label, code);
    return code;
  }

  @Override
  public String toString() {
    return "LabelEncoder" + labels + (labels.size() < capacity ? " (capacity " + capacity + ")" : "");
  }
}
