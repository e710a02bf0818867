/**
 * Google-Scholar-style pages as a citation source ({@code --sources scholar}).
 *
 * <p>Wired in {@code dev.papers.SourceSet#scholar()} (settings {@code PAPERS_SCHOLAR_URL}, {@code
 * _INTERVAL}, {@code _COOLDOWN}, {@code _BUDGET}, {@code _USER_AGENT}) and used by {@code
 * dev.papers.service.ScholarLookup}, the Scholar step of {@code papers fetch}. In outline, with
 * {@code state = $PAPERS_CACHE/.state}:
 *
 * <pre>{@code
 * ScholarSettings settings = new ScholarSettings(coolDown, budgetPerRun, userAgent); // or defaults()
 * ScholarCookieJar jar = new ScholarCookieJar(state, scholarUrl, Clock.systemUTC());
 * Upstream scholarUpstream = new Upstream(ScholarCookieJar.install(sharedClientSupplier, jar),
 *     gate, Sleeper.REAL, wallClock, random);        // the same IntervalGate as the other sources
 * Policy policy = ScholarSource.defaultPolicy(interval, maxRetries, maxBackoff, settings.userAgent());
 * ScholarSource scholar = new ScholarSource(scholarUrl, scholarUpstream, policy, clock, state, settings);
 * }</pre>
 *
 * <p>One {@link dev.papers.source.scholar.ScholarSource} per run: its request budget counts per
 * instance. Every failure is a {@link dev.papers.source.SourceException}: BLOCKED for a block or a
 * cool-down in force (exit 75; the message says until when, {@code retryAt()} holds it), TRY_LATER
 * when the budget is used up, PARSE for a page that is not a Scholar page. Before a batch, {@code
 * scholar.coolDown()} tells whether to skip Scholar at once. {@code ScholarMatcher.Outcome.reason()}
 * is the line to print with {@code --verbose}; an ambiguous or missing match stores no count.
 */
package dev.papers.source.scholar;
