package org.brookml.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.brookml.linear.SgdClassifier;
import org.junit.jupiter.api.Test;

class FlowAndFunctionsTest {

  record Event(double[] x, int label) {}

  private static List<Event> events(int n) {
    SplittableRandom random = new SplittableRandom(1);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      events.add(new Event(new double[] {a, b}, a - b > 0 ? 1 : 0));
    }
    return events;
  }

  /** The answers a test-then-train loop gives, for comparison. */
  private static List<Integer> expected(List<Event> events) {
    SgdClassifier model = SgdClassifier.builder(2).build();
    List<Integer> answers = new ArrayList<>();
    for (Event e : events) {
      answers.add(model.predict(e.x()));
      model.learn(e.x(), e.label());
    }
    return answers;
  }

  @Test
  void processor_emitsTestThenTrainPredictionsInOrder() throws Exception {
    List<Event> events = events(2_000);
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try (SubmissionPublisher<Event> source = new SubmissionPublisher<>(executor, 16)) {
      LearningProcessor<SgdClassifier, Event, Integer> processor = new LearningProcessor<>(
          SgdClassifier.builder(2).build(), (m, e) -> m.predict(e.x()),
          (m, e) -> m.learn(e.x(), e.label()), executor, 16);
      List<Integer> received = new ArrayList<>();
      CompletableFuture<Void> done = processor.consume(received::add);
      source.subscribe(processor);
      events.forEach(source::submit);
      source.close();
      done.get(10, TimeUnit.SECONDS);
      assertThat(received).isEqualTo(expected(events));
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void processor_endsTheStreamWithTheModelsError() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try (SubmissionPublisher<Event> source = new SubmissionPublisher<>(executor, 4)) {
      LearningProcessor<SgdClassifier, Event, Integer> processor = new LearningProcessor<>(
          SgdClassifier.builder(2).build(), (m, e) -> m.predict(e.x()),
          (m, e) -> m.learn(e.x(), e.label()), executor, 4);
      CompletableFuture<Void> done = processor.consume(answer -> { });
      source.subscribe(processor);
      source.submit(new Event(new double[] {1, Double.NaN}, 1));
      assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not finite");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void functionShapes_matchTheLoop() {
    List<Event> events = events(500);
    Function<Event, Integer> f = Functions.testThenTrain(SgdClassifier.builder(2).build(),
        (m, e) -> m.predict(e.x()), (m, e) -> m.learn(e.x(), e.label()));
    List<Integer> answers = new ArrayList<>();
    events.forEach(e -> answers.add(f.apply(e)));
    assertThat(answers).isEqualTo(expected(events));

    LiveModel<SgdClassifier> live =
        LiveModel.of(SgdClassifier.builder(2).build(), 1, Long.MAX_VALUE);
    events.forEach(e -> live.learn(m -> m.learn(e.x(), e.label())));
    Function<double[], Integer> predictor = Functions.predictor(live, SgdClassifier::predict);
    SgdClassifier reference = SgdClassifier.builder(2).build();
    events.forEach(e -> reference.learn(e.x(), e.label()));
    assertThat(predictor.apply(new double[] {1, -1}))
        .isEqualTo(reference.predict(new double[] {1, -1}));
  }
}
