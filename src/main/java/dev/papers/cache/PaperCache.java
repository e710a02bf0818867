package dev.papers.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.papers.json.Json;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The JSON cache: one human-readable file per paper under {@code papers/<scheme>/}, one small file per
 * alias under {@code aliases/<scheme>/} naming the entry it leads to, and run state under
 * {@code .state/}. Writes are atomic; each paper's read-modify-write holds a lock that other processes
 * respect, so concurrent updates of one paper lose nothing. Reads take no lock.
 */
public final class PaperCache {
  /** The schema version written into every paper file. */
  public static final int SCHEMA_VERSION = 1;
  private static final int STRIPES = 64;

  private final Path root;
  private final Clock clock;
  private final FileLocks locks;
  private final java.util.concurrent.ConcurrentLinkedQueue<String> notices =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.LongAdder paperReads = new java.util.concurrent.atomic.LongAdder();

  public PaperCache(Path root, Clock clock) {
    this.root = root.toAbsolutePath().normalize();
    this.clock = clock;
    this.locks = new FileLocks(stateDir().resolve("locks"));
  }

  public Path root() {
    return root;
  }

  /** Run state: locks, request spacing, cookies, cool-downs, logs. Never paper data. */
  public Path stateDir() {
    return root.resolve(".state");
  }

  public FileLocks locks() {
    return locks;
  }

  Path paperFile(String key) {
    return root.resolve("papers").resolve(FileNames.scheme(key)).resolve(FileNames.name(key) + ".json");
  }

  Path aliasFile(String key) {
    return root.resolve("aliases").resolve(FileNames.scheme(key)).resolve(FileNames.name(key));
  }

  /**
   * Checks, before anything is sent, that this cache can be written: the directory is made if need be,
   * and a temporary file is created and removed in it and in the lock directory.
   *
   * @throws CacheException saying "the cache ... is read-only" (or what else stops writes) otherwise
   */
  public void requireWritable() {
    Path at = root;
    try {
      Files.createDirectories(root);
      probe(root);
      at = stateDir().resolve("locks");
      Files.createDirectories(at);
      probe(at);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      boolean readOnly = e instanceof java.nio.file.AccessDeniedException
          || e instanceof java.nio.file.ReadOnlyFileSystemException
          || why.contains("Read-only file system") || why.contains("Permission denied");
      String where = at.equals(root) ? "" : " (" + at + ")";
      throw new CacheException(readOnly
          ? "the cache " + root + " is read-only" + where + ": nothing was sent; make it writable, or point"
              + " PAPERS_CACHE at a writable copy"
          : "cannot write to the cache " + root + where + ": " + FileErrors.reason(e) + "; nothing was sent", e);
    }
  }

  private static void probe(Path dir) throws IOException {
    Path probe = Files.createTempFile(dir, ".papers-write-check.", ".tmp");
    Files.deleteIfExists(probe);
  }

  /**
   * What the cache decided on its own since the last call (an identifier found shared by distinct
   * papers, say), for {@code --verbose}; each said once.
   */
  public List<String> drainNotices() {
    Set<String> out = new LinkedHashSet<>();
    for (String n; (n = notices.poll()) != null; ) {
      out.add(n);
    }
    return new ArrayList<>(out);
  }

  /** The entry an identifier leads to, directly or through an alias. */
  public Optional<Paper> find(PaperId id) {
    String canonical = resolve(id.withoutVersion().key());
    return canonical == null ? Optional.empty() : read(canonical);
  }

  /**
   * The canonical key an identifier key leads to, or null when the cache does not know it, or when the
   * key is shared by several papers (see {@link #sharedBy}).
   */
  public String resolve(String key) {
    if (Files.isRegularFile(paperFile(key))) {
      return key;
    }
    List<String> targets = aliasTargets(key);
    if (targets.size() != 1) {
      return null;
    }
    String target = targets.get(0);
    return Files.isRegularFile(paperFile(target)) ? target : null;
  }

  /**
   * The papers that share this identifier key, when it names more than one (a proceedings volume's DOI
   * that a source gave to several arXiv papers, say): such a key leads to none of them. Empty when the
   * key names one paper or none.
   */
  public List<String> sharedBy(String key) {
    if (Files.isRegularFile(paperFile(key))) {
      return List.of();
    }
    List<String> targets = aliasTargets(key);
    return targets.size() > 1 ? targets : List.of();
  }

  /** The entries an alias file names: one line each (more than one: a shared identifier). */
  private List<String> aliasTargets(String key) {
    try {
      List<String> out = new ArrayList<>(1);
      for (String line : Files.readString(aliasFile(key), StandardCharsets.UTF_8).split("\n")) {
        String t = line.strip();
        if (!t.isEmpty() && !out.contains(t)) {
          out.add(t);
        }
      }
      return out;
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new CacheException("cannot read " + aliasFile(key) + ": " + e.getMessage(), e);
    }
  }

  /** How many times this cache has read a paper file (what {@code refresh} keeps low; for tests). */
  public long paperReads() {
    return paperReads.sum();
  }

  /** The entry stored under exactly this canonical key. */
  public Optional<Paper> read(String canonicalKey) {
    Path f = paperFile(canonicalKey);
    try {
      paperReads.increment();
      return Optional.of(parse(Files.readAllBytes(f), f));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new CacheException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  Paper parse(byte[] bytes, Path file) {
    PaperReader.Read r;
    try {
      r = PaperReader.read(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CacheException(file + " is not a valid paper record: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new CacheException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new CacheException(file + " is not a valid paper record: " + e.getMessage(), e);
    }
    if (r.schemaVersion() > SCHEMA_VERSION) {
      throw new CacheException(file + " was written by a newer papers (schema " + r.schemaVersion()
          + "; this one reads " + SCHEMA_VERSION + "): upgrade papers");
    }
    if (r.paper().id() == null) {
      throw new CacheException(file + " is not a valid paper record: it has no \"id\"");
    }
    return r.paper();
  }

  /** The bytes of a paper file: the record with its schema version, indented, ending in a newline. */
  public byte[] serialize(Paper p) {
    ObjectMapper mapper = Json.mapper(); // built on first write only: reading needs no mapper
    ObjectNode out = mapper.createObjectNode();
    out.put("schemaVersion", SCHEMA_VERSION);
    out.setAll((ObjectNode) mapper.valueToTree(p));
    try {
      byte[] body = Json.pretty().writeValueAsBytes(out);
      byte[] withNewline = new byte[body.length + 1];
      System.arraycopy(body, 0, withNewline, 0, body.length);
      withNewline[body.length] = '\n';
      return withNewline;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Updates the one entry these identifiers name, creating it when none does, under the paper's lock.
   * When the identifiers turn out to name two entries (a DOI fetched first, its arXiv id later), the
   * younger entry is folded into the older one and its keys become aliases. The change function may be
   * called more than once if another process got in between; it must be a pure function of its input.
   *
   * @param ids every identifier the caller knows for the paper
   * @param change what to do to the entry (a fresh empty entry when there was none)
   * @return the stored result
   */
  public Paper update(Collection<PaperId> ids, UnaryOperator<Paper> change) {
    Set<String> keys = new LinkedHashSet<>();
    for (PaperId id : ids) {
      keys.add(id.withoutVersion().key());
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no identifier");
    }
    Set<String> existing = resolveAllUnshared(keys);
    String arxiv = arxivOf(ids);
    if (existing != null && existing.size() == 1) {
      String canonical = existing.iterator().next();
      try (FileLocks.Handle h = locks.lock(stripe(canonical))) {
        if (resolveAll(keys).equals(existing)) {
          Paper current = read(canonical).orElseThrow();
          if (arxiv == null || current.arxivId() == null || arxiv.equals(current.arxivId())) {
            return store(current, change.apply(current), keys);
          }
        }
      }
    }
    // A new entry, entries to join, or identifiers that name other papers: decided under one lock.
    return updateSeparating(ids, keys, change);
  }

  /**
   * The update of a paper whose identifiers include an arXiv id, or lead to papers with distinct arXiv
   * ids: two papers with distinct arXiv ids are never joined. An identifier that leads to a paper with
   * another arXiv id (a DOI a source gave to both) is shared from then on: it leads to neither, and the
   * paper being updated does not keep it as an alias.
   */
  private Paper updateSeparating(Collection<PaperId> ids, Set<String> keys, UnaryOperator<Paper> change) {
    try (FileLocks.Handle create = locks.lock("create")) {
      Set<String> shared = separate(ids, keys);
      Set<String> kept = new LinkedHashSet<>(keys);
      kept.removeAll(shared);
      for (String k : shared) {
        notices.add(k + " is shared by " + String.join(", ", sharedBy(k))
            + ": distinct arXiv papers are never joined, and it names none of them");
      }
      UnaryOperator<Paper> withoutShared = p -> {
        Paper q = change.apply(p);
        Set<String> a = new TreeSet<>(q.aliases());
        return a.removeAll(shared) ? withAliases(q, a) : q;
      };
      return updateJoining(ids, kept, withoutShared, shared);
    }
  }

  /**
   * Finds the keys that must not lead to the paper being updated, and marks them shared. The paper is
   * the one its arXiv id names (given, or the one arXiv id the keys lead to; when they lead to several,
   * the one the first key leads to). Must hold the creation lock.
   */
  private Set<String> separate(Collection<PaperId> ids, Set<String> keys) {
    String arxiv = arxivOf(ids);
    if (arxiv == null) {
      for (String k : keys) {
        String c = resolve(k);
        String a = c == null ? null : read(c).map(Paper::arxivId).orElse(null);
        if (a != null) {
          arxiv = a;
          break;
        }
      }
    }
    Set<String> shared = new LinkedHashSet<>(sharedKeys(keys));
    if (arxiv == null) {
      return shared;
    }
    String self = null;
    for (String k : keys) {
      String c = resolve(k);
      if (c != null && arxiv.equals(read(c).map(Paper::arxivId).orElse(null))) {
        self = c;
        break;
      }
    }
    String selfKey = self != null ? self : "arxiv:" + arxiv;
    for (String k : keys) {
      String c = resolve(k);
      if (c == null || c.equals(self)) {
        continue;
      }
      String other = read(c).map(Paper::arxivId).orElse(null);
      if (other != null && !other.equals(arxiv)) {
        shared.add(k);
      }
    }
    try {
      for (String k : shared) {
        if (k.equals(selfKey) || Files.isRegularFile(paperFile(k))) {
          continue; // a paper's own key is never shared: it keeps naming that paper
        }
        List<String> names = new ArrayList<>(aliasTargets(k));
        String c = resolve(k);
        if (c != null && !names.contains(c)) {
          names.add(c);
        }
        if (!names.contains(selfKey)) {
          names.add(selfKey);
        }
        AtomicFiles.write(aliasFile(k), (String.join("\n", names) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new CacheException("cannot update the cache in " + root + ": " + e.getMessage(), e);
    }
    shared.removeIf(k -> k.equals(selfKey));
    return shared;
  }

  private Set<String> sharedKeys(Set<String> keys) {
    Set<String> out = new LinkedHashSet<>();
    for (String k : keys) {
      if (!sharedBy(k).isEmpty()) {
        out.add(k);
      }
    }
    return out;
  }

  private Set<String> arxivIds(Set<String> canonicalKeys) {
    Set<String> out = new LinkedHashSet<>();
    for (String c : canonicalKeys) {
      read(c).map(Paper::arxivId).ifPresent(out::add);
    }
    return out;
  }

  private static String arxivOf(Collection<PaperId> ids) {
    for (PaperId id : ids) {
      if (id.kind() == PaperId.Kind.ARXIV) {
        return id.withoutVersion().value();
      }
    }
    return null;
  }

  private Paper updateJoining(Collection<PaperId> ids, Set<String> keys, UnaryOperator<Paper> change,
      Set<String> shared) {
    // A new entry, or two entries to join: one writer at a time decides.
    try (FileLocks.Handle create = locks.lock("create")) {
      Set<String> existing = resolveAll(keys);
      List<Paper> entries = new ArrayList<>();
      for (String k : existing) {
        read(k).ifPresent(entries::add);
      }
      entries.sort(Comparator.comparing(Paper::createdAt).thenComparing(Paper::id));
      List<FileLocks.Handle> held = new ArrayList<>();
      try {
        for (String s : new TreeSet<>(entries.stream().map(p -> stripe(p.id())).collect(Collectors.toList()))) {
          held.add(locks.lock(s));
        }
        Paper base;
        if (entries.isEmpty()) {
          String canonical = Paper.canonicalKey(ids.stream().map(PaperId::withoutVersion)
              .filter(i -> !shared.contains(i.key())).toList());
          if (canonical == null) {
            throw new IllegalArgumentException("no identifier can name a new entry: " + keys);
          }
          try (FileLocks.Handle h = locks.lock(stripe(canonical))) {
            Paper fresh = Paper.create(canonical, clock.instant());
            return store(fresh, change.apply(fresh), keys);
          }
        }
        base = read(entries.get(0).id()).orElseThrow();
        for (Paper other : entries.subList(1, entries.size())) {
          base = base.absorb(other, clock.instant());
        }
        Paper stored = store(base, change.apply(base), keys);
        for (Paper other : entries.subList(1, entries.size())) {
          // Its keys now lead to the older entry; then its file goes.
          for (String k : other.keys()) {
            writeAlias(k, stored.id());
          }
          Files.deleteIfExists(paperFile(other.id()));
          PaperIndex.journal(this, paperFile(other.id()));
        }
        return stored;
      } catch (IOException e) {
        throw new CacheException("cannot update the cache in " + root + ": " + e.getMessage(), e);
      } finally {
        for (int i = held.size() - 1; i >= 0; i--) {
          held.get(i).close();
        }
      }
    }
  }

  /** Updates the entry stored under this canonical key, if there is one. */
  public Optional<Paper> updateExisting(String canonicalKey, UnaryOperator<Paper> change) {
    try (FileLocks.Handle h = locks.lock(stripe(canonicalKey))) {
      Optional<Paper> current = read(canonicalKey);
      if (current.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(store(current.get(), change.apply(current.get()), Set.of()));
    }
  }

  /**
   * What {@link #resolveAll} gives, or null when a key is shared by several papers ({@link #sharedBy}):
   * both from one look at each key's files.
   */
  private Set<String> resolveAllUnshared(Set<String> keys) {
    Set<String> found = new LinkedHashSet<>();
    for (String k : keys) {
      if (Files.isRegularFile(paperFile(k))) {
        found.add(k);
        continue;
      }
      List<String> targets = aliasTargets(k);
      if (targets.size() > 1) {
        return null;
      }
      if (targets.size() == 1 && Files.isRegularFile(paperFile(targets.get(0)))) {
        found.add(targets.get(0));
      }
    }
    return found;
  }

  private Set<String> resolveAll(Set<String> keys) {
    Set<String> found = new LinkedHashSet<>();
    for (String k : keys) {
      String c = resolve(k);
      if (c != null) {
        found.add(c);
      }
    }
    return found;
  }

  private Paper store(Paper before, Paper after, Set<String> extraKeys) {
    if (!after.id().equals(before.id())) {
      throw new IllegalStateException("an entry's id never changes: " + before.id() + " -> " + after.id());
    }
    Set<String> aliases = new TreeSet<>(after.aliases());
    aliases.addAll(extraKeys);
    aliases.remove(after.id());
    List<String> toWrite = new ArrayList<>();
    for (java.util.Iterator<String> it = aliases.iterator(); it.hasNext(); ) {
      String a = it.next();
      if (Files.isRegularFile(paperFile(a))) {
        continue; // another entry's own key: it keeps naming that entry
      }
      List<String> targets = aliasTargets(a);
      if (targets.size() > 1) {
        it.remove(); // shared by several papers: it leads to none of them, this one included
        notices.add(a + " is shared by " + String.join(", ", targets) + ": it names none of them");
      } else if (targets.isEmpty() || !Files.isRegularFile(paperFile(targets.get(0)))) {
        toWrite.add(a);
      }
    }
    Paper p = aliases.equals(new TreeSet<>(after.aliases())) ? after : withAliases(after, aliases);
    try {
      if (!p.equals(before) || !Files.exists(paperFile(p.id()))) {
        AtomicFiles.write(paperFile(p.id()), serialize(p));
        PaperIndex.journal(this, paperFile(p.id()));
      }
      for (String a : toWrite) {
        writeAlias(a, p.id());
      }
    } catch (IOException e) {
      throw new CacheException("cannot write " + paperFile(p.id()) + ": " + e.getMessage(), e);
    }
    return p;
  }

  private void writeAlias(String alias, String canonical) throws IOException {
    if (alias.equals(canonical)) {
      return;
    }
    AtomicFiles.write(aliasFile(alias), (canonical + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static Paper withAliases(Paper p, Set<String> aliases) {
    return p.withAliases(aliases);
  }

  private static String stripe(String canonicalKey) {
    return "paper-" + Math.floorMod(canonicalKey.hashCode(), STRIPES);
  }

  /**
   * The rank index of this cache, brought up to date with the paper files: every paper read in one
   * sequential pass (see {@link PaperIndex}).
   */
  public PaperIndex.View index() {
    return new PaperIndex(this, System::currentTimeMillis, PaperIndex.RACY).open();
  }

  /**
   * Brings the rank index up to date (making it when there is none): a cron {@code refresh} reads the
   * papers it wrote once more, so that the next interactive {@code rank} does not.
   */
  public void updateIndex() {
    index().close();
  }

  /** Whether a rank index has been made for this cache (by a {@code rank}). */
  public boolean hasIndex() {
    return Files.isRegularFile(new PaperIndex(this, System::currentTimeMillis, PaperIndex.RACY).file());
  }

  /** A temporary file this old was left by a process that died mid-write: no write takes an hour. */
  public static final java.time.Duration ABANDONED = java.time.Duration.ofHours(1);

  /**
   * Removes the temporary files of atomic writes ({@code .ID.json.PID.HEX.tmp}) that a killed process
   * left under {@code papers/}, {@code aliases/}, the cache's top directory and {@code .state/locks/},
   * when they are older than {@code olderThan} by the file system's clock (never {@code PAPERS_NOW}:
   * file times are real). A file another process removes first, or one that cannot be removed, is
   * skipped.
   *
   * @return how many were removed
   */
  public int sweepTemporaries(java.time.Duration olderThan) {
    long cutoff = System.currentTimeMillis() - olderThan.toMillis();
    List<Path> dirs = new ArrayList<>(List.of(root, stateDir().resolve("locks")));
    for (String top : List.of("papers", "aliases")) {
      Path d = root.resolve(top);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (DirectoryStream<Path> schemes = Files.newDirectoryStream(d)) {
        for (Path scheme : schemes) {
          if (Files.isDirectory(scheme)) {
            dirs.add(scheme);
          }
        }
      } catch (IOException e) {
        // nothing to sweep that can be listed
      }
    }
    int removed = 0;
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
        for (Path f : files) {
          try {
            if (AtomicFiles.isTemporary(f.getFileName().toString()) && Files.isRegularFile(f)
                && Files.getLastModifiedTime(f).toMillis() < cutoff && Files.deleteIfExists(f)) {
              removed++;
            }
          } catch (IOException e) {
            // gone already, or not ours to remove
          }
        }
      } catch (IOException e) {
        // a directory that cannot be listed is left alone
      }
    }
    return removed;
  }

  /** Every paper file's path, temporaries of interrupted writes left out. */
  public List<Path> files() {
    List<Path> out = new ArrayList<>();
    Path papers = root.resolve("papers");
    if (!Files.isDirectory(papers)) {
      return out;
    }
    try (DirectoryStream<Path> schemes = Files.newDirectoryStream(papers)) {
      for (Path scheme : schemes) {
        if (!Files.isDirectory(scheme)) {
          continue;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(scheme, "*.json")) {
          for (Path f : files) {
            if (!f.getFileName().toString().startsWith(".")) {
              out.add(f);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new CacheException("cannot list " + papers + ": " + e.getMessage(), e);
    }
    out.sort(null);
    return out;
  }

  /**
   * Reads every entry in bounded memory: the files of each {@code papers/<scheme>/} directory in the
   * order the directory lists them, parsed a batch at a time in parallel and handed to {@code each}
   * one at a time, in that order, from this thread. A broken file goes to {@code problems} ("file:
   * what is wrong") instead; a file removed meanwhile (a concurrent join) is skipped.
   */
  public void forEach(java.util.function.Consumer<Paper> each, java.util.function.Consumer<String> problems) {
    Path papers = root.resolve("papers");
    if (!Files.isDirectory(papers)) {
      return;
    }
    List<Path> schemes = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(papers)) {
      for (Path scheme : ds) {
        if (Files.isDirectory(scheme)) {
          schemes.add(scheme);
        }
      }
    } catch (IOException e) {
      throw new CacheException("cannot list " + papers + ": " + e.getMessage(), e);
    }
    schemes.sort(null);
    List<Path> batch = new ArrayList<>(BATCH);
    for (Path scheme : schemes) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(scheme, "*.json")) {
        for (Path f : files) {
          if (!f.getFileName().toString().startsWith(".")) {
            batch.add(f);
            if (batch.size() == BATCH) {
              deliver(batch, each, problems);
              batch.clear();
            }
          }
        }
      } catch (IOException e) {
        throw new CacheException("cannot list " + scheme + ": " + e.getMessage(), e);
      }
    }
    deliver(batch, each, problems);
  }

  private static final int BATCH = 256;

  private void deliver(List<Path> files, java.util.function.Consumer<Paper> each,
      java.util.function.Consumer<String> problems) {
    Object[] results = new Object[files.size()];
    java.util.stream.IntStream.range(0, files.size()).parallel().forEach(i -> results[i] = readOrProblem(files.get(i)));
    for (Object r : results) {
      if (r instanceof Paper p) {
        each.accept(p);
      } else if (r instanceof String s) {
        problems.accept(s);
      }
    }
  }

  /** A file's paper, or "file: what is wrong", or null when it is gone. */
  private Object readOrProblem(Path f) {
    try {
      paperReads.increment();
      return parse(Files.readAllBytes(f), f);
    } catch (NoSuchFileException e) {
      return null; // removed by a concurrent join: its keys now lead elsewhere
    } catch (IOException | RuntimeException e) {
      return f + ": " + e.getMessage();
    }
  }

  /** Result of reading the whole cache: the papers, and the files that could not be read. */
  public record Snapshot(List<Paper> papers, List<String> problems) {}

  /** Reads every entry (in parallel; the order is by file name). Broken files are reported, not fatal. */
  public Snapshot loadAll() {
    List<Path> files = files();
    Object[] results = new Object[files.size()];
    java.util.stream.IntStream.range(0, files.size()).parallel().forEach(i -> {
      Path f = files.get(i);
      try {
        results[i] = parse(Files.readAllBytes(f), f);
      } catch (NoSuchFileException e) {
        results[i] = null; // removed by a concurrent join: its keys now lead elsewhere
      } catch (IOException | RuntimeException e) {
        results[i] = f + ": " + e.getMessage();
      }
    });
    List<Paper> papers = new ArrayList<>(files.size());
    List<String> problems = new ArrayList<>();
    for (Object r : results) {
      if (r instanceof Paper p) {
        papers.add(p);
      } else if (r instanceof String s) {
        problems.add(s);
      }
    }
    return new Snapshot(papers, problems);
  }
}
