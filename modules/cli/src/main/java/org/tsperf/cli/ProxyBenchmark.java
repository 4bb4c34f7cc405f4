package org.tsperf.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyQuality;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxyResult;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxySettings;

/**
 * The proxy benchmark: per round, every variant once (the order reversed every other round), each into fresh
 * temporary files, so that the ratios of one round come from the same machine state. Baselines run the same ffmpeg
 * executable the proxy engine bundles.
 */
final class ProxyBenchmark {

    /** Where the launcher keeps the commands' class-data archives (set by {@code ./tsperf}). */
    static final String CDS_DIR_PROPERTY = "tsperf.cds.dir";

    private static final Logger LOG = Logger.getLogger(ProxyBenchmark.class.getName());

    /** What is timed. {@code id}s are public interface (JSON). */
    enum Variant {
        DECODE("decode", "decode only: ffmpeg -i SRC -f null -"),
        FFMPEG_QUARTER("ffmpeg_quarter", "ffmpeg command line, quarter proxy (one run)"),
        FFMPEG_HALF("ffmpeg_half", "ffmpeg command line, half proxy (one run)"),
        TSPERF_QUARTER("tsperf_quarter", "tsperf proxy engine in this JVM, quarter (no JVM start)"),
        TSPERF_BOTH("tsperf_both", "tsperf proxy engine in this JVM, quarter+half (no JVM start)"),
        COMMAND_QUARTER("command_quarter", "tsperf proxy command, a new JVM, quarter (JVM start included)"),
        COMMAND_BOTH("command_both", "tsperf proxy command, a new JVM, quarter+half (JVM start included)");

        final String id;
        final String description;

        Variant(String id, String description) {
            this.id = id;
            this.description = description;
        }

        boolean command() {
            return this == COMMAND_QUARTER || this == COMMAND_BOTH;
        }
    }

    /** A ratio of two timings of one round; {@code target} is the most it should be, or NaN for none. */
    record RatioDef(String id, String description, double target, Variant numerator, Variant... denominator) {

        double of(Map<Variant, Run> runs) {
            return of(runs, Run::seconds);
        }

        double cpu(Map<Variant, Run> runs) {
            return of(runs, Run::cpuSeconds);
        }

        private double of(Map<Variant, Run> runs, java.util.function.ToDoubleFunction<Run> figure) {
            Run n = runs.get(numerator);
            double d = 0;
            for (Variant v : denominator) {
                Run r = runs.get(v);
                if (r == null || n == null) {
                    return Double.NaN;
                }
                d += figure.applyAsDouble(r);
            }
            return figure.applyAsDouble(n) / d;
        }
    }

    static final List<RatioDef> RATIOS = List.of(
            new RatioDef("both_vs_ffmpeg_two_runs", "tsperf quarter+half / (ffmpeg quarter + ffmpeg half)", 0.8,
                    Variant.TSPERF_BOTH, Variant.FFMPEG_QUARTER, Variant.FFMPEG_HALF),
            new RatioDef("quarter_vs_ffmpeg", "tsperf quarter / ffmpeg quarter", 1.1,
                    Variant.TSPERF_QUARTER, Variant.FFMPEG_QUARTER),
            new RatioDef("both_vs_decode", "tsperf quarter+half / decode only", Double.NaN,
                    Variant.TSPERF_BOTH, Variant.DECODE),
            new RatioDef("command_both_vs_ffmpeg_two_runs",
                    "tsperf command quarter+half / (ffmpeg quarter + ffmpeg half)", 0.8,
                    Variant.COMMAND_BOTH, Variant.FFMPEG_QUARTER, Variant.FFMPEG_HALF),
            new RatioDef("command_quarter_vs_ffmpeg", "tsperf command quarter / ffmpeg quarter", 1.1,
                    Variant.COMMAND_QUARTER, Variant.FFMPEG_QUARTER),
            new RatioDef("command_both_vs_decode", "tsperf command quarter+half / decode only", Double.NaN,
                    Variant.COMMAND_BOTH, Variant.DECODE));

    /**
     * One timed run.
     *
     * @param seconds    wall time
     * @param ffmpegPeak the largest peak resident set of an ffmpeg process it ran, bytes (0 if none was seen)
     * @param jvmPeak    peak resident set of the command's JVM, bytes (command variants only, else 0)
     * @param cpuSeconds CPU time (user + system) of this JVM and of every process it (or a child it waited for) ran
     *                   meanwhile: all the work the variant did, whoever else loads the machine; NaN if unknown
     */
    record Run(Variant variant, double seconds, long ffmpegPeak, long jvmPeak, double cpuSeconds) {
    }

    /** One round: every variant once, with the 1-minute load average before and after. */
    record Round(int number, double loadBefore, double loadAfter, List<Run> runs) {

        Map<Variant, Run> byVariant() {
            Map<Variant, Run> m = new LinkedHashMap<>();
            runs.forEach(r -> m.put(r.variant(), r));
            return m;
        }
    }

    /** A source's proxy sizes, as the engine's strategy makes them (checked against what it made). */
    record Source(Path file, int width, int height, double frameRate, long frames, int[] quarter, int[] half) {
    }

    private final String ffmpeg;
    private final ProxyService proxies;
    private final MediaProbe probe;
    private final Path work;
    private final Consumer<String> log;

    ProxyBenchmark(String ffmpeg, ProxyService proxies, MediaProbe probe, Path work, Consumer<String> log) {
        this.ffmpeg = ffmpeg;
        this.proxies = proxies;
        this.probe = probe;
        this.work = work;
        this.log = log;
    }

    /** Probes {@code file} and works out its Quarter and Half sizes; refuses a source too narrow for Quarter. */
    Source source(Path file) throws IOException {
        MediaInfo info = probe.probe(file);
        VideoStreamInfo v = info.mainVideo().orElseThrow(() -> new IOException(file + ": has no video stream"));
        if (v.displayWidth() <= 1920) {
            throw new IOException(file + ": is " + v.displayWidth() + " px wide; the proxy engine makes no Quarter"
                    + " proxy of sources up to 1920 px wide, so there is nothing to compare. Give a 4K or larger clip.");
        }
        long frames = v.frameCount() > 0 ? v.frameCount() : Math.round(v.durationSeconds() * v.frameRate());
        return new Source(file, v.displayWidth(), v.displayHeight(), v.frameRate(), frames,
                size(v.displayWidth(), v.displayHeight(), ProxyResolution.QUARTER),
                size(v.displayWidth(), v.displayHeight(), ProxyResolution.HALF));
    }

    /**
     * The proxy size the engine's strategy gives (README: scale, fitted in the box, aspect kept, even): the
     * engine's own results are checked against it, so a drift fails the benchmark instead of comparing unlike files.
     */
    static int[] size(int sw, int sh, ProxyResolution r) {
        double f = Math.min(r.scale(), Math.min((double) r.maxWidth() / sw, (double) r.maxHeight() / sh));
        int w = Math.max(2, (int) Math.round(sw * f / 2) * 2);
        int h = Math.max(2, (int) Math.round(sh * f / 2) * 2);
        return new int[] {Math.min(w, r.maxWidth() / 2 * 2), Math.min(h, r.maxHeight() / 2 * 2)};
    }

    /** Frames between keyframes as the engine sets them: half the frame rate rounded down (half a second). */
    static int gop(double fps) {
        return fps > 0 ? Math.max(1, (int) Math.floor(fps * 0.5 + 1e-6)) : 12;
    }

    /** The command line an editor would type for one proxy, with the engine's encoder settings. */
    List<String> ffmpegProxy(Source s, int[] size, Path out) {
        return List.of(ffmpeg, "-hide_banner", "-nostdin", "-v", "error", "-y", "-i", s.file().toString(),
                "-vf", "scale=" + size[0] + ":" + size[1] + ":flags=bicubic",
                "-c:v", "libx264", "-preset", "medium", "-rc-lookahead", "10", "-profile:v", "high", "-crf", "23",
                "-pix_fmt", "yuv420p", "-g", Integer.toString(gop(s.frameRate())), "-force_key_frames", "expr:gte(t,n_forced*0.5)",
                "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", out.toString());
    }

    List<String> decodeOnly(Source s) {
        return List.of(ffmpeg, "-hide_banner", "-nostdin", "-v", "error", "-i", s.file().toString(), "-f", "null",
                "-");
    }

    /**
     * Makes proxies of a small generated clip once, so that the in-process variants do not pay for class loading,
     * native library loading and the hardware-encoder check (done once per process) in their first round.
     */
    void warmUp() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("warm-up"));
        Path clip = dir.resolve("warm-up.mp4");
        run(List.of(ffmpeg, "-hide_banner", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=2112x1188:rate=10:duration=0.5", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", clip.toString()), dir.resolve("ffmpeg.log"));
        inProcess(clip, ProxyResolution.BUILT_IN, Files.createDirectories(dir.resolve("store")));
        deleteTree(dir);
    }

    /** Every round of one source. */
    List<Round> measure(Source s, int rounds, List<Variant> variants) throws IOException, InterruptedException {
        List<Round> out = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            List<Variant> order = new ArrayList<>(variants);
            if (r % 2 == 0) {
                java.util.Collections.reverse(order);
            }
            double before = load();
            List<Run> runs = new ArrayList<>();
            for (Variant v : order) {
                Run run = time(s, v);
                runs.add(run);
                log.accept(String.format(Locale.ROOT, "%s: round %d/%d: %-15s %7.2f s (load %.2f)",
                        s.file().getFileName(), r, rounds, v.id, run.seconds(), load()));
            }
            runs.sort(Comparator.comparing(Run::variant));
            out.add(new Round(r, before, load(), runs));
        }
        return out;
    }

    private Run time(Source s, Variant v) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(work, v.id + "-");
        try {
            List<ProxyResolution> res = v == Variant.TSPERF_QUARTER || v == Variant.COMMAND_QUARTER
                    ? List.of(ProxyResolution.QUARTER) : ProxyResolution.BUILT_IN;
            List<String> cmd = switch (v) {
                case DECODE -> decodeOnly(s);
                case FFMPEG_QUARTER -> ffmpegProxy(s, s.quarter(), dir.resolve("quarter.mp4"));
                case FFMPEG_HALF -> ffmpegProxy(s, s.half(), dir.resolve("half.mp4"));
                case COMMAND_QUARTER, COMMAND_BOTH -> command(s.file(), res, dir.resolve("store"));
                default -> null;
            };
            long cpuStart = cpuTicks();
            long start = System.nanoTime();
            if (cmd == null) {
                try (PeakRss rss = new PeakRss(ProcessHandle.current())) {
                    List<ProxyFile> made = inProcess(s.file(), res, dir.resolve("store"));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double cpu = cpuSeconds(cpuStart);
                    check(s, made, res.size());
                    return new Run(v, seconds, rss.ffmpeg(), 0, cpu);
                }
            }
            Path logFile = dir.resolve("output.log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            Process p = pb.start();
            long ffmpegPeak;
            long jvmPeak;
            try (PeakRss rss = new PeakRss(p.toHandle())) {
                int exit = p.waitFor();
                ffmpegPeak = rss.ffmpeg();
                jvmPeak = rss.jvm();
                if (exit != 0) {
                    throw new IOException(v.id + " failed (exit " + exit + "): " + tail(logFile) + " [" + String.join(
                            " ", cmd) + "]");
                }
            } finally {
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = cpuSeconds(cpuStart);
            if (v.command()) {
                check(s, madeIn(dir.resolve("store")), res.size());
            }
            return new Run(v, seconds, ffmpegPeak, v.command() ? jvmPeak : 0, cpu);
        } finally {
            deleteTree(dir);
        }
    }

    private List<ProxyFile> inProcess(Path file, List<ProxyResolution> res, Path store)
            throws IOException, InterruptedException {
        Files.createDirectories(store);
        ProxySettings settings = new ProxySettings(res, ProxyFormat.H264, ProxyQuality.MEDIUM, store);
        ProxyResult r;
        try {
            r = proxies.generateNow(file, settings).result().get();
        } catch (ExecutionException ex) {
            throw new IOException(file + ": the proxy job failed: " + ex.getCause(), ex.getCause());
        }
        if (r.status() != ProxyResult.Status.GENERATED) {
            throw new IOException(file + ": the proxy job ended " + r.status() + ": " + r.error());
        }
        return r.proxies();
    }

    /** The proxies a command wrote into its fresh store, as files and their names (sizes are checked by probing). */
    private List<ProxyFile> madeIn(Path store) throws IOException {
        List<ProxyFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(store)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".mp4")).toList()) {
                String n = f.getFileName().toString();
                String res = n.substring(n.lastIndexOf('-') + 1, n.length() - ".mp4".length());
                VideoStreamInfo v = probe.probe(f).mainVideo().orElseThrow(() -> new IOException(f + ": no video"));
                out.add(new ProxyFile(res, f, Files.size(f), v.width(), v.height(), v.codec()));
            }
        }
        return out;
    }

    /** The engine made what the baselines make: the same number of proxies, of the same sizes. */
    static void check(Source s, List<ProxyFile> made, int expected) throws IOException {
        if (made.size() != expected) {
            throw new IOException(s.file() + ": the proxy engine made " + made.size() + " proxies, not " + expected
                    + ": " + made);
        }
        for (ProxyFile f : made) {
            int[] want = f.resolution().equals("quarter") ? s.quarter() : s.half();
            if (f.width() != want[0] || f.height() != want[1]) {
                throw new IOException(String.format(Locale.ROOT, "%s: the engine's %s proxy is %dx%d, the baseline"
                        + " makes %dx%d: the comparison would be unfair; update ProxyBenchmark.size()", s.file(),
                        f.resolution(), f.width(), f.height(), want[0], want[1]));
            }
        }
    }

    /**
     * {@code tsperf proxy} in a new JVM as the launcher starts it: the same java, options and class path as this one,
     * but the class-data archive of the proxy command instead of this command's (a copied
     * {@code -XX:ArchiveClassesAtExit} made every run write an archive at exit: 11-15 s more per run).
     */
    static List<String> command(Path file, List<ProxyResolution> res, Path store) {
        List<String> c = new ArrayList<>();
        c.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-XX:SharedArchiveFile=")
                    && !a.startsWith("-XX:ArchiveClassesAtExit=")) {
                c.add(a);
            }
        }
        String cds = System.getProperty(CDS_DIR_PROPERTY);
        if (cds != null && Files.isRegularFile(Path.of(cds, "proxy.jsa"))) {
            c.add("-XX:SharedArchiveFile=" + Path.of(cds, "proxy.jsa"));
        }
        c.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "proxy",
                file.toString(), "--resolutions", String.join(",", res.stream().map(ProxyResolution::name).toList()),
                "--store", store.toString(), "--json"));
        return c;
    }

    private static void run(List<String> cmd, Path logFile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IOException(cmd.get(0) + " failed (exit " + p.exitValue() + "): " + tail(logFile));
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(" / ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
        } catch (IOException ex) {
            return "(no output: " + ex.getMessage() + ")";
        }
    }

    /**
     * CPU time of this JVM and of its children that were waited for ({@code utime + stime + cutime + cstime} of
     * {@code /proc/self/stat}), in clock ticks; -1 where there is no such file.
     */
    static long cpuTicks() {
        try {
            return cpuTicks(Files.readString(Path.of("/proc/self/stat")));
        } catch (IOException ex) {
            LOG.log(Level.FINE, "no /proc/self/stat: CPU time not measured", ex);
            return -1;
        }
    }

    /** Fields 14 to 17 of a {@code /proc/PID/stat} line (the command name, field 2, may hold spaces). */
    static long cpuTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state): utime, stime, cutime, cstime are fields 14-17
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    /** Seconds of CPU since {@code start} ticks; USER_HZ is 100 on every Linux this runs on. */
    private static double cpuSeconds(long start) {
        long now = cpuTicks();
        return start < 0 || now < 0 ? Double.NaN : (now - start) / 100.0;
    }

    /** The 1-minute load average, or NaN where the system does not say. */
    static double load() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? Double.NaN : l;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "could not remove the benchmark's temporary files in " + dir, ex);
        }
    }
}
