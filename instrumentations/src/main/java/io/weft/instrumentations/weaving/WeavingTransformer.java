package io.weft.instrumentations.weaving;

import io.weft.bootstrap.log.WeftLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;

/**
 * Offers every loading class to the instrumentations that want it, and rewrites it if any do.
 *
 * <p>Cost per class that nobody wants: one hash look-up of its name, plus, when some instrumentation
 * matches on supertypes, a header read ({@link ClassReader}'s constructor, which indexes the
 * constant pool; microseconds). No other class is loaded or looked up. A class that fails to
 * rewrite is loaded unchanged and the failure logged once.
 */
final class WeavingTransformer implements ClassFileTransformer {

  private final Map<String, List<TypeInstrumentation>> byName = new HashMap<>();
  private final Map<String, List<TypeInstrumentation>> bySupertype = new HashMap<>();

  WeavingTransformer(List<TypeInstrumentation> instrumentations) {
    for (TypeInstrumentation i : instrumentations) {
      i.typeNames().forEach(n -> byName.computeIfAbsent(n, k -> new ArrayList<>()).add(i));
      i.directSupertypes().forEach(n -> bySupertype.computeIfAbsent(n, k -> new ArrayList<>()).add(i));
    }
  }

  boolean wantsName(String internalName) {
    return byName.containsKey(internalName);
  }

  boolean wantsSupertype(String internalName) {
    return bySupertype.containsKey(internalName);
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    if (className == null || className.startsWith("io/weft/")) {
      return null;
    }
    try {
      List<TypeInstrumentation> wanted = byName.get(className);
      ClassReader reader = null;
      if (!bySupertype.isEmpty()) {
        reader = new ClassReader(classfileBuffer);
        wanted = addBySupertype(wanted, reader.getSuperName());
        for (String i : reader.getInterfaces()) {
          wanted = addBySupertype(wanted, i);
        }
      }
      if (wanted == null) {
        return null;
      }
      if (reader == null) {
        reader = new ClassReader(classfileBuffer);
      }
      return rewrite(reader, className, wanted);
    } catch (Throwable t) {
      WeftLog.warnLimited("weave:" + className, "could not instrument " + className + "; it runs unchanged: " + t);
      return null;
    }
  }

  private List<TypeInstrumentation> addBySupertype(List<TypeInstrumentation> wanted, String supertype) {
    List<TypeInstrumentation> more = supertype == null ? null : bySupertype.get(supertype);
    if (more == null) {
      return wanted;
    }
    List<TypeInstrumentation> all = wanted == null ? new ArrayList<>() : new ArrayList<>(wanted);
    for (TypeInstrumentation i : more) {
      if (!all.contains(i)) {
        all.add(i);
      }
    }
    return all;
  }

  private static byte[] rewrite(ClassReader reader, String className, List<TypeInstrumentation> wanted) {
    ClassHeader header = new ClassHeader(className, reader.getSuperName(), List.of(reader.getInterfaces()),
        readVersion(reader));
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    ClassVisitor chain = writer;
    for (TypeInstrumentation i : wanted) {
      chain = i.rewrite(chain, header);
    }
    reader.accept(chain, ClassReader.EXPAND_FRAMES);
    WeftLog.debug("instrumented " + className.replace('/', '.'));
    return writer.toByteArray();
  }

  /** The class-file version as ASM gives it ({@code minor << 16 | major}), from the header bytes. */
  private static int readVersion(ClassReader reader) {
    return reader.readInt(4);
  }
}
