package example.targets;

/** Constructors with the shapes a constructor-exit hook must survive; rewritten by the weaving tests. */
public class Constructed {
  public final String how;

  /** Delegates: two constructors return, so the hook runs twice. */
  public Constructed() {
    this("default");
  }

  /** Two returns. */
  public Constructed(String how) {
    super();
    if (how.isEmpty()) {
      this.how = "empty";
      return;
    }
    this.how = how;
  }

  /** Its own handler and a branch after it. */
  public Constructed(int divisor) {
    String s;
    try {
      s = Integer.toString(100 / divisor);
    } catch (ArithmeticException e) {
      s = "div0";
    }
    this.how = s.length() > 1 ? s : "short " + s;
  }

  /** Throws instead of returning: no hook. */
  public Constructed(boolean fail) {
    if (fail) {
      throw new IllegalStateException("refused");
    }
    this.how = "ok";
  }
}
