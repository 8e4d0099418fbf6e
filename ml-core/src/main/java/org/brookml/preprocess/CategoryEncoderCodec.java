package org.brookml.preprocess;

import java.util.ArrayList;
import java.util.List;
import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/**
 * Writes and reads {@link CategoryEncoder} snapshots: columns, which are categorical, encoding,
 * category bound, unseen policy, rows seen, then each categorical column's vocabulary in index
 * order. Found by the service loader; use {@link org.brookml.io.Snapshots}.
 */
public final class CategoryEncoderCodec extends BaseModelCodec<CategoryEncoder> {

  /** The constructor the service loader calls. */
  public CategoryEncoderCodec() {
    super("brook.preprocess.CategoryEncoder", CategoryEncoder.class, 1);
  }

  @Override
  public void write(CategoryEncoder encoder, SnapshotWriter out) {
    int columns = encoder.dimension();
    out.writeInt(columns);
    for (int c = 0; c < columns; c++) {
      out.writeBoolean(encoder.isCategorical(c));
    }
    out.writeByte(encoder.encoding().ordinal()).writeInt(encoder.maxCategories())
        .writeByte(encoder.unseen().ordinal()).writeLong(encoder.samplesSeen());
    for (int c = 0; c < columns; c++) {
      if (encoder.isCategorical(c)) {
        List<String> categories = encoder.categories(c);
        out.writeInt(categories.size());
        for (String category : categories) {
          out.writeString(category);
        }
      }
    }
  }

  @Override
  public CategoryEncoder read(SnapshotReader in, int stateVersion) {
    int columns = in.readInt("columns", 1, 1 << 20);
    if (columns > in.remaining()) {
      throw in.error("columns", columns + " columns do not fit the snapshot");
    }
    CategoryEncoder.Builder builder = CategoryEncoder.builder(columns);
    boolean[] categorical = new boolean[columns];
    for (int c = 0; c < columns; c++) {
      categorical[c] = in.readBoolean("column " + c + " categorical");
      if (categorical[c]) {
        builder.categorical(c);
      }
    }
    CategoryEncoder.Encoding[] encodings = CategoryEncoder.Encoding.values();
    builder.encoding(encodings[in.readByte("encoding", encodings.length)])
        .maxCategories(in.readInt("maxCategories", 2, CategoryEncoder.MAX_CATEGORIES));
    CategoryEncoder.Unseen[] policies = CategoryEncoder.Unseen.values();
    builder.unseen(policies[in.readByte("unseen policy", policies.length)]);
    CategoryEncoder encoder = builder.build();
    encoder.restoreRowsSeen(in.readLong("rows seen", 0));
    for (int c = 0; c < columns; c++) {
      if (categorical[c]) {
        int count = in.readInt("column " + c + " category count", 0, encoder.maxCategories());
        if (2L * count > in.remaining()) { // every category takes at least its length prefix
          throw in.error("column " + c + " category count", count + " do not fit the snapshot");
        }
        List<String> categories = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
          categories.add(in.readString("column " + c + " category " + k));
        }
        encoder.restoreColumn(c, categories);
      }
    }
    return encoder;
  }
}
