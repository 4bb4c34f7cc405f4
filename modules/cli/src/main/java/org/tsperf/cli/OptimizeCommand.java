package org.tsperf.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tsperf.api.optimize.Change;
import org.tsperf.api.optimize.DiskDescription;
import org.tsperf.api.optimize.HardwareDescription;
import org.tsperf.api.optimize.OptimizationService;
import org.tsperf.api.optimize.Recommendation;
import org.tsperf.api.optimize.Recommendations;
import org.tsperf.api.optimize.SystemDescription;
import org.tsperf.api.optimize.WorkloadDescription;
import org.tsperf.api.util.ByteSizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tsperf optimize [--apply] [--json]}: the Optimization Wizard's measurements and recommendations, headless;
 * with {@code --apply} they are applied through the modules' services and the changes printed.
 */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {"Measure this machine (cores, memory, GPU path, each disk's free space and speed) and the media"
            + " the Proxy Manager knows, and recommend proxy sizes and format, parallel jobs, the memory profile, cache"
            + " budgets and locations, the GPU path and feature modules, each with its reason and figure.",
            "Progress goes to stderr. The disk test writes 32M per disk (-Dtsperf.optimize.disk.test=SIZE in"
                + " TSPERF_JAVA_OPTS changes it) and removes it."})
final class OptimizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--apply", description = "Apply the recommendations where a module's service takes them, and print"
            + " what changed (the rest: which start option sets them).")
    boolean apply;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        OptimizationService service = Services.require(OptimizationService.class, "Optimization Wizard");
        PrintWriter err = spec.commandLine().getErr();
        SystemDescription system = service.measure(step -> err.println("measuring: " + step), () -> false);
        Recommendations recs = service.recommend(system);
        List<Change> changes = apply ? service.apply(recs) : null;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = Json.object("hardware", hardware(system.hardware()),
                    "workload", workload(system.workload()),
                    "installedModules", system.installedModules().stream().sorted().toList(),
                    "recommendations", recs.items().stream().map(r -> Json.object("setting", r.setting().key(),
                            "value", r.value(), "reason", r.reason(), "figure", r.figure())).toList());
            if (changes != null) {
                m.put("changes", changes.stream().map(c -> Json.object("setting", c.setting().key(),
                        "before", c.before(), "after", c.after(), "applied", c.applied(), "changed", c.changed(),
                        "note", c.note())).toList());
            }
            out.println(Json.line(m));
            return 0;
        }
        printSystem(out, system);
        for (Recommendation r : recs.items()) {
            out.printf(Locale.ROOT, "%s = %s%n    %s [%s]%n", r.setting().key(), r.value().isEmpty() ? "(none)"
                    : r.value(), r.reason(), r.figure());
        }
        if (changes != null) {
            for (Change c : changes) {
                if (c.changed()) {
                    out.printf(Locale.ROOT, "changed %s: %s -> %s%s%n", c.setting().key(), c.before(), c.after(),
                            c.note().isEmpty() ? "" : " (" + c.note() + ")");
                } else if (!c.note().isEmpty()) {
                    out.printf(Locale.ROOT, "not applied %s: %s%n", c.setting().key(), c.note());
                } else {
                    out.printf(Locale.ROOT, "unchanged %s: %s%n", c.setting().key(), c.after());
                }
            }
        }
        return 0;
    }

    private static void printSystem(PrintWriter out, SystemDescription s) {
        HardwareDescription hw = s.hardware();
        out.printf(Locale.ROOT, "machine: %d cores, RAM %s, %d Vulkan devices, GPU path %s%n", hw.cores(),
                ByteSizes.format(hw.ramBytes()), hw.gpus().size(), hw.gpuPath().isEmpty() ? "unknown" : hw.gpuPath());
        for (DiskDescription d : hw.disks()) {
            out.printf(Locale.ROOT, "disk %s (%s): %s free of %s, %s%n", d.mount(),
                    d.kind().name().toLowerCase(Locale.ROOT), ByteSizes.format(d.freeBytes()),
                    ByteSizes.format(d.totalBytes()), d.measured() ? String.format(Locale.ROOT,
                            "write %.0f MB/s, read %.0f MB/s", d.writeMBps(), d.readMBps()) : "speed not measured");
        }
        out.printf(Locale.ROOT, "workload: %d media, %.0f s of footage%n", s.workload().media().size(),
                s.workload().projectSeconds());
    }

    private static Map<String, Object> hardware(HardwareDescription hw) {
        return Json.object("cores", hw.cores(), "ramBytes", hw.ramBytes(), "gpuPath", hw.gpuPath(),
                "vulkanMillis", finite(hw.vulkanMillis()), "cpuMillis", finite(hw.cpuMillis()),
                "gpus", hw.gpus().stream().map(g -> Json.object("name", g.name(), "type", g.type(),
                        "memoryBytes", g.memoryBytes())).toList(),
                "disks", hw.disks().stream().map(d -> Json.object("mount", d.mount(), "cacheBase", d.cacheBase(),
                        "kind", d.kind().name().toLowerCase(Locale.ROOT), "totalBytes", d.totalBytes(),
                        "freeBytes", d.freeBytes(), "writeMBps", finite(d.writeMBps()),
                        "readMBps", finite(d.readMBps()))).toList(),
                "hardwareEncoders", hw.hardwareEncoders(), "hardwareDecoders", hw.hardwareDecoders(),
                "codecChecks", hw.codecChecks().stream().map(c -> Json.object("name", c.name(),
                        "kind", c.kind().name().toLowerCase(Locale.ROOT), "works", c.works(), "reason", c.reason()))
                        .toList());
    }

    private static Map<String, Object> workload(WorkloadDescription w) {
        return Json.object("media", w.media().stream().map(m -> Json.object("width", m.width(), "height", m.height(),
                "codec", m.codec(), "frameRate", m.frameRate(), "durationSeconds", m.durationSeconds())).toList(),
                "projectSeconds", w.projectSeconds());
    }

    /** JSON has no NaN: not measured is null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : null;
    }
}
