package example.targets;

/** A constructor and methods with several returns, for the return-hook weaving test. */
public class Built {
  private final String name;

  public Built(String name) {
    super();
    if (name == null) {
      throw new IllegalArgumentException("no name");
    }
    this.name = name.isEmpty() ? "empty" : name;
    if (this.name.length() > 3) {
      return;
    }
  }

  public String name() {
    return name;
  }

  /** Two returns, one throw. */
  public Object pick(int which) {
    if (which == 0) {
      return "zero";
    }
    if (which < 0) {
      throw new IllegalStateException("negative");
    }
    return Integer.valueOf(which);
  }
}
