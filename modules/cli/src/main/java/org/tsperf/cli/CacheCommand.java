package org.tsperf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tsperf.api.cache.CacheLevel;
import org.tsperf.api.cache.CacheReplay;
import org.tsperf.api.cache.CacheStatistics;
import org.tsperf.api.cache.LevelStatistics;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.cache.ReplayPolicy;
import org.tsperf.api.cache.ReplayResult;
import org.tsperf.api.cache.TraceAccess;
import org.tsperf.api.cache.TraceEvent;
import org.tsperf.api.cache.TraceFile;
import org.tsperf.api.cache.TraceHint;
import org.tsperf.api.util.ByteSizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tsperf cache stats|clear|replay|trace}: the multi-level cache, headless. */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = {"The multi-level cache: figures per level, clearing, and trace replays through the L1 policy.",
            "Disk levels live under $XDG_CACHE_HOME/tsperf (else ~/.cache/tsperf) as in the workbench; --cache-dir or"
                + " -Dtsperf.cache.dir in TSPERF_JAVA_OPTS choose another base. A running workbench holds the stores:"
                + " close it first."},
        subcommands = {CacheCommand.Stats.class, CacheCommand.Clear.class, CacheCommand.Replay.class,
            CacheCommand.Trace.class})
final class CacheCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cache-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Base directory of the disk levels (L2 in DIR/l2, L3 in DIR/l3).")
    Path cacheDir;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "say what to do: stats, clear, replay or trace");
    }

    MultiLevelCache cache() {
        if (cacheDir != null) {
            System.setProperty("tsperf.cache.dir", cacheDir.toString());
        }
        return Services.require(MultiLevelCache.class, "Multi-Level Cache");
    }

    static Map<String, Object> level(LevelStatistics l) {
        return Json.object("level", l.level().name(), "location", l.location(), "entries", l.entries(),
                "bytes", l.bytes(), "budgetBytes", l.budgetBytes(), "hits", l.hits(), "misses", l.misses(),
                "hitRate", round(l.hitRate()), "evictions", l.evictions(), "entryBytes", l.entryBytes());
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Entries, size on disk or in RAM against the budget, hits, misses and evictions per level"
                    + " (counted since this process started: a fresh command shows the content, not past traffic).")
    static final class Stats implements Callable<Integer> {

        @ParentCommand
        CacheCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--level", paramLabel = "L1|L2|L3", description = "Only this level.")
        CacheLevel level;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() {
            MultiLevelCache cache = parent.cache();
            PrintWriter out = spec.commandLine().getOut();
            List<LevelStatistics> levels = cache.levels().stream()
                    .filter(l -> level == null || l.level() == level).toList();
            CacheStatistics total = cache.statistics();
            if (json) {
                List<Object> ls = new ArrayList<>();
                levels.forEach(l -> ls.add(level(l)));
                out.println(Json.line(Json.object("hits", total.hits(), "misses", total.misses(),
                        "hitRate", round(total.hitRate()), "levels", ls)));
                return 0;
            }
            out.printf(Locale.ROOT, "%-5s %9s %24s %8s %8s %8s %9s  %s%n", "level", "entries", "size / budget", "hits",
                    "misses", "hit rate", "evictions", "location");
            for (LevelStatistics l : levels) {
                out.printf(Locale.ROOT, "%-5s %9d %24s %8d %8d %7.1f%% %9d  %s%n", l.level(), l.entries(),
                        ByteSizes.format(l.bytes()) + " / " + ByteSizes.format(l.budgetBytes()), l.hits(), l.misses(),
                        l.hitRate() * 100, l.evictions(), l.location());
            }
            return 0;
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Remove every entry of one level, or of all.")
    static final class Clear implements Callable<Integer> {

        @ParentCommand
        CacheCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--level", paramLabel = "L1|L2|L3", description = "Only this level (default: all).")
        CacheLevel level;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            MultiLevelCache cache = parent.cache();
            String summary = (level == null ? cache.clear() : cache.clear(level)).get(5, TimeUnit.MINUTES);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.line(Json.object("level", level == null ? "all" : level.name(), "summary", summary)));
            } else {
                out.println(summary);
            }
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Replay an access trace through the L1 policy exactly as the application configures it"
                + " (or plain LRU, or Belady's MIN for comparison), in a private cache of CAPACITY bytes.",
                "Trace lines: KEY SIZE_IN_BYTES (blank lines and lines starting with # are skipped). Every access is a"
                    + " get; a miss is followed by a put. Between them, playback hints: @play CLIP N S (playing from"
                    + " frame N, S frames a step: 1 forward, -1 reverse, 0 paused), @loop CLIP A B (looping frames A..B),"
                    + " @scrub CLIP N (dragging the playhead around frame N); frame N of clip CLIP is the key CLIP:fN.",
                "Prints the chosen policy's figures and, for comparison, the hit rates of the default policy without"
                    + " and with the hints, LRU and MIN."})
    static final class Replay implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--trace", paramLabel = "FILE", required = true, description = "The trace file.")
        Path trace;

        @Option(names = "--capacity", paramLabel = "BYTES", required = true,
                description = "Cache size in bytes; K, M, G suffixes (binary) allowed, e.g. 2G.")
        String capacity;

        @Option(names = "--policy", paramLabel = "default|hinted|lru|min", defaultValue = "default",
                description = "default (the application's L1, the trace's hints left out), hinted (the same told the"
                        + " hints), lru, or min (Belady's offline optimum). Default: default.")
        String policy;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            long bytes = parseSize(capacity);
            ReplayPolicy p;
            try {
                p = ReplayPolicy.valueOf(policy.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(),
                        "--policy must be default, hinted, lru or min, not " + policy);
            }
            List<TraceEvent> events = read(trace);
            CacheReplay replay = Services.require(CacheReplay.class, "Multi-Level Cache");
            ReplayResult r = replay.replay(events, bytes, p);
            Map<String, Object> hitRates = new LinkedHashMap<>();
            for (ReplayPolicy other : ReplayPolicy.values()) {
                ReplayResult o = other == p ? r : replay.replay(events, bytes, other);
                hitRates.put(other.name().toLowerCase(Locale.ROOT), round(o.hitRate()));
            }
            long hints = events.stream().filter(TraceHint.class::isInstance).count();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.line(Json.object("trace", trace.toString(), "policy", p.name().toLowerCase(Locale.ROOT),
                        "capacityBytes", r.capacityBytes(), "requests", r.requests(), "hits", r.hits(),
                        "misses", r.requests() - r.hits(), "hitRate", round(r.hitRate()),
                        "requestedBytes", r.requestedBytes(), "hitBytes", r.hitBytes(),
                        "byteHitRate", round(r.byteHitRate()), "hints", hints, "hitRates", hitRates)));
            } else {
                out.printf(Locale.ROOT, "policy %s, capacity %d bytes (%s)%n", p.name().toLowerCase(Locale.ROOT),
                        r.capacityBytes(), ByteSizes.format(r.capacityBytes()));
                out.printf(Locale.ROOT, "requests %d, hits %d, hit rate %.2f %%%n", r.requests(), r.hits(),
                        r.hitRate() * 100);
                out.printf(Locale.ROOT, "bytes requested %d (%s), served from cache %d (%.2f %%)%n",
                        r.requestedBytes(), ByteSizes.format(r.requestedBytes()), r.hitBytes(), r.byteHitRate() * 100);
                out.printf(Locale.ROOT, "hit rates (%d hints): default %.2f %%, hinted %.2f %%, lru %.2f %%, min %.2f %%%n",
                        hints, (double) hitRates.get("default") * 100, (double) hitRates.get("hinted") * 100,
                        (double) hitRates.get("lru") * 100, (double) hitRates.get("min") * 100);
            }
            return 0;
        }

        private long parseSize(String text) {
            String t = text.trim().toUpperCase(Locale.ROOT);
            long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
                case 'K' -> 1L << 10;
                case 'M' -> 1L << 20;
                case 'G' -> 1L << 30;
                default -> 1;
            };
            try {
                long n = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1));
                if (n > 0) {
                    return Math.multiplyExact(n, unit);
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
            throw new ParameterException(spec.commandLine(),
                    "--capacity must be a positive number of bytes (e.g. 2147483648 or 2G), not " + text);
        }

        static List<TraceEvent> read(Path file) throws IOException {
            List<TraceEvent> events;
            try (Stream<String> lines = Files.lines(file)) {
                events = TraceFile.parse((Iterable<String>) lines::iterator, file.toString());
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("no trace file " + file + ": give an existing file with --trace", e);
            }
            if (events.stream().noneMatch(TraceAccess.class::isInstance)) {
                throw new IllegalArgumentException("trace " + file + " has no accesses: one 'KEY SIZE_IN_BYTES' a line");
            }
            return events;
        }
    }

    @Command(name = "trace", mixinStandardHelpOptions = true,
            description = {"Write a simulated editing session (the benchmarks' traces) as a trace file for replay:"
                + " its accesses and the playback hints its player gives, in the format cache replay reads."})
    static final class Trace implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--kind", paramLabel = "KIND", required = true,
                description = "playback, loop, scrub, jumps, thumbnails, mixed or shuttle.")
        String kind;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
                description = "Draws another session of the same kind (0: the benchmarks' own). Default: 0.")
        long seed;

        @Option(names = "--scale", paramLabel = "X", defaultValue = "1",
                description = "Length relative to the benchmarks' traces. Default: 1.")
        double scale;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The trace file to write.")
        Path file;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            CacheReplay replay = Services.require(CacheReplay.class, "Multi-Level Cache");
            if (!replay.editingTraceKinds().contains(kind) || !(scale > 0)) {
                throw new ParameterException(spec.commandLine(), "--kind must be one of "
                        + String.join(", ", replay.editingTraceKinds()) + " and --scale above 0");
            }
            List<TraceEvent> events = replay.editingTrace(kind, seed, scale);
            try (java.io.Writer w = Files.newBufferedWriter(file)) {
                w.write("# tsperf cache trace --kind " + kind + " --seed " + seed + " --scale " + scale + "\n");
                TraceFile.write(events, w);
            }
            long hints = events.stream().filter(TraceHint.class::isInstance).count();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.line(Json.object("trace", file.toString(), "kind", kind, "seed", seed,
                        "accesses", events.size() - hints, "hints", hints)));
            } else {
                out.printf(Locale.ROOT, "wrote %d accesses and %d hints to %s%n", events.size() - hints, hints, file);
            }
            return 0;
        }
    }
}
