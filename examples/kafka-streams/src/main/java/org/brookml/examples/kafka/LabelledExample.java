package org.brookml.examples.kafka;

/**
 * One record of the examples topic: {@code "label,x1,...,xd"}, the label a class code.
 *
 * @param label the class code
 * @param features the feature values
 */
record LabelledExample(int label, double[] features) {

  /**
   * Parses a record.
   *
   * @throws IllegalArgumentException naming the problem, for anything that is not such a line
   */
  static LabelledExample parse(String line) {
    if (line == null || line.isBlank()) {
      throw new IllegalArgumentException("empty record");
    }
    String[] fields = line.split(",", -1);
    if (fields.length < 2) {
      throw new IllegalArgumentException("expected label,x1,...,xd but got '" + line + "'");
    }
    try {
      int label = Integer.parseInt(fields[0].trim());
      double[] x = new double[fields.length - 1];
      for (int j = 0; j < x.length; j++) {
        x[j] = Double.parseDouble(fields[j + 1].trim());
      }
      return new LabelledExample(label, x);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number in '" + line + "': " + e.getMessage(), e);
    }
  }
}
