package org.brookml.io;

import org.brookml.learner.OnlineLearner;

/** A minimal learner of the test's own, to check that user model types can be registered. */
class CountingLearner implements OnlineLearner {

  static final ModelCodec<CountingLearner> CODEC = new ModelCodec<>() {
    @Override
    public String modelType() {
      return "test.CountingLearner";
    }

    @Override
    public Class<CountingLearner> modelClass() {
      return CountingLearner.class;
    }

    @Override
    public int stateVersion() {
      return 1;
    }

    @Override
    public void write(CountingLearner model, SnapshotWriter out) {
      out.writeInt(model.dimension).writeLong(model.count);
    }

    @Override
    public CountingLearner read(SnapshotReader in, int stateVersion) {
      CountingLearner model = new CountingLearner(in.readInt("dimension", 1, 1 << 20));
      model.count = in.readLong("count", 0);
      return model;
    }
  };

  private final int dimension;
  long count;

  CountingLearner(int dimension) {
    this.dimension = dimension;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public long samplesSeen() {
    return count;
  }

  @Override
  public CountingLearner copy() {
    CountingLearner copy = new CountingLearner(dimension);
    copy.count = count;
    return copy;
  }

  @Override
  public void reset() {
    count = 0;
  }
}
