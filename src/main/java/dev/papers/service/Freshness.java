package dev.papers.service;

import dev.papers.model.Histogram;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The one rule of "stale", used by {@code refresh} and by {@code fetch --topic} alike, and the id each
 * source is asked with for a cached paper.
 *
 * <p>A paper is stale for a counting source when that source's newest count is older than
 * {@code olderThan} (default 7 days), or when it has none. The newest <em>observation</em> is taken,
 * suspect ones included, rather than the current count: a suspect 0 never becomes the current count,
 * and a paper whose last answer was a suspect 0 would otherwise be asked again on every run. arXiv
 * gives no counts: a paper with an arXiv id is stale for arXiv when its arXiv metadata is older than
 * {@link #METADATA_MAX_AGE} or was never fetched. A paper a source cannot be asked about (see
 * {@link #askId}) is never stale for it.
 */
public final class Freshness {
  /** The default age at which a count is stale ({@code refresh --older-than}). */
  public static final Duration DEFAULT_OLDER_THAN = Duration.ofDays(7);
  /** arXiv metadata older than this is asked for again. */
  public static final Duration METADATA_MAX_AGE = Duration.ofDays(30);

  private final Duration olderThan;

  public Freshness(Duration olderThan) {
    this.olderThan = olderThan == null ? DEFAULT_OLDER_THAN : olderThan;
  }

  public static Freshness byDefault() {
    return new Freshness(DEFAULT_OLDER_THAN);
  }

  public Duration olderThan() {
    return olderThan;
  }

  /**
   * When the source last brought this paper up to date: its newest count (suspect ones included), or
   * for arXiv, which gives no counts, when its metadata was fetched; null when never.
   */
  public static Instant last(Paper p, Source source) {
    if (source == Source.ARXIV) {
      return p.fetchedAt(source.jsonName());
    }
    Instant best = null;
    for (Observation o : p.history()) {
      if (o.source().equals(source.jsonName()) && (best == null || o.observedAt().isAfter(best))) {
        best = o.observedAt();
      }
    }
    return best;
  }

  /** The age past which what this source said is stale. */
  public Duration maxAge(Source source) {
    return source == Source.ARXIV ? METADATA_MAX_AGE : olderThan;
  }

  /** Whether the paper is stale for the source at {@code now} (never, when the source cannot be asked). */
  public boolean isStale(Paper p, Source source, Instant now) {
    if (askId(p, source) == null) {
      return false;
    }
    Instant last = last(p, source);
    return last == null || last.isBefore(now.minus(maxAge(source)));
  }

  /** Whether a per-year histogram is missing or older than {@code olderThan}. */
  public boolean isStale(Histogram h, Instant now) {
    return h == null || h.madeAt().isBefore(now.minus(olderThan));
  }

  /**
   * The id a source is asked with for a cached paper, or null when it cannot be asked: arXiv, by the
   * arXiv id (without version); Semantic Scholar, by the arXiv id, else the S2 paperId, else the DOI,
   * else the CorpusId, else the ACL Anthology id it is keyed by; OpenAlex, by its known work, else the arXiv
   * id (its arXiv DOI), else the DOI (see {@link OpenAlexStep#keys}); any other source (Scholar looks a paper
   * up by its title) by {@link #preferredId}.
   */
  public static PaperId askId(Paper p, Source source) {
    return switch (source) {
      case ARXIV -> arxiv(p);
      case SEMANTIC_SCHOLAR -> {
        PaperId a = arxiv(p);
        if (a != null) {
          yield a;
        }
        if (p.s2Id() != null) {
          yield PaperId.s2(p.s2Id());
        }
        if (p.doi() != null) {
          yield PaperId.doi(p.doi());
        }
        if (p.corpusId() != null) {
          yield PaperId.corpus(p.corpusId());
        }
        // an entry made from an ACL Anthology id alone (an offline import): S2 knows it as ACL:<id>
        PaperId key = PaperId.tryParse(p.id());
        yield key != null && key.kind() == PaperId.Kind.ACL ? key : null;
      }
      case OPEN_ALEX -> {
        List<PaperId> keys = OpenAlexStep.keys(p, true);
        yield keys.isEmpty() ? null : keys.get(0);
      }
      default -> preferredId(p);
    };
  }

  /**
   * Whether a source can be asked about an id that no cache entry has yet: arXiv about an arXiv id,
   * Semantic Scholar about any id but a Scholar cluster; any other source not by id alone.
   */
  public static boolean canAsk(Source source, PaperId id) {
    if (id == null) {
      return false;
    }
    return switch (source) {
      case ARXIV -> id.kind() == PaperId.Kind.ARXIV;
      case SEMANTIC_SCHOLAR -> id.kind() != PaperId.Kind.SCHOLAR && id.kind() != PaperId.Kind.OPENALEX;
      case OPEN_ALEX -> id.kind() == PaperId.Kind.ARXIV || id.kind() == PaperId.Kind.DOI
          || id.kind() == PaperId.Kind.OPENALEX;
      default -> false;
    };
  }

  /** The id a paper is named by in messages: arXiv id, DOI, S2 paperId, CorpusId, else its key. */
  public static PaperId preferredId(Paper p) {
    PaperId a = arxiv(p);
    if (a != null) {
      return a;
    }
    if (p.doi() != null) {
      PaperId d = PaperId.tryParse(p.doi());
      if (d != null) {
        return d;
      }
    }
    if (p.s2Id() != null) {
      return PaperId.s2(p.s2Id());
    }
    return p.corpusId() != null ? PaperId.corpus(p.corpusId()) : PaperId.tryParse(p.id());
  }

  private static PaperId arxiv(Paper p) {
    PaperId a = p.arxivId() == null ? null : PaperId.arxivOrNull(p.arxivId());
    return a == null ? null : a.withoutVersion();
  }
}
