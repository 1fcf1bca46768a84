package io.weft.agent.exporter.prometheus.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code basic_auth_users}: user names with bcrypt hashes, checked as exporter-toolkit checks them.
 *
 * <ul>
 *   <li>Every check of an uncached credential pays one bcrypt, one at a time (a lock, as exporter-toolkit
 *       does), so a flood of wrong passwords costs at most one core.
 *   <li>An unknown user is checked against a hash of a random password at the highest cost among the
 *       configured users: it takes as long as a wrong password and always fails, so the timing does not
 *       tell which user names exist.
 *   <li>A successful check is remembered by the SHA-256 of user, hash and password (the password itself
 *       is not kept), so a scraper's repeated scrapes cost one bcrypt in all. Only exactly the same
 *       triple hits the cache; failures are not cached, so nothing about a wrong password is shortened.
 *       At most {@value #CACHE_SIZE} entries, least recently used out first.
 * </ul>
 */
public final class BasicAuthUsers {
  static final int CACHE_SIZE = 100;

  private static final BCrypt.Verifyer VERIFYER =
      BCrypt.verifyer(null, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));

  private final Map<String, byte[]> hashes;
  private final byte[] unknownUserHash;
  private final Object bcryptLock = new Object();
  private final Map<String, Boolean> verified = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  BasicAuthUsers(Map<String, String> hashes, int highestCost) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    hashes.forEach((user, hash) -> bytes.put(user, hash.getBytes(StandardCharsets.UTF_8)));
    this.hashes = Map.copyOf(bytes);
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    char[] password = Base64.getEncoder().encodeToString(random).toCharArray();
    this.unknownUserHash = BCrypt.withDefaults().hash(highestCost, password);
  }

  /** The cost of a bcrypt hash, or -1 when the text is not one ({@code $2a$}, {@code $2b$}, {@code $2y$}). */
  static int cost(String hash) {
    if (hash.length() != 60 || !hash.startsWith("$2") || hash.charAt(3) != '$' || hash.charAt(6) != '$'
        || "aby".indexOf(hash.charAt(2)) < 0) {
      return -1;
    }
    try {
      int cost = Integer.parseInt(hash.substring(4, 6));
      return cost >= BCrypt.MIN_COST && cost <= BCrypt.MAX_COST ? cost : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Whether an {@code Authorization} header value names a configured user with the right password.
   * Null or anything but {@code Basic <base64 of user:password>} is false without a bcrypt.
   */
  public boolean check(String authorization) {
    if (authorization == null || authorization.length() < 6
        || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return false;
    }
    return check(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  boolean check(String user, String password) {
    byte[] hash = hashes.get(user);
    boolean known = hash != null;
    byte[] against = known ? hash : unknownUserHash;
    String key = cacheKey(user, against, password);
    synchronized (verified) {
      if (known && verified.containsKey(key)) {
        return true;
      }
    }
    boolean ok;
    synchronized (bcryptLock) {
      ok = VERIFYER.verify(password.getBytes(StandardCharsets.UTF_8), against).verified;
    }
    if (ok && known) {
      synchronized (verified) {
        verified.put(key, Boolean.TRUE);
      }
      return true;
    }
    return false;
  }

  private static String cacheKey(String user, byte[] hash, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(user.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(hash);
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
