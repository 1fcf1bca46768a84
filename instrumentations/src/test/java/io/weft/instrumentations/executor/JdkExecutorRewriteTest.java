package io.weft.instrumentations.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.weft.instrumentations.weaving.ClassHeader;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicVerifier;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Rewrites the JDKs' own executor classes (which a unit test cannot reload) as the agent would,
 * checks that the result is valid bytecode, and lists the hook calls each method received: a new JDK
 * whose executors changed shape fails here first. The running Java 17's classes are verified with
 * full type checking; Temurin 25's (read from its module image, when installed) with ASM's basic
 * verifier, since their types are not loadable here.
 */
class JdkExecutorRewriteTest {

  private static final String HOOKS = ThreadPoolExecutorInstrumentation.HOOKS;
  private static final Path TEMURIN_25 = Path.of(System.getProperty("weft.jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));

  private static byte[] runningJdkClass(String internalName) throws IOException {
    try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
      assertNotNull(in, internalName + " is not in this JDK");
      return in.readAllBytes();
    }
  }

  private static byte[] temurin25Class(String internalName) throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(TEMURIN_25), "Temurin 25 is not installed at " + TEMURIN_25);
    try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", TEMURIN_25.toString()))) {
      return Files.readAllBytes(jrt.getPath("modules", "java.base", internalName + ".class"));
    }
  }

  private static byte[] weave(TypeInstrumentation instrumentation, byte[] original) {
    ClassReader reader = new ClassReader(original);
    ClassHeader header = new ClassHeader(reader.getClassName(), reader.getSuperName(), List.of(reader.getInterfaces()),
        reader.readInt(4));
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    reader.accept(instrumentation.rewrite(writer, header), ClassReader.EXPAND_FRAMES);
    return writer.toByteArray();
  }

  /** Full verification, types loaded from this JVM: for the running JDK's classes. */
  private static void verifyWithTypes(byte[] woven) {
    StringWriter problems = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(woven), ClassLoader.getSystemClassLoader(), false, new PrintWriter(problems));
    assertEquals("", problems.toString(), "the verifier's findings");
  }

  /** Stack and local types as the JVM's basic checks see them, without loading any class. */
  private static void verifyBasic(byte[] woven) throws AnalyzerException {
    ClassNode node = new ClassNode();
    new ClassReader(woven).accept(node, 0);
    for (MethodNode m : node.methods) {
      new Analyzer<>(new BasicVerifier()).analyze(node.name, m);
    }
  }

  /** "method -> the hooks it calls, in order", for the methods that call any. */
  private static Map<String, List<String>> hookCalls(byte[] woven) {
    Map<String, List<String>> calls = new TreeMap<>();
    new ClassReader(woven).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        String method = name + descriptor;
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitMethodInsn(int opcode, String owner, String hook, String d, boolean itf) {
            if (owner.equals(HOOKS)) {
              calls.computeIfAbsent(method, k -> new ArrayList<>()).add(hook);
            }
          }
        };
      }
    }, 0);
    return calls;
  }

  private static Map<String, List<String>> without(Map<String, List<String>> calls, String prefix) {
    Map<String, List<String>> rest = new TreeMap<>(calls);
    rest.keySet().removeIf(m -> m.startsWith(prefix));
    return rest;
  }

  private static long constructors(Map<String, List<String>> calls, String hook) {
    return calls.entrySet().stream().filter(e -> e.getKey().startsWith("<init>") && e.getValue().equals(List.of(hook)))
        .count();
  }

  private static final Map<String, List<String>> THREAD_POOL_METHODS = Map.of(
      "execute(Ljava/lang/Runnable;)V", List.of("submitted"),
      "reject(Ljava/lang/Runnable;)V", List.of("rejected"),
      "runWorker(Ljava/util/concurrent/ThreadPoolExecutor$Worker;)V", List.of("taskStarting", "taskEnded", "taskEnded"));

  private static final Map<String, List<String>> WORKER = Map.of(
      "<init>(Ljava/util/concurrent/ThreadPoolExecutor;Ljava/lang/Runnable;)V", List.of("workerCreated"));

  @Test
  void java17ThreadPoolExecutor() throws IOException {
    byte[] woven = weave(new ThreadPoolExecutorInstrumentation(), runningJdkClass(ThreadPoolExecutorInstrumentation.TYPE));
    verifyWithTypes(woven);
    Map<String, List<String>> calls = hookCalls(woven);
    assertEquals(THREAD_POOL_METHODS, without(calls, "<init>"));
    assertEquals(4, constructors(calls, "threadPoolCreated"), "each of the four constructors registers: " + calls);
  }

  @Test
  void java17Worker() throws IOException {
    byte[] woven = weave(new ThreadPoolWorkerInstrumentation(), runningJdkClass(ThreadPoolWorkerInstrumentation.TYPE));
    verifyWithTypes(woven);
    assertEquals(WORKER, hookCalls(woven));
  }

  @Test
  void java17ForkJoinPool() throws IOException {
    byte[] woven = weave(new ForkJoinPoolInstrumentation(), runningJdkClass(ForkJoinPoolInstrumentation.TYPE));
    verifyWithTypes(woven);
    Map<String, List<String>> calls = hookCalls(woven);
    assertEquals(Map.of("externalSubmit(Ljava/util/concurrent/ForkJoinTask;)Ljava/util/concurrent/ForkJoinTask;",
        List.of("forkJoinSubmitting", "forkJoinSubmitted", "forkJoinSubmitted")), without(calls, "<init>"));
    assertEquals(5, constructors(calls, "forkJoinPoolCreated"), calls.toString());
  }

  @Test
  void java17ForkJoinTask() throws IOException {
    byte[] woven = weave(new ForkJoinTaskInstrumentation(), runningJdkClass(ForkJoinTaskInstrumentation.TYPE));
    verifyWithTypes(woven);
    assertEquals(Map.of("doExec()I", List.of("forkJoinTaskStarting", "forkJoinTaskEnded", "forkJoinTaskEnded")),
        hookCalls(woven));
  }

  @Test
  void temurin25ThreadPoolExecutorAndWorker() throws Exception {
    byte[] pool = weave(new ThreadPoolExecutorInstrumentation(), temurin25Class(ThreadPoolExecutorInstrumentation.TYPE));
    verifyBasic(pool);
    assertEquals(THREAD_POOL_METHODS, without(hookCalls(pool), "<init>"));
    byte[] worker = weave(new ThreadPoolWorkerInstrumentation(), temurin25Class(ThreadPoolWorkerInstrumentation.TYPE));
    verifyBasic(worker);
    assertEquals(WORKER, hookCalls(worker));
  }

  @Test
  void temurin25ForkJoin() throws Exception {
    byte[] pool = weave(new ForkJoinPoolInstrumentation(), temurin25Class(ForkJoinPoolInstrumentation.TYPE));
    verifyBasic(pool);
    List<String> submit = List.of("forkJoinSubmitting", "forkJoinSubmitted", "forkJoinSubmitted");
    assertEquals(Map.of(
        "externalSubmit(Ljava/util/concurrent/ForkJoinTask;)Ljava/util/concurrent/ForkJoinTask;", submit,
        "poolSubmit(ZLjava/util/concurrent/ForkJoinTask;)Ljava/util/concurrent/ForkJoinTask;", submit),
        without(hookCalls(pool), "<init>"));
    byte[] task = weave(new ForkJoinTaskInstrumentation(), temurin25Class(ForkJoinTaskInstrumentation.TYPE));
    verifyBasic(task);
    assertEquals(Map.of("doExec()V", List.of("forkJoinTaskStarting", "forkJoinTaskEnded", "forkJoinTaskEnded")),
        hookCalls(task));
  }

  @Test
  void temurin25ThreadPerTaskExecutor() throws Exception {
    String type = ThreadPerTaskExecutorInstrumentation.TYPE;
    byte[] executor = weave(new ThreadPerTaskExecutorInstrumentation(), temurin25Class(type));
    verifyBasic(executor);
    assertEquals(Map.of(
        "<init>(Ljava/util/concurrent/ThreadFactory;)V", List.of("threadPerTaskCreated"),
        "ensureNotShutdown()V", List.of("threadPerTaskSubmitted", "threadPerTaskSubmitted"),
        "start(Ljava/lang/Thread;)V", List.of("threadPerTaskSubmitted", "threadPerTaskSubmitted")), hookCalls(executor));
    for (String runner : List.of(type + "$TaskRunner", type + "$ThreadBoundFuture")) {
      byte[] woven = weave(new ThreadPerTaskRunInstrumentation(), temurin25Class(runner));
      verifyBasic(woven);
      assertEquals(Map.of("run()V", List.of("threadPerTaskStarting", "threadPerTaskEnded", "threadPerTaskEnded")),
          hookCalls(woven), runner);
    }
  }
}
