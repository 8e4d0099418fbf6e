package org.brookml.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Learning curves of one or more learners: at chosen points of an evaluation, the scores of the
 * classification metrics' cumulative and window views, one row per learner and point. Fill it
 * through {@link #recorder}, a {@link ProgressListener} any evaluation accepts; write it as CSV
 * with {@link #writeCsv}. Not thread-safe.
 */
public final class LearningCurve {

  /** The score columns, in CSV order. */
  public static final List<String> SCORES = List.of("accuracy", "kappa", "kappa_m", "kappa_t",
      "macro_f1", "window_accuracy", "window_kappa", "window_kappa_m", "window_kappa_t");

  /** One point: a learner's scores after {@code examples} examples, in {@link #SCORES} order. */
  public record Point(String learner, long examples, double[] scores) {

    /** The score named {@code name} (one of {@link #SCORES}). */
    public double score(String name) {
      int i = SCORES.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException("no score '" + name + "'; scores: " + SCORES);
      }
      return scores[i];
    }
  }

  private final List<Point> points = new ArrayList<>();

  /**
   * A listener that records {@code learner}'s scores every {@code interval} examples (and passes
   * nothing on). The listener is called with the metrics of the evaluation it is given to.
   */
  public ProgressListener<ClassificationMetrics> recorder(String learner, long interval) {
    Objects.requireNonNull(learner, "learner");
    return ProgressListener.every(interval, (examples, metrics) -> record(learner, examples,
        metrics));
  }

  /** Records {@code learner}'s scores now. */
  public void record(String learner, long examples, ClassificationMetrics metrics) {
    ClassificationScores all = metrics.cumulative();
    ClassificationScores last = metrics.window();
    points.add(new Point(learner, examples, new double[] {all.accuracy(), all.kappa(),
        all.kappaM(), all.kappaTemporal(), all.macroF1(), last.accuracy(), last.kappa(),
        last.kappaM(), last.kappaTemporal()}));
  }

  /** The points recorded, in order. */
  public List<Point> points() {
    return Collections.unmodifiableList(points);
  }

  /** The learners recorded, in order of their first point. */
  public List<String> learners() {
    List<String> names = new ArrayList<>();
    for (Point p : points) {
      if (!names.contains(p.learner())) {
        names.add(p.learner());
      }
    }
    return names;
  }

  /** Writes {@code learner,examples,<scores>} rows after a header, numbers to 6 decimals. */
  public void writeCsv(Writer out) throws IOException {
    out.write("learner,examples," + String.join(",", SCORES) + "\n");
    for (Point p : points) {
      StringBuilder row = new StringBuilder(quote(p.learner())).append(',').append(p.examples());
      for (double v : p.scores()) {
        row.append(',').append(String.format(Locale.ROOT, "%.6f", v));
      }
      out.write(row.append('\n').toString());
    }
  }

  /** Writes the CSV to a file. */
  public void writeCsv(Path path) {
    try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      writeCsv(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
