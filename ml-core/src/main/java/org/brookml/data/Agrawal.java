package org.brookml.data;

import java.util.ArrayList;
import java.util.List;
import org.brookml.learner.FeatureSchema;

/**
 * Agrawal's loan functions (Agrawal, Imielinski &amp; Swami, IEEE TKDE 1993), as MOA's
 * {@code AgrawalGenerator}: nine features, salary, commission, age, education level (nominal, 5
 * values), car (nominal, 20), zip code (nominal, 9), house value, years owned and loan; one of
 * ten functions decides the group (class 0 "groupA" when the function's condition holds). With a
 * perturbation fraction {@code p > 0} (0.05 by default) the numeric features are then moved by up
 * to {@code p} times their range and clipped, as MOA does (its house value is clipped to at most
 * 135,000, kept here so that the streams agree). The same settings and seed give MOA's stream.
 */
public final class Agrawal extends BalancedGenerator {

  private static final int SALARY = 0;
  private static final int COMMISSION = 1;
  private static final int AGE = 2;
  private static final int ELEVEL = 3;
  private static final int CAR = 4;
  private static final int ZIPCODE = 5;
  private static final int HVALUE = 6;
  private static final int HYEARS = 7;
  private static final int LOAN = 8;

  private final int function;
  private final double perturbation;

  private Agrawal(Builder b) {
    super("agrawal", schemaOfAgrawal(), b);
    this.function = b.function;
    this.perturbation = b.perturbation;
  }

  private static FeatureSchema schemaOfAgrawal() {
    List<FeatureSchema.Feature> features = new ArrayList<>();
    features.add(FeatureSchema.numeric("salary"));
    features.add(FeatureSchema.numeric("commission"));
    features.add(FeatureSchema.numeric("age"));
    features.add(FeatureSchema.nominal("elevel", names("level", 0, 5)));
    features.add(FeatureSchema.nominal("car", names("car", 1, 20)));
    features.add(FeatureSchema.nominal("zipcode", names("zipcode", 1, 9)));
    features.add(FeatureSchema.numeric("hvalue"));
    features.add(FeatureSchema.numeric("hyears"));
    features.add(FeatureSchema.numeric("loan"));
    return FeatureSchema.of(features, List.of("groupA", "groupB"));
  }

  private static String[] names(String prefix, int first, int count) {
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      names[i] = prefix + (first + i);
    }
    return names;
  }

  /** A builder with MOA's defaults: function 1, perturbation 0.05, unbalanced, seed 1. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The group (0 when the condition holds) of a row laid out as this generator's, under function
   * {@code f} (1 to 10).
   */
  public static int function(int f, double[] row) {
    double salary = row[SALARY];
    double total = salary + row[COMMISSION];
    double age = row[AGE];
    int elevel = (int) row[ELEVEL];
    double loan = row[LOAN];
    int band = age < 40 ? 0 : age < 60 ? 1 : 2;
    boolean holds;
    switch (f) {
      case 1:
        holds = band != 1;
        break;
      case 2:
        holds = salaryFits(band, salary);
        break;
      case 3:
        holds = band == 0 ? elevel <= 1 : band == 1 ? elevel >= 1 && elevel <= 3 : elevel >= 2;
        break;
      case 4:
        boolean educated = function(3, row) == 0; // the education levels function 3 asks for
        holds = educated ? within(salary, band == 0 ? 25000 : 50000, 50000)
            : salaryFits(band, salary);
        break;
      case 5:
        holds = salaryFits(band, salary) ? loanFits(band, loan) : loanFits((band + 1) % 3, loan);
        break;
      case 6:
        holds = salaryFits(band, total);
        break;
      case 7:
        holds = 2.0 * total / 3.0 - loan / 5.0 - 20000.0 > 0;
        break;
      case 8:
        holds = 2.0 * total / 3.0 - 5000.0 * elevel - 20000.0 > 0;
        break;
      case 9:
        holds = 2.0 * total / 3.0 - 5000.0 * elevel - loan / 5.0 - 10000.0 > 0;
        break;
      case 10:
        double hyears = row[HYEARS];
        double equity = hyears >= 20 ? row[HVALUE] * (hyears - 20.0) / 10.0 : 0.0;
        holds = 2.0 * total / 3.0 - 5000.0 * elevel + equity / 5.0 - 10000.0 > 0;
        break;
      default:
        throw new IllegalArgumentException("function must be in [1, 10], got " + f);
    }
    return holds ? 0 : 1;
  }

  /** Salary bands by age band: under 40, 50-100k; 40 to 59, 75-125k; 60 and over, 25-75k. */
  private static boolean salaryFits(int band, double salary) {
    return within(salary, band == 0 ? 50000 : band == 1 ? 75000 : 25000, 50000);
  }

  /** Loan bands by age band: 100-300k, 200-400k, 300-500k. */
  private static boolean loanFits(int band, double loan) {
    return within(loan, 100000 + 100000 * band, 200000);
  }

  private static boolean within(double value, double low, double width) {
    return low <= value && value <= low + width;
  }

  @Override
  int draw(double[] out) {
    double salary = 20000.0 + 130000.0 * random.nextDouble();
    out[SALARY] = salary;
    out[COMMISSION] = salary >= 75000.0 ? 0 : 10000.0 + 65000.0 * random.nextDouble();
    out[AGE] = 20 + random.nextInt(61);
    out[ELEVEL] = random.nextInt(5);
    out[CAR] = random.nextInt(20);
    int zipcode = random.nextInt(9);
    out[ZIPCODE] = zipcode;
    out[HVALUE] = (9.0 - zipcode) * 100000.0 * (0.5 + random.nextDouble());
    out[HYEARS] = 1 + random.nextInt(30);
    out[LOAN] = random.nextDouble() * 500000.0;
    return function(function, out);
  }

  @Override
  double finish(double[] out, int group) {
    if (perturbation > 0) {
      out[SALARY] = perturb(out[SALARY], 150000 - 20000, 20000, 150000);
      if (out[COMMISSION] > 0) {
        out[COMMISSION] = perturb(out[COMMISSION], 75000 - 10000, 10000, 75000);
      }
      out[AGE] = Math.round(perturb(out[AGE], 80 - 20, 20, 80));
      out[HVALUE] = perturb(out[HVALUE], (9.0 - out[ZIPCODE]) * 100000.0, 0, 135000);
      out[HYEARS] = Math.round(perturb(out[HYEARS], 30 - 1, 1, 30));
      out[LOAN] = perturb(out[LOAN], 500000, 0, 500000);
    }
    return group;
  }

  private double perturb(double value, double range, double min, double max) {
    double moved = value + range * (2.0 * (random.nextDouble() - 0.5)) * perturbation;
    return moved < min ? min : moved > max ? max : moved;
  }

  /** Settings of {@link Agrawal}. */
  public static final class Builder extends BalancedSettings<Builder> {
    private int function = 1;
    private double perturbation = 0.05;

    private Builder() {}

    /** Which of the ten functions, 1 to 10. */
    public Builder function(int function) {
      this.function = requireBetween("function", function, 1, 10);
      return this;
    }

    /** Fraction of each numeric feature's range it may be moved by after labelling, 0 to 1. */
    public Builder perturbation(double perturbation) {
      this.perturbation = requireBetween("perturbation", perturbation, 0, 1);
      return this;
    }

    /** The generator. */
    public Agrawal build() {
      return new Agrawal(this);
    }
  }
}
