package io.weft.benchmarks;

import io.weft.bootstrap.metrics.MetricRegistry;
import io.weft.instrumentations.jdbc.ConnectionInstrumentation;
import io.weft.instrumentations.jdbc.JdbcHooks;
import io.weft.instrumentations.jdbc.DriverInstrumentation;
import io.weft.instrumentations.jdbc.JdbcMetrics;
import io.weft.instrumentations.jdbc.StatementInstrumentation;
import io.weft.instrumentations.weaving.Weaving;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the JDBC instrumentation adds to a query: {@code executeQuery} of a prepared statement on H2
 * in memory, with H2's classes loaded as they are ({@code plain}) or rewritten by Weft's own
 * transformer with the JDBC instrumentations installed ({@code woven}), in separate forks. The added
 * cost per execution is the difference between the two; so is the added allocation ({@code -prof
 * gc}, B/op). {@code prepareExecuteClose} adds the prepare-time work (SQL cache look-up, one map
 * entry per statement).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar JdbcBenchmark -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class JdbcBenchmark {

  private static final String QUERY = "SELECT name FROM users WHERE id = ?";

  @Param({"plain", "woven"})
  public String driver;

  private Connection connection;
  private PreparedStatement prepared;
  private Driver h2Driver;
  private String url;

  @Setup
  public void setUp() throws Exception {
    JdbcMetrics.install(new MetricRegistry());
    ClassFileTransformer transformer = driver.equals("woven")
        ? transformerFor(new StatementInstrumentation(), new ConnectionInstrumentation(), new DriverInstrumentation())
        : null;
    ClassLoader h2 = new H2Loader(JdbcBenchmark.class.getClassLoader(), transformer);
    Driver d = (Driver) h2.loadClass("org.h2.Driver").getConstructor().newInstance();
    h2Driver = d;
    url = "jdbc:h2:mem:bench_" + driver + ";DB_CLOSE_DELAY=-1";
    connection = d.connect(url, new Properties());
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(64))");
      s.execute("INSERT INTO users VALUES (1, 'ada')");
    }
    prepared = connection.prepareStatement(QUERY);
    prepared.setInt(1, 1);
    if (driver.equals("woven") && !prepared.getClass().getClassLoader().equals(h2)) {
      throw new IllegalStateException("H2 was not loaded by the weaving loader");
    }
  }

  @TearDown
  public void tearDown() throws SQLException {
    prepared.close();
    connection.close();
  }

  /** One execution of a statement prepared once: the steady state of a statement cache or a loop. */
  @Benchmark
  public int executeQuery() throws SQLException {
    try (ResultSet rows = prepared.executeQuery()) {
      return rows.next() ? rows.getString(1).length() : 0;
    }
  }

  /**
   * The hooks alone, as woven code calls them around one execution of a known prepared statement:
   * the added cost without H2's own run-to-run variance.
   */
  @Benchmark
  public void hooksAroundOneExecution() {
    long start = JdbcHooks.enter();
    JdbcHooks.exit(null, prepared, null, start);
  }

  /** Prepare, execute, close: what an application without a statement cache does per query. */
  @Benchmark
  public int prepareExecuteClose() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
      statement.setInt(1, 1);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1).length() : 0;
      }
    }
  }

  /**
   * Connect, prepare, execute, close: what a service without a connection pool does per query (the
   * demo's {@code /users/{id}}), so each query also meets a new connection.
   */
  @Benchmark
  public int connectPrepareExecuteClose() throws SQLException {
    try (Connection fresh = h2Driver.connect(url, new Properties());
        PreparedStatement statement = fresh.prepareStatement(QUERY)) {
      statement.setInt(1, 1);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1).length() : 0;
      }
    }
  }

  /** Weft's own transformer for these instrumentations, taken from an Instrumentation stand-in. */
  static ClassFileTransformer transformerFor(io.weft.instrumentations.weaving.TypeInstrumentation... types) {
    ClassFileTransformer[] captured = new ClassFileTransformer[1];
    Instrumentation standIn = (Instrumentation) Proxy.newProxyInstance(JdbcBenchmark.class.getClassLoader(),
        new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> {
          if (method.getName().equals("addTransformer")) {
            captured[0] = (ClassFileTransformer) args[0];
          }
          return null;
        });
    Weaving.install(standIn, List.of(types));
    return captured[0];
  }

  /**
   * Loads H2's classes itself (child first), passing each through the transformer when there is one,
   * as the JVM would with the agent attached.
   */
  static final class H2Loader extends ClassLoader {
    private final ClassFileTransformer transformer;

    H2Loader(ClassLoader parent, ClassFileTransformer transformer) {
      super(parent);
      this.transformer = transformer;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("org.h2.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = define(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }

    private Class<?> define(String name) throws ClassNotFoundException {
      String internal = name.replace('.', '/');
      try (InputStream in = getParent().getResourceAsStream(internal + ".class")) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        if (transformer != null) {
          byte[] woven = transformer.transform(this, internal, null, null, bytes);
          if (woven != null) {
            bytes = woven;
          }
        }
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException | java.lang.instrument.IllegalClassFormatException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
