package io.weft.bootstrap.metrics;

import io.weft.bootstrap.context.VirtualThreads;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The typed attribute values of one series, in the order of its metric's keys: a string, an integer,
 * a boolean or a double per key, or absent. Absent is a state of its own (the attribute is left out
 * of every export), and so is an empty string: the conventions leave unknown attributes out, and
 * Prometheus cannot tell an empty label from a missing one.
 *
 * <pre>{@code
 * // once per request, with values computed beforehand: no allocation, numbers not boxed
 * Histogram.Handle h = duration.bind(duration.values()
 *     .set(0, method).set(1, statusCode).set(2, route));   // route null: absent
 * }</pre>
 *
 * <p>{@link Instrument#values()} hands out the calling thread's reusable instance, all absent; fill it
 * and pass it to {@link Instrument#bind(AttributeValues)} straight away, before anything else on the
 * thread asks for one. The registry keeps its own immutable copy of each new combination, so the
 * instance can be reused at once. A setter whose type differs from the key's throws {@link
 * IllegalArgumentException}: the type of each key is fixed at registration.
 */
public final class AttributeValues {

  private static final ThreadLocal<AttributeValues> SCRATCH = ThreadLocal.withInitial(() -> new AttributeValues(-1));
  /**
   * Instances lent to virtual threads, which usually live for one task: a thread-local instance would
   * be allocated (with the thread's map of thread-locals) once per task. A virtual thread takes the
   * instance of a slot chosen by its id and gives it back when its bind is done; a slot found empty
   * (another thread holds its instance, or one was lost to an exception between {@code values()}
   * and {@code bind}) lends a new instance, which then stays in the slot. Slots are 16 references
   * apart, so that threads using neighbouring slots do not share a cache line.
   */
  private static final int POOL_SLOTS = 64;
  private static final int POOL_STRIDE = 16;
  private static final AtomicReferenceArray<AttributeValues> POOL =
      new AtomicReferenceArray<>(POOL_SLOTS * POOL_STRIDE);

  /** The pool index this instance returns to, or -1 for a thread's own instance. */
  private final int poolIndex;
  private AttributeType[] types;
  private Object[] refs;
  private long[] bits;
  /** Bit {@code i} set when value {@code i} is present; metrics have at most 64 attribute keys. */
  private long present;
  private int hash;

  private AttributeValues(int poolIndex) {
    this.poolIndex = poolIndex;
    this.types = new AttributeType[0];
    this.refs = new Object[8];
    this.bits = new long[8];
  }

  private AttributeValues(AttributeType[] types, Object[] refs, long[] bits, long present, int hash) {
    this.poolIndex = -1;
    this.types = types;
    this.refs = refs;
    this.bits = bits;
    this.present = present;
    this.hash = hash;
  }

  /**
   * This thread's instance (a virtual thread's: one lent from the pool), reset to all-absent values
   * for keys of these types. Allocates nothing once warm. Give it back with {@link #release()}.
   */
  static AttributeValues scratch(AttributeType[] types) {
    AttributeValues v;
    if (VirtualThreads.isCurrent()) {
      int index = (int) ((Thread.currentThread().getId() * 0x9E3779B97F4A7C15L) >>> 58) * POOL_STRIDE;
      v = POOL.getAndSet(index, null);
      if (v == null) {
        v = new AttributeValues(index);
      }
    } else {
      v = SCRATCH.get();
    }
    v.reset(types);
    return v;
  }

  /** Gives a lent instance back to the pool once its bind is done; nothing for a thread's own. */
  void release() {
    if (poolIndex >= 0) {
      POOL.lazySet(poolIndex, this);
    }
  }

  /**
   * Values given as objects, in key order: a String for a string key, an Integer or Long for an int
   * key, a Boolean, any Number for a double key; null (or an empty string) for absent. Allocates.
   *
   * @throws IllegalArgumentException if the count or a value's type does not fit the keys
   */
  static AttributeValues of(AttributeType[] types, Object[] values) {
    if (values.length != types.length) {
      throw new IllegalArgumentException(
          "takes " + types.length + " attribute values, got " + values.length + ": " + Arrays.toString(values));
    }
    AttributeValues v = new AttributeValues(types, new Object[types.length], new long[types.length], 0, 0);
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value == null) {
        continue;
      }
      switch (types[i]) {
        case STRING -> {
          if (!(value instanceof String s)) {
            throw mismatch(i, types[i], value);
          }
          v.set(i, s);
        }
        case LONG -> {
          if (!(value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)) {
            throw mismatch(i, types[i], value);
          }
          v.set(i, ((Number) value).longValue());
        }
        case BOOLEAN -> {
          if (!(value instanceof Boolean b)) {
            throw mismatch(i, types[i], value);
          }
          v.set(i, b.booleanValue());
        }
        case DOUBLE -> {
          if (!(value instanceof Number n)) {
            throw mismatch(i, types[i], value);
          }
          v.set(i, n.doubleValue());
        }
      }
    }
    return v;
  }

  /** The types of a metric's keys, in order. */
  static AttributeType[] typesOf(MetricDescriptor metric) {
    return metric.attributes().stream().map(AttributeKey::type).toArray(AttributeType[]::new);
  }

  /** A snapshot's attributes from values given as objects (see {@link #of}); for callbacks and collectors. */
  static io.weft.bootstrap.snapshot.Attributes attributes(MetricDescriptor metric, AttributeType[] types,
      Object[] values) {
    try {
      return new io.weft.bootstrap.snapshot.Attributes(metric.attributes(), of(types, values).toObjects());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(metric.name() + " " + metric.attributeKeys() + ": " + e.getMessage(), e);
    }
  }

  private static IllegalArgumentException mismatch(int index, AttributeType type, Object value) {
    return new IllegalArgumentException("attribute " + index + " takes " + type.conventionName() + " values, got "
        + value.getClass().getSimpleName() + " " + value);
  }

  private void reset(AttributeType[] newTypes) {
    if (refs.length < newTypes.length) {
      refs = new Object[newTypes.length];
      bits = new long[newTypes.length];
    }
    // Absent slots are never read, so the last bind's values are not cleared (they are the
    // thread's last attribute values, kept until its next bind).
    types = newTypes;
    present = 0;
    hash = 0;
  }

  /** Value {@code index} is this string; null or empty means absent. */
  public AttributeValues set(int index, String value) {
    expect(index, AttributeType.STRING);
    if (value == null || value.isEmpty()) {
      return absent(index);
    }
    clear(index);
    refs[index] = value;
    present |= 1L << index;
    hash += slotHash(index, value.hashCode());
    return this;
  }

  /** Value {@code index} is this integer. */
  public AttributeValues set(int index, long value) {
    expect(index, AttributeType.LONG);
    return setBits(index, value);
  }

  /** Value {@code index} is this boolean. */
  public AttributeValues set(int index, boolean value) {
    expect(index, AttributeType.BOOLEAN);
    return setBits(index, value ? 1 : 0);
  }

  /** Value {@code index} is this double. */
  public AttributeValues set(int index, double value) {
    expect(index, AttributeType.DOUBLE);
    return setBits(index, Double.doubleToLongBits(value)); // one NaN, -0.0 apart from 0.0, as Double.equals
  }

  /** Value {@code index} is absent: the attribute is left out of this series. */
  public AttributeValues absent(int index) {
    if (index >= types.length) {
      throw new IndexOutOfBoundsException("attribute " + index + " of " + types.length);
    }
    clear(index);
    return this;
  }

  private AttributeValues setBits(int index, long value) {
    clear(index);
    bits[index] = value;
    present |= 1L << index;
    hash += slotHash(index, Long.hashCode(value));
    return this;
  }

  /** Makes value {@code index} absent, taking its share out of the hash. */
  private void clear(int index) {
    long bit = 1L << index;
    if ((present & bit) != 0) {
      hash -= slotHash(index, types[index] == AttributeType.STRING ? refs[index].hashCode() : Long.hashCode(bits[index]));
      present &= ~bit;
    }
  }

  /**
   * A value's share of the hash, by position: the hash is the sum of the present values' shares, so
   * setters keep it up to date in any order and a look-up computes nothing more.
   */
  private static int slotHash(int index, int valueHash) {
    return Integer.rotateLeft(valueHash * 0x9E3779B9, index * 5) + index;
  }

  private void expect(int index, AttributeType type) {
    if (types[index] != type) {
      throw new IllegalArgumentException(
          "attribute " + index + " takes " + types[index].conventionName() + " values, not " + type.conventionName());
    }
  }

  boolean isFor(AttributeType[] keyTypes) {
    return types == keyTypes;
  }

  /** An immutable copy for the registry to keep. */
  AttributeValues copy() {
    int n = types.length;
    return new AttributeValues(types, Arrays.copyOf(refs, n), Arrays.copyOf(bits, n), present, hash);
  }

  /** The values as objects for a snapshot: String, Long, Boolean or Double; null where absent. */
  Object[] toObjects() {
    Object[] out = new Object[types.length];
    for (int i = 0; i < out.length; i++) {
      if ((present & (1L << i)) != 0) {
        out[i] = switch (types[i]) {
          case STRING -> refs[i];
          case LONG -> bits[i];
          case BOOLEAN -> bits[i] != 0;
          case DOUBLE -> Double.longBitsToDouble(bits[i]);
        };
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AttributeValues other) || other.hash != hash || other.present != present
        || other.types.length != types.length) {
      return false;
    }
    for (long p = present; p != 0; p &= p - 1) {
      int i = Long.numberOfTrailingZeros(p);
      if (types[i] == AttributeType.STRING ? !refs[i].equals(other.refs[i]) : bits[i] != other.bits[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return Arrays.toString(toObjects());
  }
}
