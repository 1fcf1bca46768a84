package io.weft.agent.config;

import java.util.Collection;

/** Finds the known name closest to a misspelt one, for "did you mean" hints. */
final class Spelling {
  private Spelling() {}

  /** The closest name within a small edit distance (about one typo per four characters), or null. */
  static String nearest(String name, Collection<String> known) {
    int limit = Math.max(2, name.length() / 4);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(name, candidate);
      if (distance <= limit && (distance < bestDistance
          || (distance == bestDistance && candidate.compareTo(best) < 0))) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Levenshtein distance, case-sensitive. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
