package dev.papers.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A whole HTTP answer, body read. Headers are kept (lower-case names) except that no request header is.
 *
 * @param status HTTP status
 * @param url the final URL (after redirects)
 * @param headers response headers, lower-case names
 * @param body the body bytes
 */
public record Reply(int status, String url, Map<String, List<String>> headers, byte[] body) {

  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** The charset the Content-Type header declares, or null. */
  public Charset declaredCharset() {
    String ct = header("content-type");
    if (ct == null) {
      return null;
    }
    for (String part : ct.split(";")) {
      String p = part.strip();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        try {
          return Charset.forName(p.substring(8).replace("\"", "").strip());
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** The body as text, in the declared charset or UTF-8. */
  public String text() {
    Charset cs = declaredCharset();
    return new String(body, cs == null ? StandardCharsets.UTF_8 : cs);
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }
}
