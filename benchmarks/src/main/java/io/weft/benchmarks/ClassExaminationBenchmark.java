package io.weft.benchmarks;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.InstrumentationFamily;
import io.weft.instrumentations.executor.ExecutorFamily;
import io.weft.instrumentations.hikaricp.HikariCpFamily;
import io.weft.instrumentations.httpclient.HttpClientFamily;
import io.weft.instrumentations.httpserver.HttpServerFamily;
import io.weft.instrumentations.httpserver.HttpServerSettings;
import io.weft.instrumentations.jdbc.JdbcFamily;
import io.weft.instrumentations.weaving.TypeInstrumentation;
import io.weft.instrumentations.weaving.Weaving;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the agent's transformer costs each class the JVM loads: the class-file bytes of every class
 * in this benchmark's own jar (the OpenTelemetry SDK, Micrometer, client_java, H2, OkHttp, JMH:
 * thousands of real classes) offered to the transformer with every instrumentation family installed,
 * exactly as the JVM offers them at load time. Most are wanted by nobody and cost the name look-up
 * and the header read that supertype matching needs; the few that match (H2's statements, the HTTP
 * clients) are rewritten, as they would be. The result, per class, times the number of classes an
 * application loads is what the agent adds to its start-up for examining classes.
 *
 * <p>{@code firstOffer} is the cost on a cold JIT, as at start-up (single shot over the whole jar,
 * in fresh JVMs); {@code warm} the steady state, for comparison; {@code warmUnwanted} the steady
 * state over only the classes that nobody wants (the jar less the ones rewritten), which is what
 * every class of an application that uses none of the instrumented libraries pays.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 5, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ClassExaminationBenchmark {

  private final List<byte[]> classFiles = new ArrayList<>();
  private final List<String> classNames = new ArrayList<>();
  private ClassFileTransformer transformer;

  @Setup(Level.Trial)
  public void setUp() throws IOException, URISyntaxException {
    Path jar = Path.of(ClassExaminationBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.equals("module-info.class")) {
          try (InputStream in = file.getInputStream(entry)) {
            classFiles.add(in.readAllBytes());
            classNames.add(name.substring(0, name.length() - ".class".length()));
          }
        }
      }
    }
    MetricRegistry registry = new MetricRegistry();
    List<TypeInstrumentation> types = new ArrayList<>();
    for (InstrumentationFamily family : List.of(new HttpServerFamily(HttpServerSettings.DEFAULTS),
        new ExecutorFamily(), new HttpClientFamily(), new JdbcFamily(), new HikariCpFamily())) {
      types.addAll(family.install(registry));
    }
    ClassFileTransformer[] added = new ClassFileTransformer[1];
    Instrumentation capturing = (Instrumentation) Proxy.newProxyInstance(
        Instrumentation.class.getClassLoader(), new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> {
          if (method.getName().equals("addTransformer")) {
            added[0] = (ClassFileTransformer) args[0];
          }
          return null;
        });
    Weaving.install(capturing, types);
    transformer = added[0];
    System.out.println("\nclasses offered per operation: " + classFiles.size());
  }

  private int offerAll() throws IllegalClassFormatException {
    return offer(classNames, classFiles);
  }

  private int offer(List<String> names, List<byte[]> files) throws IllegalClassFormatException {
    int rewritten = 0;
    ClassLoader loader = ClassExaminationBenchmark.class.getClassLoader();
    for (int i = 0; i < files.size(); i++) {
      if (transformer.transform(loader, names.get(i), null, null, files.get(i)) != null) {
        rewritten++;
      }
    }
    return rewritten;
  }

  /** The classes of the jar that no instrumentation rewrites; only the benchmark that needs it sets it up. */
  @State(Scope.Benchmark)
  public static class Unwanted {
    final List<String> names = new ArrayList<>();
    final List<byte[]> files = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp(ClassExaminationBenchmark corpus) throws IllegalClassFormatException {
      ClassLoader loader = ClassExaminationBenchmark.class.getClassLoader();
      for (int i = 0; i < corpus.classFiles.size(); i++) {
        if (corpus.transformer.transform(loader, corpus.classNames.get(i), null, null, corpus.classFiles.get(i)) == null) {
          names.add(corpus.classNames.get(i));
          files.add(corpus.classFiles.get(i));
        }
      }
      System.out.println("\nclasses nobody wants: " + files.size() + " of " + corpus.classFiles.size());
    }
  }

  /** Every class of the jar once, on a cold JIT: the start-up case. Time per whole jar. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public int firstOffer() throws IllegalClassFormatException {
    return offerAll();
  }

  /** Every class of the jar, once warmed up. Time per whole jar. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public int warm() throws IllegalClassFormatException {
    return offerAll();
  }

  /** Every class of the jar that nobody wants, once warmed up. Time per that set. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public int warmUnwanted(Unwanted unwanted) throws IllegalClassFormatException {
    return offer(unwanted.names, unwanted.files);
  }
}
