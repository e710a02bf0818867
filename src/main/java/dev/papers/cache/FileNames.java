package dev.papers.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Safe file names from identifiers. A key such as {@code arxiv:hep-th/9901001} becomes the directory
 * {@code arxiv} and the name {@code hep-th%2F9901001}: every byte outside {@code [A-Za-z0-9._-]} is
 * percent-encoded, a leading dot is encoded too, so no name is {@code .}, {@code ..}, hidden, or holds
 * a separator. Names too long for a file system keep a readable prefix and end in a hash of the
 * whole key. The mapping is one-to-one and stable.
 */
public final class FileNames {
  static final int MAX_NAME = 180;

  private FileNames() {}

  /** The directory (scheme) part of a key: {@code arxiv}, {@code doi}, ... */
  public static String scheme(String key) {
    int colon = key.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("not a cache key: " + key);
    }
    String scheme = key.substring(0, colon);
    for (int i = 0; i < scheme.length(); i++) {
      char c = scheme.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("not a cache key: " + key);
      }
    }
    return scheme;
  }

  /** The encoded file name (without extension) for the part of the key after the scheme. */
  public static String name(String key) {
    String value = key.substring(scheme(key).length() + 1);
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder(bytes.length + 8);
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xff;
      boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
          || c == '_' || (c == '.' && i > 0);
      if (plain) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    if (b.length() > MAX_NAME) {
      return b.substring(0, MAX_NAME - 17) + "~" + sha256(key).substring(0, 16);
    }
    return b.toString();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
