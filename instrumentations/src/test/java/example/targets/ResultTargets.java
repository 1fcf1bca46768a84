package example.targets;

/** Methods returning references, rewritten by the result-hook weaving test (outside io.weft, which the transformer never touches). */
public class ResultTargets {
  public String twoReturns(boolean early) {
    if (early) {
      return "early";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      b.append(i);
    }
    return b.toString();
  }

  public Object returnsNull() {
    return null;
  }

  public int[] array(int n) {
    return new int[n];
  }

  public String throwsFromCallee(String s) {
    return String.valueOf(Integer.parseInt(s));
  }
}
