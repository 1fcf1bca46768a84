package io.weft.bootstrap.metrics;

import java.util.Arrays;

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

  private static final ThreadLocal<AttributeValues> SCRATCH = ThreadLocal.withInitial(AttributeValues::new);

  private AttributeType[] types;
  private Object[] refs;
  private long[] bits;
  /** Bit {@code i} set when value {@code i} is present; metrics have at most 64 attribute keys. */
  private long present;
  private int hash;

  private AttributeValues() {
    this.types = new AttributeType[0];
    this.refs = new Object[8];
    this.bits = new long[8];
  }

  private AttributeValues(AttributeType[] types, Object[] refs, long[] bits, long present, int hash) {
    this.types = types;
    this.refs = refs;
    this.bits = bits;
    this.present = present;
    this.hash = hash;
  }

  /** This thread's instance, reset to all-absent values for keys of these types. Allocates nothing once warm. */
  static AttributeValues scratch(AttributeType[] types) {
    AttributeValues v = SCRATCH.get();
    v.reset(types);
    return v;
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
    v.seal();
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
    int n = newTypes.length;
    if (refs.length < n) {
      refs = new Object[n];
      bits = new long[n];
    } else {
      Arrays.fill(refs, 0, types.length, null); // keep no strings alive from the last bind
    }
    types = newTypes;
    present = 0;
  }

  /** Value {@code index} is this string; null or empty means absent. */
  public AttributeValues set(int index, String value) {
    expect(index, AttributeType.STRING);
    if (value == null || value.isEmpty()) {
      return absent(index);
    }
    refs[index] = value;
    present |= 1L << index;
    return this;
  }

  /** Value {@code index} is this integer. */
  public AttributeValues set(int index, long value) {
    expect(index, AttributeType.LONG);
    bits[index] = value;
    present |= 1L << index;
    return this;
  }

  /** Value {@code index} is this boolean. */
  public AttributeValues set(int index, boolean value) {
    expect(index, AttributeType.BOOLEAN);
    bits[index] = value ? 1 : 0;
    present |= 1L << index;
    return this;
  }

  /** Value {@code index} is this double. */
  public AttributeValues set(int index, double value) {
    expect(index, AttributeType.DOUBLE);
    bits[index] = Double.doubleToLongBits(value); // one NaN, and -0.0 apart from 0.0, as Double.equals
    present |= 1L << index;
    return this;
  }

  /** Value {@code index} is absent: the attribute is left out of this series. */
  public AttributeValues absent(int index) {
    if (index >= types.length) {
      throw new IndexOutOfBoundsException("attribute " + index + " of " + types.length);
    }
    refs[index] = null;
    bits[index] = 0;
    present &= ~(1L << index);
    return this;
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

  /** Computes the hash once the values are set; {@link #hashCode()} returns it. */
  void seal() {
    int h = Long.hashCode(present);
    for (int i = 0; i < types.length; i++) {
      if ((present & (1L << i)) != 0) {
        h = 31 * h + (types[i] == AttributeType.STRING ? refs[i].hashCode() : Long.hashCode(bits[i]));
      }
    }
    hash = h;
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
    for (int i = 0; i < types.length; i++) {
      if ((present & (1L << i)) != 0) {
        if (types[i] == AttributeType.STRING ? !refs[i].equals(other.refs[i]) : bits[i] != other.bits[i]) {
          return false;
        }
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
