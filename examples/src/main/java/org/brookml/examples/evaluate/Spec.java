package org.brookml.examples.evaluate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A component named with its settings, as written on the command line:
 * {@code name(key=value, key=nested(key=value))}; a bare {@code name} has no settings. Values are
 * numbers, words or nested specs. Settings are read by name; {@link #requireAllRead} then refuses
 * any setting the component does not have, listing those it has.
 */
final class Spec {

  private final String name;
  private final Map<String, Object> settings;
  private final Set<String> read = new TreeSet<>();

  private Spec(String name, Map<String, Object> settings) {
    this.name = name;
    this.settings = settings;
  }

  /** Parses a whole spec. */
  static Spec parse(String text) {
    Parser p = new Parser(text);
    Spec spec = p.spec();
    p.skipSpaces();
    if (p.at < text.length()) {
      throw p.error("unexpected '" + text.charAt(p.at) + "'");
    }
    return spec;
  }

  String name() {
    return name;
  }

  Map<String, Object> settings() {
    return Collections.unmodifiableMap(settings);
  }

  /** The nested spec {@code key}, or {@code fallback} parsed if absent. */
  Spec spec(String key, String fallback) {
    read.add(key);
    Object value = settings.get(key);
    if (value == null) {
      return parse(fallback);
    }
    return value instanceof Spec ? (Spec) value : parse((String) value);
  }

  /** The number {@code key}, or {@code fallback} if absent. */
  double number(String key, double fallback) {
    read.add(key);
    Object value = settings.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble((String) value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(name + ": setting " + key + " must be a number, got "
          + value);
    }
  }

  /** The whole number {@code key}, or {@code fallback} if absent. */
  int integer(String key, int fallback) {
    double v = number(key, fallback);
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + ": setting " + key + " must be a whole number, "
          + "got " + v);
    }
    return (int) v;
  }

  /** The word {@code key}, one of {@code choices}, or {@code fallback} if absent. */
  String word(String key, String fallback, String... choices) {
    read.add(key);
    Object value = settings.get(key);
    String word = value == null ? fallback : value.toString();
    for (String choice : choices) {
      if (choice.equals(word)) {
        return word;
      }
    }
    throw new IllegalArgumentException(name + ": setting " + key + " must be one of "
        + String.join(", ", choices) + "; got " + word);
  }

  /** A yes/no setting. */
  boolean flag(String key, boolean fallback) {
    return word(key, Boolean.toString(fallback), "true", "false").equals("true");
  }

  /** Refuses settings that were never read, naming those that exist. */
  void requireAllRead(String known) {
    for (String key : settings.keySet()) {
      if (!read.contains(key)) {
        throw new IllegalArgumentException(name + " has no setting '" + key + "'; its settings: "
            + known);
      }
    }
  }

  @Override
  public String toString() {
    if (settings.isEmpty()) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name).append('(');
    settings.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '(' ? "" : ", ")
        .append(k).append('=').append(v));
    return sb.append(')').toString();
  }

  /** Recursive descent over {@code name(key=value, ...)}. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    Spec spec() {
      String name = token();
      Map<String, Object> settings = new LinkedHashMap<>();
      skipSpaces();
      if (at < text.length() && text.charAt(at) == '(') {
        at++;
        skipSpaces();
        while (at < text.length() && text.charAt(at) != ')') {
          String key = token();
          skipSpaces();
          expect('=');
          skipSpaces();
          int start = at;
          token();
          skipSpaces();
          Object value;
          if (at < text.length() && text.charAt(at) == '(') {
            at = start;
            value = spec();
          } else {
            value = text.substring(start, at).trim();
          }
          if (settings.put(key, value) != null) {
            throw error("setting " + key + " given twice");
          }
          skipSpaces();
          if (at < text.length() && text.charAt(at) == ',') {
            at++;
            skipSpaces();
          }
        }
        expect(')');
      }
      return new Spec(name, settings);
    }

    String token() {
      int start = at;
      while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at))
          || "-_.+".indexOf(text.charAt(at)) >= 0)) {
        at++;
      }
      if (at == start) {
        throw error("expected a name or value");
      }
      return text.substring(start, at);
    }

    void expect(char c) {
      if (at >= text.length() || text.charAt(at) != c) {
        throw error("expected '" + c + "'");
      }
      at++;
    }

    void skipSpaces() {
      while (at < text.length() && text.charAt(at) == ' ') {
        at++;
      }
    }

    IllegalArgumentException error(String problem) {
      return new IllegalArgumentException("in '" + text + "' at column " + (at + 1) + ": "
          + problem);
    }
  }
}
