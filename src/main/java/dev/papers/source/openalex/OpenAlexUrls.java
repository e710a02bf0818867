package dev.papers.source.openalex;

import java.util.List;
import okhttp3.HttpUrl;

/**
 * Builds OpenAlex request URLs: {@code {base}/works/{W-id | doi:DOI}} for one work and
 * {@code {base}/works?filter=FIELD:A|B|...&per-page=N} for lists, each with {@code mailto} (the contact
 * address) and {@code api_key} when they are set. {@link #redact} cuts the key out of any URL or text
 * before it is shown, logged or stored anywhere.
 */
final class OpenAlexUrls {
  /** The query parameter that carries the API key. */
  static final String API_KEY = "api_key";
  /** The most results OpenAlex serves in one page. */
  static final int MAX_PER_PAGE = 200;

  private final HttpUrl base;
  private final String mailto;
  private final String apiKey;

  /**
   * @param base the API base ({@code https://api.openalex.org})
   * @param mailto the contact address, or null
   * @param apiKey the API key, or null
   */
  OpenAlexUrls(HttpUrl base, String mailto, String apiKey) {
    this.base = base;
    this.mailto = mailto == null || mailto.isBlank() ? null : mailto.strip();
    this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
  }

  /** {@code /works/W123}. */
  HttpUrl workById(String workId) {
    return finish(works().addPathSegment(workId));
  }

  /**
   * {@code /works/doi:10.7717/peerj.4375}: the DOI's slashes stay slashes (the form OpenAlex documents),
   * each piece percent-encoded; a DOI with a piece a URL would resolve away ({@code .}, {@code ..}, empty)
   * is sent as one segment with {@code %2F}, which OpenAlex also reads.
   */
  HttpUrl workByDoi(String doi) {
    String wire = "doi:" + doi;
    String[] pieces = wire.split("/", -1);
    boolean plain = true;
    for (String p : pieces) {
      if (p.isEmpty() || p.equals(".") || p.equals("..")) {
        plain = false;
      }
    }
    HttpUrl.Builder b = works();
    if (plain) {
      for (String p : pieces) {
        b.addPathSegment(p);
      }
    } else {
      b.addPathSegment(wire);
    }
    return finish(b);
  }

  /**
   * {@code /works?filter=FIELD:A|B|...&per-page=N}, with {@code cursor} when given (cursor paging) or
   * {@code page} when above 1.
   */
  HttpUrl list(String field, List<String> values, int perPage, String cursor, int page) {
    HttpUrl.Builder b = works()
        .addQueryParameter("filter", field + ":" + String.join("|", values))
        .addQueryParameter("per-page", Integer.toString(Math.max(1, Math.min(MAX_PER_PAGE, perPage))));
    if (cursor != null) {
      b.addQueryParameter("cursor", cursor);
    } else if (page > 1) {
      b.addQueryParameter("page", Integer.toString(page));
    }
    return finish(b);
  }

  /** Whether a value can go into an OR-filter: '|' and ',' would split it. */
  static boolean filterable(String value) {
    return value.indexOf('|') < 0 && value.indexOf(',') < 0 && value.indexOf('&') < 0;
  }

  private HttpUrl.Builder works() {
    return base.newBuilder().addPathSegment("works");
  }

  private HttpUrl finish(HttpUrl.Builder b) {
    if (mailto != null) {
      b.addQueryParameter("mailto", mailto);
    }
    if (apiKey != null) {
      b.addQueryParameter(API_KEY, apiKey);
    }
    return b.build();
  }

  /**
   * The text with the API key cut out: an {@code api_key=...} query parameter goes away whole, and the
   * key's value, wherever else it appears (raw or percent-encoded), becomes {@code ***}.
   */
  String redact(String s) {
    return redact(s, apiKey);
  }

  static String redact(String s, String key) {
    if (s == null) {
      return null;
    }
    String out = s.replaceAll("(?i)([?&])api_key=[^&#\\s\"']*&?", "$1");
    out = out.replaceAll("[?&]$", "").replace("?&", "?").replace("&&", "&").replace("?#", "#");
    if (key != null && !key.isEmpty()) {
      out = out.replace(key, "***");
      String enc = java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8);
      if (!enc.equals(key)) {
        out = out.replace(enc, "***");
      }
      String okEnc = HttpUrl.get("http://x/").newBuilder().addQueryParameter("k", key).build().encodedQuery();
      if (okEnc != null && okEnc.length() > 2 && !okEnc.substring(2).equals(key)) {
        out = out.replace(okEnc.substring(2), "***");
      }
    }
    return out;
  }

  boolean hasKey() {
    return apiKey != null;
  }
}
