package dev.papers.source.scholar;

import java.math.BigInteger;
import java.util.Base64;

/**
 * Google Scholar cluster ids. A cluster id is an unsigned 64-bit number, written in decimal in
 * {@code cites=} and {@code cluster=} links; the {@code data-cid} attribute of a result holds the
 * same number as URL-safe base64 of its 8 bytes, little-endian, followed by a trailing byte (0x09).
 */
public final class ClusterIds {
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private ClusterIds() {}

  /** The decimal cluster id a {@code data-cid} value stands for, or null when it is not one. */
  public static String fromDataCid(String dataCid) {
    if (dataCid == null || dataCid.isBlank()) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(dataCid.strip().replace('+', '-').replace('/', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (bytes.length < 8) {
      return null;
    }
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (bytes[i] & 0xFFL);
    }
    return Long.toUnsignedString(v);
  }

  /** The {@code data-cid} form of a decimal cluster id (8 bytes little-endian plus 0x09). */
  public static String toDataCid(String clusterId) {
    long v = parse(clusterId);
    byte[] bytes = new byte[9];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (v >>> (8 * i));
    }
    bytes[8] = 0x09;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the text is a decimal number from 0 to 2^64-1. */
  public static boolean isValid(String s) {
    if (s == null || s.isEmpty() || s.length() > 20 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    return new BigInteger(s).compareTo(MAX) <= 0;
  }

  /** The canonical decimal form (no leading zeros), or null when the text is not a cluster id. */
  public static String normalize(String s) {
    return isValid(s == null ? null : s.strip()) ? Long.toUnsignedString(parse(s.strip())) : null;
  }

  private static long parse(String clusterId) {
    if (!isValid(clusterId)) {
      throw new IllegalArgumentException("not a Google Scholar cluster id: " + clusterId);
    }
    return Long.parseUnsignedLong(clusterId);
  }
}
