package io.weft.instrumentations.weaving;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * Tells, from a class file's bytes alone, whether its constant pool names any of a few types: a
 * class can only extend or implement a type whose name is among its constant pool's strings, so a
 * class that names none of the wanted supertypes needs no closer look.
 *
 * <p>Why: the transformer sees every class the JVM loads, and almost none is wanted. Building an ASM
 * {@code ClassReader} to read a header indexes the constant pool into new arrays and decodes names
 * into strings; this walks the same pool once, in place, comparing only the strings whose length is
 * that of a wanted name, and allocates nothing.
 *
 * <p>Cost: one pass over the constant pool (a few hundred entries for a typical class; under a
 * microsecond once compiled). Answers true, to be safe, for bytes it cannot walk (an unknown
 * constant tag, a truncated file), so the caller's full reader decides.
 */
final class NameFilter {

  private final byte[][] names;
  private final boolean[] lengths;

  /** @param internalNames the type names to look for, in internal form ({@code java/sql/Statement}) */
  NameFilter(Collection<String> internalNames) {
    names = new byte[internalNames.size()][];
    int longest = 0;
    int i = 0;
    for (String name : internalNames) {
      names[i] = name.getBytes(StandardCharsets.UTF_8);
      longest = Math.max(longest, names[i].length);
      i++;
    }
    lengths = new boolean[longest + 1];
    for (byte[] name : names) {
      lengths[name.length] = true;
    }
  }

  /** Whether {@code classFile}'s constant pool holds one of the names as a string. */
  boolean namedIn(byte[] classFile) {
    try {
      int count = readUnsignedShort(classFile, 8);
      int offset = 10;
      for (int index = 1; index < count; index++) {
        int tag = classFile[offset];
        switch (tag) {
          case 1: { // Utf8
            int length = readUnsignedShort(classFile, offset + 1);
            if (length < lengths.length && lengths[length] && matches(classFile, offset + 3, length)) {
              return true;
            }
            offset += 3 + length;
            break;
          }
          case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
            offset += 3;
            break;
          case 15: // MethodHandle
            offset += 4;
            break;
          case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
            // Integer, Float, Fieldref, Methodref, InterfaceMethodref, NameAndType, Dynamic, InvokeDynamic
            offset += 5;
            break;
          case 5: case 6: // Long, Double: two slots
            offset += 9;
            index++;
            break;
          default:
            return true;
        }
      }
      return false;
    } catch (IndexOutOfBoundsException e) {
      return true;
    }
  }

  private boolean matches(byte[] classFile, int start, int length) {
    for (byte[] name : names) {
      if (name.length == length && Arrays.equals(classFile, start, start + length, name, 0, length)) {
        return true;
      }
    }
    return false;
  }

  private static int readUnsignedShort(byte[] b, int offset) {
    return ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
  }
}
