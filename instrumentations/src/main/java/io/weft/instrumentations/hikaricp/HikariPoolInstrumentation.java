package io.weft.instrumentations.hikaricp;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.ConcreteMethods;
import io.weft.instrumentations.weaving.HookedMethod;
import io.weft.instrumentations.weaving.ReturnHookedMethod;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * HikariCP's pool ({@code com.zaxxer.hikari.pool.HikariPool} and its superclass {@code PoolBase}):
 *
 * <ul>
 *   <li>the end of the {@code HikariPool(HikariConfig)} constructor: the pool is tracked;
 *   <li>{@code HikariPool.shutdown()}: the pool leaves the output;
 *   <li>{@code HikariPool.getConnection(long)}: wait time, and timeouts;
 *   <li>{@code PoolEntry.createProxyConnection(...)}: a connection is lent (its borrow time is kept);
 *   <li>{@code HikariPool.recycle(PoolEntry)}: use time, since that borrow;
 *   <li>{@code PoolBase.newConnection(...)}: create time.
 * </ul>
 */
public final class HikariPoolInstrumentation implements TypeInstrumentation {

  static final String POOL = "com/zaxxer/hikari/pool/HikariPool";
  static final String POOL_BASE = "com/zaxxer/hikari/pool/PoolBase";
  static final String POOL_ENTRY = "com/zaxxer/hikari/pool/PoolEntry";
  private static final String HOOKS = Type.getInternalName(HikariPoolHooks.class);

  @Override
  public Set<String> typeNames() {
    return Set.of(POOL, POOL_BASE, POOL_ENTRY);
  }

  @Override
  public ClassVisitor rewrite(ClassVisitor next, ClassHeader header) {
    boolean pool = header.name().equals(POOL);
    boolean entry = header.name().equals(POOL_ENTRY);
    return new ConcreteMethods(next, (mv, access, name, descriptor) -> {
      if (pool && name.equals("<init>") && descriptor.equals("(Lcom/zaxxer/hikari/HikariConfig;)V")) {
        return new Constructed(mv, access, name, descriptor);
      }
      if (pool && name.equals("shutdown") && descriptor.equals("()V")) {
        return new OnEntry(mv, header, access, name, descriptor, "poolClosing", "(Ljava/lang/Object;)V", false);
      }
      if (pool && name.equals("getConnection") && descriptor.equals("(J)Ljava/sql/Connection;")) {
        return new Timed(mv, header, access, name, descriptor, "acquired");
      }
      if (pool && name.equals("recycle") && descriptor.equals("(Lcom/zaxxer/hikari/pool/PoolEntry;)V")) {
        return new OnEntry(mv, header, access, name, descriptor, "returned", "(Ljava/lang/Object;Ljava/lang/Object;)V",
            true);
      }
      if (header.name().equals(POOL_BASE) && name.equals("newConnection")
          && descriptor.endsWith(")Ljava/sql/Connection;")) {
        return new Timed(mv, header, access, name, descriptor, "created");
      }
      if (entry && name.equals("createProxyConnection") && descriptor.endsWith(")Ljava/sql/Connection;")) {
        return new OnEntry(mv, header, access, name, descriptor, "lent", "(Ljava/lang/Object;)V", false);
      }
      return null;
    });
  }

  /** Before each return of the constructor: {@code poolStarted(this, config)}. */
  private static final class Constructed extends ReturnHookedMethod {
    Constructed(MethodVisitor next, int access, String name, String descriptor) {
      super(next, access, name, descriptor);
    }

    @Override
    protected void emitBeforeReturn(int opcode) {
      loadThis();
      loadArg(0);
      visitMethodInsn(INVOKESTATIC, HOOKS, "poolStarted", "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
    }
  }

  /** On entry: {@code hook(this[, firstArgument])}; nothing on exit. */
  private static final class OnEntry extends HookedMethod {
    private final String hook;
    private final String hookDescriptor;
    private final boolean passArgument;

    OnEntry(MethodVisitor next, ClassHeader header, int access, String name, String descriptor, String hook,
        String hookDescriptor, boolean passArgument) {
      super(next, header.name(), access, name, descriptor, header.version());
      this.hook = hook;
      this.hookDescriptor = hookDescriptor;
      this.passArgument = passArgument;
    }

    @Override
    protected void emitEnter() {
      loadThis();
      if (passArgument) {
        loadArg(0);
      }
      visitMethodInsn(INVOKESTATIC, HOOKS, hook, hookDescriptor, false);
    }

    @Override
    protected void emitExit() {
      pop(); // the throwable-or-null: nothing to report on the way out
    }
  }

  /** {@code long start = started(); ... hook(thrown, this, start);} */
  private static final class Timed extends HookedMethod {
    private final String hook;
    private int pool;
    private int start;

    Timed(MethodVisitor next, ClassHeader header, int access, String name, String descriptor, String hook) {
      super(next, header.name(), access, name, descriptor, header.version());
      this.hook = hook;
    }

    @Override
    protected void emitEnter() {
      pool = newLocal(Type.getType(Object.class));
      start = newLocal(Type.LONG_TYPE);
      loadThis();
      storeLocal(pool);
      visitMethodInsn(INVOKESTATIC, HOOKS, "started", "()J", false);
      storeLocal(start);
    }

    @Override
    protected void emitExit() {
      loadLocal(pool);
      loadLocal(start);
      visitMethodInsn(INVOKESTATIC, HOOKS, hook, "(Ljava/lang/Throwable;Ljava/lang/Object;J)V", false);
    }
  }
}
