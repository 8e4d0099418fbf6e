package org.brookml.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.CRC32C;
import org.brookml.learner.OnlineLearner;

/**
 * Brook's binary snapshot format: never Java serialization. Layout, all big-endian:
 *
 * <pre>
 *   8 bytes  magic "BROOKSNP"
 *   u16      format version (this class writes {@value #FORMAT_VERSION})
 *   u16+utf8 model type, e.g. "brook.cluster.MiniBatchKMeans"
 *   u16      model state version (the {@link ModelCodec}'s layout)
 *   u32      payload length
 *   ...      payload: the codec's configuration and state
 *   u32      CRC-32C of every byte before it
 * </pre>
 *
 * <p>{@link #read} checks, in order: length, magic, format version, checksum, model type, state
 * version, then lets the codec parse the payload with bounds-checked reads, and finally requires
 * that the payload was consumed exactly. Any failure is a {@link SnapshotFormatException} naming the
 * problem. Thread-safe.
 *
 * <p>Codecs are found through {@link ServiceLoader}: every {@link ModelCodec} that a module
 * {@code provides} or a jar lists in {@code META-INF/services/org.brookml.io.ModelCodec} is known
 * from the first use of this class. {@link #register} adds a codec at run time.
 */
public final class Snapshots {

  /** The format version this release writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  private static final byte[] MAGIC = "BROOKSNP".getBytes(StandardCharsets.US_ASCII);

  /**
   * How deep snapshots may nest (a pipeline's stages, an ensemble's members, and theirs): reading
   * recurses once per level, so the bytes must not choose the depth.
   */
  public static final int MAX_NESTING = 16;

  /** Per thread, how many snapshots are being written, one inside another. */
  private static final ThreadLocal<int[]> WRITE_NESTING = ThreadLocal.withInitial(() -> new int[1]);
  /** Per thread, how many snapshots are being read, one inside another. */
  private static final ThreadLocal<int[]> NESTING = ThreadLocal.withInitial(() -> new int[1]);
  private static final int MIN_LENGTH = MAGIC.length + 2 + 2 + 2 + 4 + 4;

  private static final Map<String, ModelCodec<?>> BY_TYPE = new ConcurrentHashMap<>();
  private static final Map<Class<?>, ModelCodec<?>> BY_CLASS = new ConcurrentHashMap<>();
  /** Why declared codecs could not be loaded (a missing class, say): reported, never thrown. */
  private static final List<String> LOAD_FAILURES = new CopyOnWriteArrayList<>();

  static {
    for (ModelCodec<?> codec : loadCodecs(Snapshots.class.getClassLoader(), LOAD_FAILURES)) {
      register(codec);
    }
  }

  private Snapshots() {}

  /**
   * The codecs the service loader finds through {@code loader}. A declaration that fails (a class
   * that is missing, not a codec, or throws when made) is skipped and its error added to
   * {@code failures}, so that one bad jar can neither stop the others nor make this class unusable.
   */
  @SuppressWarnings("rawtypes") // ModelCodec.class, the service type, is a raw type
  static List<ModelCodec<?>> loadCodecs(ClassLoader loader, List<String> failures) {
    List<ModelCodec<?>> codecs = new ArrayList<>();
    Iterator<ModelCodec> found = ServiceLoader.load(ModelCodec.class, loader).iterator();
    while (true) {
      try {
        if (!found.hasNext()) {
          return codecs;
        }
        codecs.add(found.next());
      } catch (ServiceConfigurationError e) {
        failures.add(e.getMessage());
      }
    }
  }

  /**
   * Makes a model type known to {@link #write} and {@link #read}. Codecs the service loader finds
   * (Brook's own among them) are registered already; call this for a codec that is not declared as
   * a service.
   *
   * <p>Registering a second instance of a codec class already known does nothing.
   *
   * @throws IllegalStateException if a codec of another class already claims the type name
   */
  public static void register(ModelCodec<?> codec) {
    Objects.requireNonNull(codec, "codec");
    ModelCodec<?> previous = BY_TYPE.putIfAbsent(codec.modelType(), codec);
    if (previous != null && previous.getClass() != codec.getClass()) {
      throw new IllegalStateException("model type already registered: " + codec.modelType());
    }
    if (codec.writes()) {
      BY_CLASS.putIfAbsent(codec.modelClass(), codec);
    }
  }

  /** The model types this JVM can read, sorted: every codec found or registered so far. */
  public static Set<String> knownTypes() {
    return Collections.unmodifiableSet(new TreeSet<>(BY_TYPE.keySet()));
  }

  /**
   * Encodes the model's configuration and full learning state, and checks that the bytes restore
   * before returning them (which doubles the cost of writing): a checkpoint that could not be
   * restored is reported when written, not when it is needed.
   *
   * @throws IllegalStateException if the model nests more than {@link #MAX_NESTING} snapshots
   *     deep, or its state is inconsistent so that its snapshot would not restore (the usual
   *     cause: two threads changing one model at once)
   */
  public static byte[] write(OnlineLearner model) {
    Objects.requireNonNull(model, "model");
    int[] depth = WRITE_NESTING.get();
    if (depth[0] >= MAX_NESTING) {
      throw new IllegalStateException(model + " lies more than " + MAX_NESTING + " snapshots "
          + "deep (ensembles, pipelines and their parts nest): such a snapshot could not be "
          + "restored, so none is written");
    }
    depth[0]++;
    byte[] bytes;
    try {
      bytes = writeUnchecked(model);
    } finally {
      depth[0]--;
    }
    if (depth[0] == 0 && NESTING.get()[0] == 0) { // the outermost: it restores with all it holds
      try {
        read(bytes);
      } catch (SnapshotFormatException e) {
        throw new IllegalStateException("the state of " + model + " is inconsistent: its "
            + "snapshot would not restore (" + e.getMessage() + "), so none is written; was it "
            + "changed by two threads at once? Instances are not thread-safe", e);
      }
    }
    return bytes;
  }

  private static byte[] writeUnchecked(OnlineLearner model) {
    ModelCodec<OnlineLearner> codec = codecFor(model.getClass());
    SnapshotWriter out = new SnapshotWriter(256);
    for (byte b : MAGIC) {
      out.writeByte(b);
    }
    out.writeShort(FORMAT_VERSION);
    out.writeString(codec.modelType());
    out.writeShort(codec.stateVersion());
    int lengthAt = out.size();
    out.writeInt(0);
    codec.write(model, out);
    int payloadLength = out.size() - lengthAt - 4;
    byte[] buffer = out.buffer();
    for (int i = 0; i < 4; i++) {
      buffer[lengthAt + i] = (byte) (payloadLength >>> (24 - 8 * i));
    }
    CRC32C crc = new CRC32C();
    crc.update(buffer, 0, out.size());
    out.writeInt((int) crc.getValue());
    return out.toByteArray();
  }

  /**
   * Restores a model of any registered type.
   *
   * @throws SnapshotFormatException if the bytes are not a valid snapshot
   */
  public static OnlineLearner read(byte[] bytes) {
    Header header = header(bytes);
    ModelCodec<?> codec = BY_TYPE.get(header.modelType);
    if (codec == null) {
      throw new SnapshotFormatException("unknown model type '" + header.modelType
          + "': no codec for it was found; declare its ModelCodec as a service (provides "
          + "org.brookml.io.ModelCodec in module-info.java, or a line in META-INF/services/"
          + "org.brookml.io.ModelCodec) or call Snapshots.register(codec); known types: "
          + knownTypes() + (LOAD_FAILURES.isEmpty() ? ""
              : "; declared codecs that failed to load: " + LOAD_FAILURES));
    }
    return readPayload(bytes, header, codec);
  }

  /**
   * Restores a model that must be of the given class.
   *
   * @throws SnapshotFormatException if the bytes are not a valid snapshot of that class
   */
  public static <M extends OnlineLearner> M read(byte[] bytes, Class<M> type) {
    Header header = header(bytes);
    ModelCodec<M> codec = codecFor(type);
    if (!codec.modelType().equals(header.modelType)) {
      throw new SnapshotFormatException("snapshot holds a '" + header.modelType
          + "', not a '" + codec.modelType() + "'");
    }
    return type.cast(readPayload(bytes, header, codec));
  }

  /**
   * Checks the header and checksum and reports what the snapshot holds, without building the model.
   *
   * @throws SnapshotFormatException if the bytes are not a valid snapshot
   */
  public static SnapshotInfo inspect(byte[] bytes) {
    Header header = header(bytes);
    return new SnapshotInfo(header.formatVersion, header.modelType, header.stateVersion,
        header.payloadEnd - header.payloadStart);
  }

  private static OnlineLearner readPayload(byte[] bytes, Header header, ModelCodec<?> codec) {
    int[] depth = NESTING.get();
    if (depth[0] >= MAX_NESTING) {
      throw new SnapshotFormatException("'" + header.modelType + "' snapshot lies more than "
          + MAX_NESTING + " snapshots deep (ensembles, pipelines and their parts nest)");
    }
    depth[0]++;
    try {
      return readPayloadAtDepth(bytes, header, codec);
    } finally {
      depth[0]--;
    }
  }

  private static OnlineLearner readPayloadAtDepth(byte[] bytes, Header header,
      ModelCodec<?> codec) {
    if (header.stateVersion > codec.stateVersion()) {
      throw new SnapshotFormatException("'" + header.modelType + "' state version "
          + header.stateVersion + " is newer than this release reads (" + codec.stateVersion()
          + "); upgrade Brook");
    }
    SnapshotReader in = new SnapshotReader(bytes, header.payloadStart, header.payloadEnd);
    OnlineLearner model;
    try {
      model = codec.read(in, header.stateVersion);
    } catch (SnapshotFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SnapshotFormatException("'" + header.modelType + "' snapshot describes an invalid "
          + "model: " + e.getMessage(), e);
    }
    if (in.remaining() != 0) {
      throw new SnapshotFormatException("'" + header.modelType + "' payload has "
          + in.remaining() + " unread bytes at its end");
    }
    return model;
  }

  private static Header header(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length < MIN_LENGTH) {
      throw new SnapshotFormatException("snapshot truncated: " + bytes.length
          + " bytes, shorter than the smallest possible (" + MIN_LENGTH + ")");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        throw new SnapshotFormatException("not a Brook snapshot: bad magic bytes");
      }
    }
    SnapshotReader in = new SnapshotReader(bytes, MAGIC.length, bytes.length);
    int formatVersion = in.readShort("format version");
    if (formatVersion == 0 || formatVersion > FORMAT_VERSION) {
      throw new SnapshotFormatException("snapshot format version " + formatVersion
          + " is not readable by this release (reads 1.." + FORMAT_VERSION + ")");
    }
    int crcAt = bytes.length - 4;
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, crcAt);
    int stored = ((bytes[crcAt] & 0xFF) << 24) | ((bytes[crcAt + 1] & 0xFF) << 16)
        | ((bytes[crcAt + 2] & 0xFF) << 8) | (bytes[crcAt + 3] & 0xFF);
    if (stored != (int) crc.getValue()) {
      throw new SnapshotFormatException(
          "snapshot corrupted or truncated: CRC-32C mismatch over " + crcAt + " bytes");
    }
    SnapshotReader headerIn = new SnapshotReader(bytes, in.position(), crcAt);
    String modelType = headerIn.readString("model type");
    int stateVersion = headerIn.readShort("state version");
    int payloadLength = headerIn.readInt("payload length");
    int payloadStart = headerIn.position();
    if (payloadLength != crcAt - payloadStart) {
      throw new SnapshotFormatException("snapshot payload length " + payloadLength
          + " does not match the " + (crcAt - payloadStart) + " bytes present");
    }
    return new Header(formatVersion, modelType, stateVersion, payloadStart, crcAt);
  }

  @SuppressWarnings("unchecked")
  private static <M extends OnlineLearner> ModelCodec<M> codecFor(Class<?> type) {
    ModelCodec<?> codec = BY_CLASS.get(type);
    if (codec == null) {
      throw new IllegalArgumentException("no snapshot codec for " + type.getName()
          + ": declare its ModelCodec as a service (provides org.brookml.io.ModelCodec in "
          + "module-info.java, or a line in META-INF/services/org.brookml.io.ModelCodec) or call "
          + "Snapshots.register(codec)");
    }
    return (ModelCodec<M>) codec;
  }

  private static final class Header {
    final int formatVersion;
    final String modelType;
    final int stateVersion;
    final int payloadStart;
    final int payloadEnd;

    Header(int formatVersion, String modelType, int stateVersion, int payloadStart, int payloadEnd) {
      this.formatVersion = formatVersion;
      this.modelType = modelType;
      this.stateVersion = stateVersion;
      this.payloadStart = payloadStart;
      this.payloadEnd = payloadEnd;
    }
  }
}
