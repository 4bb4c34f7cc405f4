package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.MediaTools;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.cli.ProxyBenchmark.RatioDef;
import org.tsperf.cli.ProxyBenchmark.Round;
import org.tsperf.cli.ProxyBenchmark.Run;
import org.tsperf.cli.ProxyBenchmark.Source;
import org.tsperf.cli.ProxyBenchmark.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tsperf bench proxy SRC...}: the proxy engine's time against the ffmpeg command line and against decoding
 * alone, all measured in the same run with the same ffmpeg executable.
 */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = {"Time the H.264 proxies of 4K (or larger) clips against the ffmpeg command line making the same"
                + " files (one run per proxy) and against decoding only, with the ffmpeg executable the proxy engine"
                + " bundles.",
            "Each round runs every variant once, alternating the order, into fresh temporary stores; ratios are taken"
                + " within a round. Progress goes to stderr."})
final class ProxyBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SRC", arity = "1..*", description = "Source clips, wider than 1920 px.")
    List<Path> sources;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Rounds per source (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--in-process-only", description = "Leave out the variants that start the tsperf command in a new"
            + " JVM (faster; the JVM start is then not measured).")
    boolean inProcessOnly;

    @Option(names = "--work", paramLabel = "DIR", description = "Where temporary proxies go (default: the system's"
            + " temporary folder); removed afterwards.")
    Path work;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--rounds must be at least 1, not " + rounds);
        }
        for (Path s : sources) {
            if (!Files.isRegularFile(s)) {
                throw new ParameterException(spec.commandLine(), s + ": no such file");
            }
        }
        MediaProbe probe = Services.require(MediaProbe.class, "Media Core");
        ProxyService proxies = Services.require(ProxyService.class, "Proxy Engine");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String ffmpeg = Services.require(MediaTools.class, "Media Core").ffmpeg().toString();
        Path dir = Files.createTempDirectory(work != null ? Files.createDirectories(work)
                : Path.of(System.getProperty("java.io.tmpdir")), "tsperf-bench-proxy-");
        List<Variant> variants = Arrays.stream(Variant.values()).filter(v -> !inProcessOnly || !v.command()).toList();
        List<Map<String, Object>> docs = new ArrayList<>();
        // Ctrl-C: stop every ffmpeg and JVM started here and remove the temporary files
        Thread cleanUp = new Thread(() -> {
            try (java.util.stream.Stream<ProcessHandle> children = ProcessHandle.current().descendants()) {
                children.forEach(ProcessHandle::destroyForcibly);
            }
            ProxyBenchmark.deleteTree(dir);
        }, "tsperf-bench-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            ProxyBenchmark bench = new ProxyBenchmark(ffmpeg, proxies, probe, dir, line -> {
                err.println("tsperf bench proxy: " + line);
                err.flush();
            });
            bench.warmUp();
            for (Path file : sources) {
                Source s = bench.source(file.toAbsolutePath().normalize());
                List<Round> results = bench.measure(s, rounds, variants);
                if (json) {
                    docs.add(json(s, results));
                } else {
                    print(out, s, results, variants);
                }
            }
        } finally {
            ProxyBenchmark.deleteTree(dir);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException ex) {
                // the JVM is already shutting down: the hook runs
            }
        }
        if (json) {
            out.println(Json.line(Json.object("ffmpeg", ffmpeg, "cores", Runtime.getRuntime().availableProcessors(),
                    "jvmStartIncluded", Map.of("tsperf_quarter", false, "tsperf_both", false,
                            "command_quarter", true, "command_both", true),
                    "sources", docs)));
        } else {
            out.println("ffmpeg: " + ffmpeg + "; " + Runtime.getRuntime().availableProcessors() + " cores");
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> json(Source s, List<Round> results) {
        List<Object> rounds = new ArrayList<>();
        for (Round r : results) {
            Map<String, Object> seconds = new LinkedHashMap<>();
            Map<String, Object> cpu = new LinkedHashMap<>();
            Map<String, Object> ffmpegPeak = new LinkedHashMap<>();
            Map<String, Object> jvmPeak = new LinkedHashMap<>();
            for (Run run : r.runs()) {
                seconds.put(run.variant().id, round3(run.seconds()));
                cpu.put(run.variant().id, round3(run.cpuSeconds()));
                ffmpegPeak.put(run.variant().id, run.ffmpegPeak());
                if (run.variant().command()) {
                    jvmPeak.put(run.variant().id, run.jvmPeak());
                }
            }
            Map<String, Object> ratios = new LinkedHashMap<>();
            Map<String, Object> cpuRatios = new LinkedHashMap<>();
            for (RatioDef d : ProxyBenchmark.RATIOS) {
                double v = d.of(r.byVariant());
                if (!Double.isNaN(v)) {
                    ratios.put(d.id(), round3(v));
                    cpuRatios.put(d.id(), round3(d.cpu(r.byVariant())));
                }
            }
            rounds.add(Json.object("round", r.number(), "loadBefore", round3(r.loadBefore()),
                    "loadAfter", round3(r.loadAfter()), "seconds", seconds, "ratios", ratios,
                    "cpuSeconds", cpu, "cpuRatios", cpuRatios,
                    "ffmpegPeakRssBytes", ffmpegPeak, "jvmPeakRssBytes", jvmPeak));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        for (RatioDef d : ProxyBenchmark.RATIOS) {
            double[] v = results.stream().mapToDouble(r -> d.of(r.byVariant())).filter(x -> !Double.isNaN(x))
                    .sorted().toArray();
            if (v.length > 0) {
                summary.put(d.id(), Json.object("median", round3(median(v)), "min", round3(v[0]),
                        "max", round3(v[v.length - 1]), "target", Double.isNaN(d.target()) ? null : d.target(),
                        "met", Double.isNaN(d.target()) ? null : median(v) <= d.target(),
                        "description", d.description()));
            }
        }
        return Json.object("source", s.file().toString(), "width", s.width(), "height", s.height(),
                "frameRate", round3(s.frameRate()), "frames", s.frames(),
                "quarter", s.quarter()[0] + "x" + s.quarter()[1], "half", s.half()[0] + "x" + s.half()[1],
                "rounds", rounds, "summary", summary);
    }

    private static void print(PrintWriter out, Source s, List<Round> results, List<Variant> variants) {
        out.printf(Locale.ROOT, "%s: %dx%d, %.3f fps, %d frames; quarter %dx%d, half %dx%d%n", s.file(), s.width(),
                s.height(), s.frameRate(), s.frames(), s.quarter()[0], s.quarter()[1], s.half()[0], s.half()[1]);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-6s %-11s", "round", "load"));
        variants.forEach(v -> head.append(String.format(Locale.ROOT, " %15s", v.id)));
        out.println(head);
        for (Round r : results) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-6d %-11s", r.number(),
                    String.format(Locale.ROOT, "%.1f-%.1f", r.loadBefore(), r.loadAfter())));
            Map<Variant, Run> m = r.byVariant();
            variants.forEach(v -> row.append(String.format(Locale.ROOT, " %13.2f s", m.get(v).seconds())));
            out.println(row);
            StringBuilder cpu = new StringBuilder(String.format(Locale.ROOT, "%-6s %-11s", "", "CPU"));
            variants.forEach(v -> cpu.append(String.format(Locale.ROOT, " %13.2f s", m.get(v).cpuSeconds())));
            out.println(cpu);
        }
        for (RatioDef d : ProxyBenchmark.RATIOS) {
            double[] v = results.stream().mapToDouble(r -> d.of(r.byVariant())).filter(x -> !Double.isNaN(x))
                    .toArray();
            if (v.length == 0) {
                continue;
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-62s", d.description()));
            for (double x : v) {
                row.append(String.format(Locale.ROOT, " %5.2fx", x));
            }
            double med = median(Arrays.stream(v).sorted().toArray());
            row.append(String.format(Locale.ROOT, "   median %.2fx", med));
            if (!Double.isNaN(d.target())) {
                row.append(String.format(Locale.ROOT, " (target <= %.2fx: %s)", d.target(),
                        med <= d.target() ? "met" : "MISSED"));
            }
            double[] c = results.stream().mapToDouble(r -> d.cpu(r.byVariant())).filter(x -> !Double.isNaN(x))
                    .sorted().toArray();
            if (c.length > 0) {
                row.append(String.format(Locale.ROOT, "; CPU time median %.2fx", median(c)));
            }
            out.println(row);
        }
        StringBuilder mem = new StringBuilder("  peak RSS (largest of the rounds):");
        for (Variant v : variants) {
            long ff = results.stream().mapToLong(r -> r.byVariant().get(v).ffmpegPeak()).max().orElse(0);
            long jvm = results.stream().mapToLong(r -> r.byVariant().get(v).jvmPeak()).max().orElse(0);
            mem.append(String.format(Locale.ROOT, " %s ffmpeg %d MB%s;", v.id, ff / 1_000_000,
                    v.command() ? String.format(Locale.ROOT, " + JVM %d MB", jvm / 1_000_000) : ""));
        }
        out.println(mem);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Three decimals; {@code null} for NaN (a figure this system does not give), which JSON cannot carry. */
    static Double round3(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 1000) / 1000.0;
    }
}
