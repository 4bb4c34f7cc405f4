package org.tsperf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.tsperf.api.cache.CacheKey;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.memory.AllocationRequest;
import org.tsperf.api.memory.BufferHandle;
import org.tsperf.api.memory.BufferKind;
import org.tsperf.api.memory.MemoryManager;
import org.tsperf.api.memory.MemoryProfile;
import org.tsperf.api.memory.Priority;
import org.tsperf.api.playback.PlaybackService;
import org.tsperf.api.playback.Player;
import org.tsperf.api.playback.PlayerOptions;
import org.tsperf.api.playback.PlayerState;
import org.tsperf.api.proxy.ProxyJob;
import org.tsperf.api.proxy.ProxyResult;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskType;
import org.tsperf.api.util.ByteSizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tsperf memory bench}: resident memory of simulated 4K playback (frame buffers from the pools, a viewer-sized
 * copy of every frame into the frame cache) while proxy jobs run, under a memory profile; sampled every 100 ms from
 * {@code /proc}, for this JVM and for its ffmpeg children, against the profile's budget (heap + pools + cache).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Resident memory of simulated 4K playback at 30 fps with proxy jobs running, against the memory"
            + " profile's budget (heap + pools + L1 cache). Run it with the profile's heap, e.g."
            + " TSPERF_JAVA_OPTS=-Xmx1g for the 8 GB profile.",
            "Exit 0 when the peak resident memory of this process and its ffmpeg children together stays within the"
            + " budget, 1 when it does not."})
final class MemoryBench implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(MemoryBench.class.getName());
    static final int WIDTH = 3840;
    static final int HEIGHT = 2160;
    static final int FRAME_BYTES = WIDTH * HEIGHT * 4;
    /** Frames in flight: decoded ahead, on screen, being released. */
    static final int IN_FLIGHT = 8;
    static final int VIEWER_BYTES = 960 * 540 * 4;

    @Spec
    CommandSpec spec;

    /** What --play read, in words ("Proxy Quarter (960x540)"), once played. */
    private String playedSource = "";

    @Option(names = "--seconds", defaultValue = "60", description = "Playback length (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--profile", defaultValue = "8", description = "Memory profile: 4, 8, 16, 32 or 64 (GB machine)"
            + " (default ${DEFAULT-VALUE}).")
    String profileName;

    @Option(names = "--proxy", paramLabel = "SRC", description = "A source to make proxies of (quarter + half) while"
            + " playing, into a temporary store; repeat for parallel jobs (two in the reference run).")
    List<Path> proxySources = new ArrayList<>();

    @Option(names = "--play", paramLabel = "FILE", description = "Play this file with the playback engine (in a"
            + " loop, from its proxy when one is ready in --store) instead of simulating 4K playback.")
    Path playFile;

    @Option(names = "--store", paramLabel = "DIR", description = "Where --play looks for proxies (default:"
            + " ~/.tsperf/proxies, where tsperf proxy puts them).")
    Path playStore;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || seconds > 3600) {
            throw new ParameterException(spec.commandLine(), "--seconds must be 1 to 3600, not " + seconds);
        }
        MemoryProfile profile;
        try {
            profile = MemoryProfile.named(profileName);
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), ex.getMessage());
        }
        if (playFile != null && !Files.isRegularFile(playFile)) {
            throw new ParameterException(spec.commandLine(), playFile + ": no such file (--play takes a media file)");
        }
        for (Path p : proxySources) {
            if (!Files.isRegularFile(p)) {
                throw new ParameterException(spec.commandLine(), p + ": no such file (--proxy takes media files)");
            }
        }
        System.setProperty("tsperf.memory.profile", profile.name()); // read when the memory manager starts
        MemoryManager memory = Services.require(MemoryManager.class, "Memory Manager");
        MultiLevelCache cache = Lookup.getDefault().lookup(MultiLevelCache.class);
        PrintWriter err = spec.commandLine().getErr();
        if (!memory.profile().equals(profile)) {
            // the memory manager started earlier in this JVM with another profile: measure against the one it uses
            err.printf(Locale.ROOT, "warning: the memory manager runs the %s profile, not %s; measuring against it%n",
                    memory.profile().name(), profile.name());
            profile = memory.profile();
        }
        long budget = profile.totalBytes();
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (maxHeap > profile.heapBytes() * 1.05) {
            err.printf(Locale.ROOT, "warning: this JVM's heap limit is %s, the profile's %s: run with"
                    + " TSPERF_JAVA_OPTS=-Xmx%dm to measure what the workbench would use%n", ByteSizes.format(maxHeap),
                    ByteSizes.format(profile.heapBytes()), profile.heapBytes() >> 20);
        }
        long baseline = rss(ProcessHandle.current().pid());
        Sampler sampler = new Sampler();
        sampler.start();
        long gcCount0 = gcCount();
        long gcMillis0 = gcMillis();

        Path proxyStore = Files.createTempDirectory("tsperf-memory-bench-proxies");
        List<ProxyJob> jobs = startProxies(err, proxyStore);
        int[] played = playFile != null ? enginePlayback(err, sampler) : simulatedPlayback(memory, cache, err, sampler);
        int frames = played[0];
        int late = played[1];
        List<Object> proxies = new ArrayList<>();
        try {
            for (ProxyJob j : jobs) {
                ProxyResult r = j.result().get(20, TimeUnit.MINUTES);
                proxies.add(Json.object("source", r.source().toString(), "status", r.status().name()
                        .toLowerCase(Locale.ROOT), "error", r.error()));
            }
        } finally {
            jobs.forEach(j -> j.cancel("the memory benchmark ended"));
            removeTree(proxyStore); // the proxies were only load: they must not fill the disk
        }
        sampler.stop();
        err.println();
        long gcCount = gcCount() - gcCount0;
        long gcMillis = gcMillis() - gcMillis0;
        boolean within = sampler.peakTotal <= budget;
        Map<String, Object> result = Json.object("profile", profile.name(), "budgetBytes", budget,
                "maxHeapBytes", maxHeap, "baselineRssBytes", baseline, "peakRssBytes", sampler.peakSelf,
                "peakChildrenRssBytes", sampler.peakChildren,
                "childrenAtPeak", sampler.peakChildrenDetail, "peakTotalRssBytes", sampler.peakTotal,
                "peakRssToBudget", ratio(sampler.peakSelf, budget), "peakTotalToBudget", ratio(sampler.peakTotal,
                        budget), "frames", frames, "lateFrames", late, "played", playFile == null ? null
                : Json.object("file", playFile.toAbsolutePath().toString(), "source", playedSource), "gcCollections", gcCount, "gcMillis", gcMillis,
                "proxyJobs", proxies, "withinBudget", within);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.line(result));
        } else {
            out.printf(Locale.ROOT, "profile %s: budget %s (heap %s, pools %s, cache %s); this JVM's heap limit %s%n",
                    profile.name(), ByteSizes.format(budget), ByteSizes.format(profile.heapBytes()),
                    ByteSizes.format(profile.poolBytes()), ByteSizes.format(profile.cacheBytes()),
                    ByteSizes.format(maxHeap));
            if (playFile != null) {
                out.printf(Locale.ROOT, "playback engine: %s from %s, %d frames shown, %d dropped or late; proxy jobs:"
                        + " %s%n", playFile.getFileName(), playedSource, frames, late, proxies.isEmpty() ? "none"
                        : proxies);
            } else {
                out.printf(Locale.ROOT, "simulated playback: %d frames of %dx%d RGBA at 30 fps, %d late; proxy jobs:"
                        + " %s%n", frames, WIDTH, HEIGHT, late, proxies.isEmpty() ? "none" : proxies);
            }
            out.printf(Locale.ROOT, "resident before: %s; peak: this JVM %s (%.2fx budget), ffmpeg children %s,"
                    + " together %s (%.2fx budget)%n", ByteSizes.format(baseline),
                    ByteSizes.format(sampler.peakSelf), ratio(sampler.peakSelf, budget),
                    ByteSizes.format(sampler.peakChildren), ByteSizes.format(sampler.peakTotal),
                    ratio(sampler.peakTotal, budget));
            out.printf(Locale.ROOT, "garbage collections during the run: %d (%d ms)%n%s%n", gcCount, gcMillis,
                    within ? "within budget" : "OVER BUDGET");
        }
        return within ? 0 : 1;
    }

    /**
     * The playback engine playing {@code --play} in a loop at its rate (sound off), as the Viewer would.
     *
     * @return frames shown, and frames dropped or shown late
     */
    private int[] enginePlayback(PrintWriter err, Sampler sampler) throws InterruptedException {
        PlaybackProxies.configure(playStore, true);
        PlaybackService playback = Services.require(PlaybackService.class, "Playback and Viewer");
        try (Player player = playback.createPlayer(new PlayerOptions(PlayerOptions.ProxyUse.CONFIGURED, false,
                true))) {
            player.setViewSize(960, 540);
            player.open(playFile.toAbsolutePath());
            long openDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (player.state().status() != PlayerState.Status.READY || player.picture().isEmpty()) {
                if (player.state().status() == PlayerState.Status.FAILED || System.nanoTime() > openDeadline) {
                    throw new IllegalStateException("cannot play " + playFile + ": " + player.state().message());
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
            PlayerState opened = player.state();
            player.setLoop(0, opened.frameCount() - 1);
            player.play();
            err.printf(Locale.ROOT, "playing %s from %s%n", playFile.getFileName(), opened.source());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                TimeUnit.MILLISECONDS.sleep(1000);
                PlayerState s = player.state();
                if (s.status() == PlayerState.Status.FAILED) {
                    throw new IllegalStateException("playback of " + playFile + " failed: " + s.message());
                }
                err.printf(Locale.ROOT, "\rplayed %d frames (%d dropped, %d late), resident %s (+ffmpeg %s)   ",
                        s.counters().presented(), s.counters().dropped(), s.counters().late(),
                        ByteSizes.format(sampler.lastSelf.get()), ByteSizes.format(sampler.lastChildren.get()));
                err.flush();
            }
            player.pause();
            PlayerState s = player.state();
            playedSource = s.source();
            return new int[] {(int) s.counters().presented(), (int) (s.counters().dropped() + s.counters().late())};
        }
    }

    /**
     * The simulation without {@code --play}: 4K RGBA frame buffers from the pools at 30 fps, a 960x540 copy of
     * each into the frame cache.
     *
     * @return frames, and frames late
     */
    private int[] simulatedPlayback(MemoryManager memory, MultiLevelCache cache, PrintWriter err, Sampler sampler)
            throws InterruptedException {
        long started = System.nanoTime();
        int late = 0;
        int frames = seconds * 30;
        Deque<BufferHandle> inFlight = new ArrayDeque<>();
        byte[] viewer = new byte[VIEWER_BYTES];
        List<CacheKey> cached = new ArrayList<>();
        try {
            for (int i = 0; i < frames; i++) {
                Optional<BufferHandle> h = memory.allocate(AllocationRequest.exactly(FRAME_BYTES, Priority.CRITICAL,
                        BufferKind.VIDEO, java.time.Duration.ofSeconds(1)));
                if (h.isEmpty()) {
                    late++;
                    continue;
                }
                touch(h.get().buffer(), i);
                inFlight.addLast(h.get());
                if (inFlight.size() > IN_FLIGHT) {
                    inFlight.removeFirst().release();
                }
                if (cache != null) {
                    viewer[i % viewer.length] = (byte) i;
                    CacheKey key = CacheKey.frame("tsperf-memory-bench", i * 33_333L, 960, 540, "viewer");
                    cache.put(key, viewer.clone());
                    cached.add(key);
                }
                long due = started + (i + 1) * 1_000_000_000L / 30;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } else if (wait < -33_333_333L) {
                    late++;
                }
                if (i % 30 == 29) {
                    err.printf(Locale.ROOT, "\rplayed %d s of %d, resident %s (+ffmpeg %s)   ", (i + 1) / 30,
                            seconds, ByteSizes.format(sampler.lastSelf.get()),
                            ByteSizes.format(sampler.lastChildren.get()));
                    err.flush();
                }
            }
        } finally {
            inFlight.forEach(BufferHandle::release);
            if (cache != null) {
                cached.forEach(cache::invalidate); // the bench's frames must not stay in the user's cache
            }
        }
        return new int[] {frames, late};
    }

    private List<ProxyJob> startProxies(PrintWriter err, Path store) {
        List<ProxyJob> jobs = new ArrayList<>();
        if (proxySources.isEmpty()) {
            return jobs;
        }
        ProxyService proxies = Services.require(ProxyService.class, "Proxy Engine");
        Services.require(TaskService.class, "Background Tasks").setWorkers(TaskType.PROXY, proxySources.size());
        for (Path p : proxySources) {
            jobs.add(proxies.generateNow(p, ProxySettings.defaults(store)));
        }
        err.printf(Locale.ROOT, "%d proxy job(s) into %s%n", jobs.size(), store);
        return jobs;
    }

    /** Deletes a folder the command made, logging (not failing) when it cannot. */
    static void removeTree(Path dir) {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "the benchmark's temporary proxy store " + dir + " was not removed; delete it", ex);
        }
    }

    /** Writes one long per 4 KiB page and a frame number, as a decoder filling the frame would make it resident. */
    private static void touch(ByteBuffer b, int frame) {
        for (int i = 0; i + 8 <= b.capacity(); i += 4096) {
            b.putLong(i, frame);
        }
    }

    private static double ratio(long a, long b) {
        return Math.round(a * 1000.0 / b) / 1000.0;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** VmRSS of a process in bytes from /proc, 0 when it has gone. */
    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException ex) {
            LOG.log(Level.FINEST, "process " + pid + " ended while sampled", ex);
        }
        return 0;
    }

    /** Samples resident memory of this process and of its descendants every 100 ms. */
    private static final class Sampler {
        final AtomicLong lastSelf = new AtomicLong();
        final AtomicLong lastChildren = new AtomicLong();
        volatile long peakSelf;
        volatile long peakChildren;
        volatile long peakTotal;
        /** The descendants at the peak of the total: which processes made it. */
        volatile List<Object> peakChildrenDetail = List.of();
        private final LongPredicate sameImage = ProcessImage.sameAsThisProcess();
        private final Thread thread = new Thread(this::run, "tsperf-rss-sampler");
        private volatile boolean running = true;

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        private void run() {
            long self = ProcessHandle.current().pid();
            while (running) {
                long s = rss(self);
                List<Object> parts = new ArrayList<>();
                long c = 0;
                for (ProcessHandle p : (Iterable<ProcessHandle>) ProcessHandle.current().descendants()::iterator) {
                    if (sameImage.test(p.pid())) {
                        LOG.log(Level.FINE, "child {0} is still this JVM being spawned: not counted", p.pid());
                        continue;
                    }
                    long r = rss(p.pid());
                    if (r > 0) {
                        c += r;
                        parts.add(Json.object("pid", p.pid(), "command", p.info().command().orElse("?"),
                                "rssBytes", r));
                    }
                }
                if (s + c > peakTotal) {
                    peakChildrenDetail = List.copyOf(parts);
                }
                lastSelf.set(s);
                lastChildren.set(c);
                peakSelf = Math.max(peakSelf, s);
                peakChildren = Math.max(peakChildren, c);
                peakTotal = Math.max(peakTotal, s + c);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
