package example.targets;

/** Methods with the shapes an entry hook must survive; rewritten by the weaving tests. */
public class Entered {
  /** The first instruction is a branch target (a stack-map frame at offset 0). */
  public int loopFirst(int n) {
    do {
      n -= 10;
    } while (n > 10);
    return n;
  }

  public static String staticMethod(String s, long l) {
    return s + l;
  }

  public void throwing(String message) {
    throw new IllegalArgumentException(message);
  }
}
