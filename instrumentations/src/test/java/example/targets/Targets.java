package example.targets;

/** Methods with the shapes woven code must survive; rewritten by the weaving tests (outside io.weft, which the transformer never touches). */
public class Targets {
  public int plain(int a, long b, double c, String d) {
    return a + (int) b + (int) c + d.length();
  }

  public static String staticMethod(String s) {
    return s + "!";
  }

  public void throwing(String message) {
    throw new IllegalStateException(message);
  }

  /** The method's own handler must still catch what it catches. */
  public String catchesItsOwn(boolean fail) {
    try {
      if (fail) {
        throw new IllegalArgumentException("own");
      }
      return "ok";
    } catch (IllegalArgumentException e) {
      return "caught " + e.getMessage();
    }
  }

  /** Several returns, a loop, locals of several types. */
  public long branchy(int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      if (i % 3 == 0) {
        continue;
      }
      double d = i * 1.5;
      sum += (long) d;
      if (sum > 100) {
        return -sum;
      }
    }
    String s = "x" + sum;
    return s.length() + sum;
  }

  /** Throws from a callee, not from an athrow of its own. */
  public int calleeThrows(String s) {
    return Integer.parseInt(s);
  }
}
