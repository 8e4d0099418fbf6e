package org.brookml.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Consumer;
import org.brookml.io.Snapshots;
import org.junit.jupiter.api.Test;

/**
 * The checks every Brook learner must pass, in the manner of River's {@code check_estimator}. A
 * learner's test class implements this interface and supplies a fresh learner, a way to train it
 * on deterministic data, its predictions on fixed probes, and the bad inputs it must reject.
 *
 * @param <L> the learner type
 */
public interface OnlineLearnerContract<L extends OnlineLearner> {

  /** A fresh, untrained learner with a fixed seed. */
  L newLearner();

  /** Trains {@code learner} on {@code n} examples generated from {@code dataSeed}. */
  void train(L learner, int n, long dataSeed);

  /** The learner's predictions on fixed probe inputs, as numbers. */
  double[] predictions(L learner);

  /** Calls that must be rejected, by name; each gets a trained learner. */
  Map<String, Consumer<L>> badInputs();

  /** Examples to train on before the checks: enough for the learner to be able to predict. */
  default int warmUp() {
    return 2_000;
  }

  @SuppressWarnings("unchecked")
  private L restore(byte[] bytes, L like) {
    return (L) Snapshots.read(bytes, like.getClass());
  }

  @Test
  default void contract_badInputThrowsAndLeavesModelUnchanged() {
    L learner = newLearner();
    train(learner, warmUp(), 1);
    assertThat(badInputs()).isNotEmpty();
    for (Map.Entry<String, Consumer<L>> bad : badInputs().entrySet()) {
      byte[] before = Snapshots.write(learner);
      assertThatThrownBy(() -> bad.getValue().accept(learner))
          .as(bad.getKey())
          .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
          .satisfies(e -> assertThat(e.getMessage()).as(bad.getKey() + " message").isNotBlank());
      assertThat(Snapshots.write(learner)).as(bad.getKey() + " left the model changed")
          .isEqualTo(before);
    }
  }

  @Test
  default void contract_snapshotRoundTripPredictsAndContinuesIdentically() {
    L original = newLearner();
    train(original, warmUp(), 1);
    L restored = restore(Snapshots.write(original), original);
    assertThat(predictions(restored)).isEqualTo(predictions(original));
    train(original, 500, 2);
    train(restored, 500, 2);
    assertThat(Snapshots.write(restored)).isEqualTo(Snapshots.write(original));
    assertThat(restored.samplesSeen()).isEqualTo(original.samplesSeen());
  }

  @Test
  default void contract_snapshotOfAFreshLearnerRestores() {
    L fresh = newLearner();
    L restored = restore(Snapshots.write(fresh), fresh);
    train(fresh, warmUp(), 3);
    train(restored, warmUp(), 3);
    assertThat(Snapshots.write(restored)).isEqualTo(Snapshots.write(fresh));
  }

  @Test
  default void contract_copyIsDeepAndKeepsEverySetting() {
    L original = newLearner();
    train(original, warmUp(), 1);
    OnlineLearner copy = original.copy();
    assertThat(copy).isNotSameAs(original).hasSameClassAs(original);
    assertThat(copy.toString()).isEqualTo(original.toString());
    byte[] copyBytes = Snapshots.write(copy);
    assertThat(copyBytes).isEqualTo(Snapshots.write(original));
    train(original, 300, 4);
    assertThat(Snapshots.write(copy)).as("training the original changed the copy")
        .isEqualTo(copyBytes);
  }

  @Test
  default void contract_sameSeedSameModel() {
    L a = newLearner();
    L b = newLearner();
    train(a, warmUp(), 5);
    train(b, warmUp(), 5);
    assertThat(Snapshots.write(a)).isEqualTo(Snapshots.write(b));
  }

  @Test
  default void contract_resetForgetsEverything() {
    L learner = newLearner();
    byte[] fresh = Snapshots.write(learner);
    train(learner, warmUp(), 6);
    assertThat(learner.samplesSeen()).isEqualTo(warmUp());
    learner.reset();
    assertThat(learner.samplesSeen()).isZero();
    assertThat(Snapshots.write(learner)).isEqualTo(fresh);
  }

  @Test
  default void contract_toStringShowsConfiguration() {
    L learner = newLearner();
    assertThat(learner.toString()).startsWith(learner.getClass().getSimpleName() + "{")
        .contains("dimension=" + learner.dimension());
  }
}
