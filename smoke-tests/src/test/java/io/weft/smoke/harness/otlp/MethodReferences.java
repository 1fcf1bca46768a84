package io.weft.smoke.harness.otlp;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The methods a class file calls on a given class, read from its constant pool: enough to check that a
 * stand-in class has every method that relocated code expects of it.
 */
public final class MethodReferences {
  private MethodReferences() {}

  /** {@code name descriptor} of every method reference to {@code owner} (internal name, a/b/C). */
  public static Set<String> to(String owner, byte[] classFile) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
      if (in.readInt() != 0xCAFEBABE) {
        throw new IllegalArgumentException("not a class file");
      }
      in.readUnsignedShort(); // minor
      in.readUnsignedShort(); // major
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      int[] first = new int[count];
      int[] second = new int[count];
      int[] tags = new int[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        tags[i] = tag;
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
          case 3, 4 -> in.readInt();
          case 5, 6 -> {
            in.readLong();
            i++; // Takes two slots.
          }
          case 9, 10, 11, 12, 17, 18 -> {
            first[i] = in.readUnsignedShort();
            second[i] = in.readUnsignedShort();
          }
          case 15 -> {
            in.readUnsignedByte();
            in.readUnsignedShort();
          }
          default -> throw new IllegalArgumentException("constant pool tag " + tag);
        }
      }
      Set<String> methods = new LinkedHashSet<>();
      for (int i = 1; i < count; i++) {
        if ((tags[i] == 10 || tags[i] == 11) && owner.equals(utf8[first[first[i]]])) {
          int nameAndType = second[i];
          methods.add(utf8[first[nameAndType]] + " " + utf8[second[nameAndType]]);
        }
      }
      return methods;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
