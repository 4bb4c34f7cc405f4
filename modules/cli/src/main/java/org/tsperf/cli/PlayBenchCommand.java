package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.gpu.ProcessorStatus;
import org.tsperf.api.gpu.VideoProcessor;
import org.tsperf.api.media.DecodeOptions;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaTools;
import org.tsperf.api.playback.PlaybackCounters;
import org.tsperf.api.playback.PlaybackService;
import org.tsperf.api.playback.Player;
import org.tsperf.api.playback.PlayerOptions;
import org.tsperf.api.playback.PlayerState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tsperf bench play SRC...}: the playback engine against the ffmpeg command line's decode-only speed of the
 * same file and against ffmpeg doing the engine's job (decoding and scaling to the view's size in RGBA), measured in
 * the same run; then playback at the file's rate from the original and from its proxy, and
 * seeks on the proxy.
 */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = {"Playback benchmark, per source: ffmpeg's decode-only speed (ffmpeg -threads N -i SRC -f null"
            + " -, the bundled executable) and its speed doing the engine's job (-vf scale=W:-2:flags=area,format=rgba),"
            + " the engine's delivered fps from the original as fast as it goes (and its ratios to both), the original at the file's rate (dropped and late frames), its ready proxy at the"
            + " file's rate, and seeks on the proxy (request to picture, p50/p99/max)."})
final class PlayBenchCommand implements Callable<Integer> {

    private static final int WARM_UP_SEEKS = 20;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SRC", description = "Media files.")
    List<Path> sources;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Where the proxies are (default: ~/.tsperf/proxies; make them with tsperf proxy).")
    Path store;

    @Option(names = "--threads", paramLabel = "N",
            description = "ffmpeg's decoder threads (default: as many as the engine's decoder uses).")
    Integer threads;

    @Option(names = "--seeks", paramLabel = "N", defaultValue = "300",
            description = "Seeks on the proxy, after 20 not counted (the code warming up). Default: ${DEFAULT-VALUE}.")
    int seeks;

    @Option(names = "--width", paramLabel = "W", defaultValue = "960",
            description = "The view's width. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--max-only", description = "Only the speeds: ffmpeg's and the engine's as fast as it goes (no play"
            + " at the file's rate, no proxy, no seeks).")
    boolean maxOnly;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    /** One play through a file. */
    record Run(String source, String decoder, double seconds, PlaybackCounters counters, double cpuSeconds) {
        double fps() {
            return counters.presented() / Math.max(1e-9, seconds);
        }
    }

    @Override
    public Integer call() throws Exception {
        for (Path s : sources) {
            if (!Files.isRegularFile(s)) {
                throw new ParameterException(spec.commandLine(), s + ": no such file");
            }
        }
        // a frame cache of its own, empty: pictures the user's cache kept from earlier runs would be hits. Emptied
        // before the run, not removed after it: the cache commits its disk indexes when the JVM exits
        Path cacheDir = Path.of(System.getProperty("java.io.tmpdir"), "tsperf-bench-play-cache-"
                + System.getProperty("user.name"));
        if (Files.exists(cacheDir)) {
            MemoryBench.removeTree(cacheDir);
        }
        Files.createDirectories(cacheDir);
        System.setProperty("tsperf.cache.dir", cacheDir.toString());
        try {
            return measure();
        } finally {
            Services.require(MultiLevelCache.class, "Multi-Level Cache").clear().join();
        }
    }

    private int measure() throws Exception {
        MultiLevelCache cache = Services.require(MultiLevelCache.class, "Multi-Level Cache");
        Path ffmpeg = Services.require(MediaTools.class, "Media Core").ffmpeg();
        PlaybackService playback = Services.require(PlaybackService.class, "Playback and Viewer");
        PlaybackProxies.configure(store, true);
        PrintWriter err = spec.commandLine().getErr();
        List<Object> results = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        for (Path src : sources) {
            Path file = src.toAbsolutePath().normalize();
            long frames;
            int n;
            try (FrameSource f = Services.require(MediaDecoder.class, "Media Core").open(file,
                    DecodeOptions.playback())) {
                frames = f.format().frameCount();
                n = threads != null ? threads : f.decoder().threads(); // the same threads as the engine
            }
            err.printf(Locale.ROOT, "%s: ffmpeg decode-only with %d threads...%n", file.getFileName(), n);
            double load = ProxyBenchmark.load();
            long c0 = ProxyBenchmark.cpuTicks();
            double ffmpegSeconds = ffmpegDecode(ffmpeg, file, n, null);
            double ffmpegCpu = cpuSince(c0);
            double ffmpegFps = frames / ffmpegSeconds;
            err.printf(Locale.ROOT, "%s: ffmpeg decoding and scaling to %d wide RGBA (the engine's job)...%n",
                    file.getFileName(), width);
            double sameJobSeconds = ffmpegDecode(ffmpeg, file, n, "scale=" + width + ":-2:flags=area,format=rgba");
            double sameJobFps = frames / sameJobSeconds;
            err.printf(Locale.ROOT, "%s: the engine as fast as it goes, original...%n", file.getFileName());
            cache.clear().join();
            Run max = playThrough(playback, file, PlayerOptions.ProxyUse.OFF, false);
            cache.clear().join();
            Run original = null;
            Run proxy = null;
            if (!maxOnly) {
                err.printf(Locale.ROOT, "%s: the original at its rate...%n", file.getFileName());
                original = playThrough(playback, file, PlayerOptions.ProxyUse.OFF, true);
                err.printf(Locale.ROOT, "%s: the proxy at its rate...%n", file.getFileName());
                cache.clear().join();
                proxy = playThrough(playback, file, PlayerOptions.ProxyUse.CONFIGURED, true);
                cache.clear().join();
            }
            ProcessorStatus processing = Services.require(VideoProcessor.class, "GPU Acceleration").status();
            boolean hasProxy = proxy != null && proxy.source().startsWith("Proxy");
            double[] scrub = hasProxy ? scrub(playback, file) : null;
            Map<String, Object> r = Json.object("source", file.toString(), "frames", frames, "threads", n,
                    "loadAverage", round(load), "ffmpegDecodeSeconds", round(ffmpegSeconds),
                    "ffmpegDecodeCpuSeconds", round(ffmpegCpu), "ffmpegDecodeFps", round(ffmpegFps),
                    "ffmpegSameJobFps", round(sameJobFps),
                    "engineMax", run(max), "engineToFfmpeg", round(max.fps() / ffmpegFps),
                    "engineToFfmpegCpu", round(ffmpegCpu / max.cpuSeconds()),
                    "frameOperations", Json.object("path", processing.path().name(), "reason", processing.reason()),
                    "engineToFfmpegSameJob", round(max.fps() / sameJobFps),
                    "original", original == null ? null : run(original), "proxy", hasProxy ? run(proxy) : null,
                    "scrubMs", scrub == null ? null : Json.object("p50", round(scrub[0]), "p99", round(scrub[1]),
                            "max", round(scrub[2])));
            results.add(r);
            if (!json) {
                out.printf(Locale.ROOT, "%s (%d frames)%n", file.getFileName(), frames);
                out.printf(Locale.ROOT, "  ffmpeg -threads %d decode-only: %.1f fps (%.2f s, %.2f s of CPU; load"
                        + " average %.2f)%n", n, ffmpegFps, ffmpegSeconds, ffmpegCpu, load);
                out.printf(Locale.ROOT, "  ffmpeg -threads %d decoding and scaling to %d wide RGBA: %.1f fps%n", n,
                        width, sameJobFps);
                out.printf(Locale.ROOT, "  engine, original, as fast as it goes: %.1f fps = %.2fx ffmpeg decode-only,"
                        + " %.2fx ffmpeg doing the same job (%s)%n", max.fps(), max.fps() / ffmpegFps,
                        max.fps() / sameJobFps, max.decoder());
                out.printf(Locale.ROOT, "    %.2f s of CPU: ffmpeg decode-only needs %.2fx of it; frame operations on"
                        + " %s (%s)%n", max.cpuSeconds(), ffmpegCpu / max.cpuSeconds(), processing.path(),
                        processing.reason());
                if (maxOnly) {
                    continue;
                }
                out.printf(Locale.ROOT, "  engine, original, at its rate: %.1f fps, %d dropped, %d late of %d%n",
                        original.fps(), original.counters().dropped(), original.counters().late(), frames);
                if (hasProxy) {
                    out.printf(Locale.ROOT, "  engine, %s, at its rate: %.1f fps, %d dropped, %d late%n",
                            proxy.source(), proxy.fps(), proxy.counters().dropped(), proxy.counters().late());
                    out.printf(Locale.ROOT, "  %d seeks on the proxy: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                            seeks, scrub[0], scrub[1], scrub[2]);
                } else {
                    out.printf(Locale.ROOT, "  no ready proxy in the store: make one with tsperf proxy%n");
                }
            }
        }
        if (json) {
            out.println(Json.line(Json.object("width", width, "results", results)));
        }
        return 0;
    }

    private static Map<String, Object> run(Run r) {
        return Json.object("read", r.source(), "decoder", r.decoder(), "seconds", round(r.seconds()),
                "cpuSeconds", round(r.cpuSeconds()),
                "deliveredFps", round(r.fps()), "shown", r.counters().presented(), "dropped", r.counters().dropped(),
                "late", r.counters().late(), "cacheHits", r.counters().cacheHits(), "decodeMsP50", round(r.counters().decodeP50Ms()),
                "convertMsP50", round(r.counters().convertP50Ms()));
    }

    /** Seconds ffmpeg takes to decode the file's video, through {@code filter} when not null. */
    private static double ffmpegDecode(Path ffmpeg, Path file, int threads, String filter) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-v", "error",
                "-threads", Integer.toString(threads), "-i", file.toString(), "-map", "0:v:0"));
        if (filter != null) {
            cmd.addAll(List.of("-vf", filter));
        }
        cmd.addAll(List.of("-f", "null", "-"));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("ffmpeg could not decode " + file + " (exit " + p.exitValue() + ")");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Plays the whole file once from its first frame; the time runs from play to the last frame shown. */
    private Run playThrough(PlaybackService playback, Path file, PlayerOptions.ProxyUse proxies, boolean paced)
            throws InterruptedException {
        try (Player player = playback.createPlayer(new PlayerOptions(proxies, false, paced))) {
            PlayerWatcher watcher = new PlayerWatcher(player);
            player.setViewSize(width, Math.max(16, width * 9 / 16));
            player.open(file);
            PlayerState opened = watcher.awaitOpened(180);
            if (opened.status() != PlayerState.Status.READY) {
                throw new IllegalStateException(file + ": " + opened.message());
            }
            long last = opened.frameCount() - 1;
            long c0 = ProxyBenchmark.cpuTicks();
            long t0 = System.nanoTime();
            player.play();
            long deadline = t0 + TimeUnit.SECONDS.toNanos(60) + (long) (20e9 * opened.frameCount()
                    / Math.max(1, opened.frameRate()));
            PlayerState s = player.state();
            while (s.playing() || s.frame() != last) {
                if (s.status() == PlayerState.Status.FAILED) {
                    throw new IllegalStateException(file + ": " + s.message());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(file + ": playback did not reach the end in time: " + s);
                }
                s = watcher.awaitChange(200);
            }
            return new Run(s.source(), s.decoder(), (System.nanoTime() - t0) / 1e9, s.counters(), cpuSince(c0));
        }
    }

    /** p50, p99 and max of seeks (two short hops for each long jump), milliseconds. */
    private double[] scrub(PlaybackService playback, Path file) throws InterruptedException {
        try (Player player = playback.createPlayer(new PlayerOptions(PlayerOptions.ProxyUse.CONFIGURED, false,
                true))) {
            PlayerWatcher watcher = new PlayerWatcher(player);
            player.setViewSize(width, Math.max(16, width * 9 / 16));
            player.open(file);
            long count = watcher.awaitOpened(180).frameCount();
            SeekLatency.Figures f;
            try {
                f = SeekLatency.measure(player, watcher, count, seeks, WARM_UP_SEEKS, 1);
            } catch (SeekLatency.NotShown ex) {
                throw new IllegalStateException(file + ": " + ex.getMessage(), ex);
            }
            return new double[] {f.p50(), f.p99(), f.max()};
        }
    }

    /** CPU seconds (user + system) of this JVM and the children it waited for since {@code ticks}; NaN unknown. */
    private static double cpuSince(long ticks) {
        long now = ProxyBenchmark.cpuTicks();
        return ticks < 0 || now < 0 ? Double.NaN : (now - ticks) / 100.0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
