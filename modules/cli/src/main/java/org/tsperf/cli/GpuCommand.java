package org.tsperf.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.gpu.BenchmarkReport;
import org.tsperf.api.gpu.GpuBenchmark;
import org.tsperf.api.gpu.GpuDeviceInfo;
import org.tsperf.api.gpu.GpuInfo;
import org.tsperf.api.gpu.GpuInformation;
import org.tsperf.api.gpu.ProcessorStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tsperf gpu info|bench}: the GPU module's devices and benchmark. */
@Command(name = "gpu", mixinStandardHelpOptions = true,
        description = "Vulkan devices and the path frame operations take (info), and the GPU benchmark (bench).",
        subcommands = {GpuCommand.Info.class, GpuCommand.Bench.class, CommandLine.HelpCommand.class})
final class GpuCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(GpuCommand.class.getName());

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "say which: 'gpu info' or 'gpu bench'");
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = {"List the Vulkan devices (driver, limits, memory), the chosen one, and whether frame"
                + " operations run on Vulkan or the CPU and why (measured at first use)."})
    static final class Info implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Override
        public Integer call() {
            GpuInformation service = Services.require(GpuInformation.class, "GPU Acceleration");
            GpuInfo info;
            try {
                info = service.info();
            } finally {
                release(service);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? Json.line(json(info)) : text(info));
            out.flush();
            return 0;
        }

        static Map<String, Object> json(GpuInfo info) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vulkanAvailable", info.vulkanAvailable());
            m.put("problem", info.problem());
            m.put("devices", info.devices().stream().map(d -> Json.object("name", d.name(), "type", d.type(),
                    "apiVersion", d.apiVersion(), "driverVersion", d.driverVersion(), "vendorId", d.vendorId(),
                    "deviceId", d.deviceId(), "deviceLocalBytes", d.deviceLocalBytes(),
                    "maxComputeWorkGroupInvocations", d.maxComputeWorkGroupInvocations(),
                    "maxStorageBufferRange", d.maxStorageBufferRange(), "chosen", d.chosen())).toList());
            m.putAll(status(info.status()));
            m.put("pipelineCache", info.pipelineCache());
            return m;
        }

        static String text(GpuInfo info) {
            StringBuilder b = new StringBuilder();
            if (!info.vulkanAvailable()) {
                b.append("Vulkan: not available: ").append(info.problem()).append('\n');
            }
            for (GpuDeviceInfo d : info.devices()) {
                b.append(d.chosen() ? "* " : "  ").append(d.name()).append(" (").append(d.type())
                        .append(", Vulkan ").append(d.apiVersion())
                        .append(String.format(Locale.ROOT, ", vendor 0x%04x device 0x%04x, driver %d", d.vendorId(),
                                d.deviceId(), d.driverVersion()))
                        .append(String.format(Locale.ROOT, ", %.1f GB device-local, work group %d, storage buffer"
                                + " %.1f GB)", d.deviceLocalBytes() / 1e9, d.maxComputeWorkGroupInvocations(),
                                d.maxStorageBufferRange() / 1e9))
                        .append('\n');
            }
            b.append("Frame operations: ").append(info.status().path()).append(" (").append(info.status().reason())
                    .append(")");
            if (!info.pipelineCache().isEmpty()) {
                b.append("\nPipeline cache: ").append(info.pipelineCache());
            }
            return b.toString();
        }
    }

    /**
     * Destroys the GPU module's Vulkan objects now, on this (the main) thread, before the command returns and the JVM
     * exits: a driver that keeps per-thread state (NVIDIA's did crash in libEGL_nvidia at exit) then never sees its
     * objects destroyed by a shutdown-hook thread while the exiting thread still runs its exit handlers. The GPU
     * module's services are {@link AutoCloseable} for this; others are left alone.
     */
    static void release(Object service) {
        if (service instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.log(Level.WARNING, "interrupted while releasing the GPU", e);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "releasing the GPU failed", e);
            }
        }
    }

    static Map<String, Object> status(ProcessorStatus s) {
        return Json.object("path", s.path().name(), "pathReason", s.reason(),
                "vulkanMillisPerFrame", number(s.vulkanMillis()), "cpuMillisPerFrame", number(s.cpuMillis()));
    }

    /** NaN (not measured) becomes null: JSON has no NaN. */
    static Double number(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 100) / 100.0;
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = {"Measure every frame operation at 3840x2160 on the Vulkan device and on the CPU reference"
                + " (multi- and single-threaded) in one run: frames per second, the Vulkan/CPU ratio, and one"
                + " frame's upload and readback. Takes about 3 x 9 x --seconds, plus warm-up frames."})
    static final class Bench implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--seconds", paramLabel = "N", defaultValue = "1",
                description = "Measuring time per operation and path, in seconds (fractions allowed). Default: 1.")
        double seconds;

        @Option(names = "--width", defaultValue = "3840", description = "Frame width. Default: 3840.")
        int width;

        @Option(names = "--height", defaultValue = "2160", description = "Frame height. Default: 2160.")
        int height;

        @Option(names = "--json", description = "Print one JSON object instead of a table.")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            if (!(seconds > 0 && seconds <= 600)) {
                throw new ParameterException(spec.commandLine(), "--seconds must be above 0 and at most 600, not "
                        + seconds);
            }
            if (width < 16 || height < 16 || width > 8192 || height > 8192) {
                throw new ParameterException(spec.commandLine(), "--width and --height must be 16 to 8192");
            }
            GpuBenchmark bench = Services.require(GpuBenchmark.class, "GPU Acceleration");
            BenchmarkReport r;
            try {
                r = bench.measure(width, height, Duration.ofNanos((long) (seconds * 1e9))).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the benchmark failed: " + e.getCause().getMessage(), e.getCause());
            } finally {
                release(bench);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? Json.line(json(r)) : text(r));
            out.flush();
            return 0;
        }

        static Map<String, Object> json(BenchmarkReport r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("device", r.device());
            m.put("width", r.width());
            m.put("height", r.height());
            m.put("cpuThreads", r.cpuThreads());
            m.put("operations", r.operations().stream().map(o -> Json.object("operation", o.operation(),
                    "vulkanFps", number(o.vulkanFps()), "cpuFps", number(o.cpuFps()),
                    "cpuSingleThreadFps", number(o.cpuSingleThreadFps()), "ratio", number(o.ratio()))).toList());
            m.put("uploadMillis", number(r.uploadMillis()));
            m.put("readbackMillis", number(r.readbackMillis()));
            m.putAll(status(r.status()));
            return m;
        }

        static String text(BenchmarkReport r) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%dx%d, Vulkan device: %s, CPU reference: %d threads%n", r.width(),
                    r.height(), r.device().isEmpty() ? "none" : r.device(), r.cpuThreads()));
            b.append(String.format(Locale.ROOT, "%-52s %10s %10s %10s %8s%n", "operation", "Vulkan fps", "CPU fps",
                    "CPU 1T fps", "ratio"));
            for (var o : r.operations()) {
                b.append(String.format(Locale.ROOT, "%-52s %10.2f %10.2f %10.2f %8.2f%n", o.operation(),
                        o.vulkanFps(), o.cpuFps(), o.cpuSingleThreadFps(), o.ratio()));
            }
            if (!Double.isNaN(r.uploadMillis())) {
                b.append(String.format(Locale.ROOT, "upload %.2f ms, readback %.2f ms per RGBA frame%n",
                        r.uploadMillis(), r.readbackMillis()));
            }
            b.append("ratio = Vulkan fps / CPU fps (above 1: Vulkan faster). Frames run on ")
                    .append(r.status().path()).append(" (").append(r.status().reason()).append(")");
            return b.toString();
        }
    }
}
