package org.brookml.examples.evaluate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.brookml.eval.LearningCurve;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws one score of a learning curve over the examples, one line per learner (JFreeChart). */
final class CurveChart {

  private CurveChart() {}

  static void write(LearningCurve curve, String score, String title, Path file)
      throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    for (String learner : curve.learners()) {
      XYSeries series = new XYSeries(learner, false, true);
      for (LearningCurve.Point p : curve.points()) {
        if (p.learner().equals(learner)) {
          series.add(p.examples(), p.score(score));
        }
      }
      data.addSeries(series);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    NumberAxis y = new NumberAxis(score.replace('_', ' '));
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, new NumberAxis("examples"), y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 1200, 700);
  }
}
