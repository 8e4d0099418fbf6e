package org.brookml.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.brookml.examples.DriftingBlobsDemo.Result;
import org.brookml.examples.DriftingBlobsDemo.Row;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the demo's chart with JFreeChart: on the left, the paths of the true centres and of both
 * models' centres in the plane; on the right, the centre error over time.
 */
final class DriftChart {

  private static final Color TRUTH = new Color(200, 200, 200);
  private static final Color RUNNING_MEAN = new Color(214, 39, 40);
  private static final Color FORGETTING = new Color(31, 119, 180);

  private DriftChart() {}

  static void write(Result result, Path file) throws IOException {
    int width = 1600;
    int height = 760;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    pathsChart(result).draw(g, new Rectangle2D.Double(0, 0, width / 2.0, height));
    errorChart(result.rows()).draw(g, new Rectangle2D.Double(width / 2.0, 0, width / 2.0, height));
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static JFreeChart pathsChart(Result result) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    int series = 0;
    series = addPaths(data, renderer, series, "true centre", result.paths().truth(), TRUTH, 8f);
    series = addPaths(data, renderer, series, "running mean", result.paths().runningMean(),
        RUNNING_MEAN, 2f);
    addPaths(data, renderer, series, "forgetting", result.paths().forgetting(), FORGETTING, 2f);
    NumberAxis x = new NumberAxis("x1");
    NumberAxis y = new NumberAxis("x2");
    x.setAutoRangeIncludesZero(false);
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    JFreeChart chart = new JFreeChart("Centre paths (wide grey: truth)", plot);
    chart.addSubtitle(new TextTitle("red: running mean 1/count, blue: forgetting (half-life)"));
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static int addPaths(XYSeriesCollection data, XYLineAndShapeRenderer renderer, int series,
      String name, List<double[][]> frames, Color color, float width) {
    if (frames.isEmpty()) {
      return series;
    }
    int k = frames.get(0).length;
    for (int c = 0; c < k; c++) {
      XYSeries path = new XYSeries(name + " " + c, false, true);
      for (double[][] frame : frames) {
        path.add(frame[c][0], frame[c][1]);
      }
      data.addSeries(path);
      renderer.setSeriesPaint(series, color);
      renderer.setSeriesStroke(series, new BasicStroke(width));
      renderer.setSeriesVisibleInLegend(series, false);
      series++;
    }
    return series;
  }

  private static JFreeChart errorChart(List<Row> rows) {
    XYSeries runningMean = new XYSeries("running mean (1/count)");
    XYSeries forgetting = new XYSeries("forgetting (half-life)");
    for (Row row : rows) {
      runningMean.add(row.points(), row.errorRunningMean());
      forgetting.add(row.points(), row.errorForgetting());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(runningMean);
    data.addSeries(forgetting);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, RUNNING_MEAN);
    renderer.setSeriesPaint(1, FORGETTING);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    renderer.setSeriesStroke(1, new BasicStroke(2f));
    XYPlot plot = new XYPlot(data, new NumberAxis("points seen"),
        new NumberAxis("worst centre error (distance)"), renderer);
    plot.setBackgroundPaint(Color.WHITE);
    JFreeChart chart = new JFreeChart("Centre error over time", plot);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
