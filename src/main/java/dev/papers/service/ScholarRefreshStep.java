package dev.papers.service;

import dev.papers.cache.PaperCache;
import dev.papers.model.Paper;
import dev.papers.source.scholar.ScholarSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Scholar's part of {@code papers refresh}: the same lookup as {@code fetch} (cool-down, budget, block,
 * sure matches only), one paper at a time so that the deadline is checked before every request, and
 * stopping at the first try-later failure (a block, a cool-down, the budget).
 */
public final class ScholarRefreshStep implements RefreshService.ScholarRefresh {
  private final PaperCache cache;
  private final Supplier<ScholarSource> source;
  private final Clock clock;

  public ScholarRefreshStep(PaperCache cache, Supplier<ScholarSource> source, Clock clock) {
    this.cache = cache;
    this.source = source;
    this.clock = clock;
  }

  @Override
  public RefreshService.ScholarRun refresh(List<Paper> papers, Outcome outcome, BooleanSupplier mayStart) {
    Map<String, RefreshService.Status> statuses = new LinkedHashMap<>();
    if (papers.isEmpty()) {
      return new RefreshService.ScholarRun(statuses, 0);
    }
    ScholarSource scholar = source.get();
    ScholarLookup lookup = new ScholarLookup(cache, () -> scholar, clock);
    List<String> notes = new ArrayList<>();
    for (Paper p : papers) {
      if (!mayStart.getAsBoolean()) {
        break;
      }
      int failuresBefore = outcome.failures().size();
      FetchService.ScholarReport report = lookup.run(List.of(p), outcome, false, notes);
      List<Outcome.Failure> now = outcome.failures();
      boolean failed = now.size() > failuresBefore;
      if (report.found().contains(p.id())) {
        statuses.put(p.id(), RefreshService.Status.DONE);
      } else if (failed) {
        statuses.put(p.id(), RefreshService.Status.FAILED);
      } else {
        statuses.put(p.id(), RefreshService.Status.NOT_FOUND);
      }
      if (failed && now.subList(failuresBefore, now.size()).stream().anyMatch(Outcome.Failure::tryLater)) {
        break; // a block, a cool-down or a spent budget: nothing more is sent to Scholar this run
      }
    }
    return new RefreshService.ScholarRun(statuses, scholar.requestsSent());
  }
}
