package io.weft.instrumentations.executor;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Records the fields of the class passing through (a class file lists its fields before its
 * methods), so that a rewrite reads a private JDK field only after seeing that this JDK has it: a
 * {@code getfield} of a missing field would fail in the application, not in the agent.
 */
final class KnownFields extends ClassVisitor {

  private final Set<String> fields = new HashSet<>();
  private String owner;

  KnownFields(ClassVisitor next) {
    super(Opcodes.ASM9, next);
  }

  @Override
  public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
    owner = name;
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
    fields.add(name + ' ' + descriptor);
    return super.visitField(access, name, descriptor, signature, value);
  }

  /**
   * Fails the rewrite (the class then loads unchanged, with one warning) unless the class has this
   * field.
   */
  void require(String name, String descriptor) {
    if (!fields.contains(name + ' ' + descriptor)) {
      throw new IllegalStateException(owner + " has no field " + name + " " + descriptor + " on this JDK");
    }
  }
}
