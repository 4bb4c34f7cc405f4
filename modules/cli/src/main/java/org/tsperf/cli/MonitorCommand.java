package org.tsperf.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.GpuMetrics;
import org.tsperf.api.monitor.DiskUsage;
import org.tsperf.api.monitor.ResourceListener;
import org.tsperf.api.monitor.ResourceMonitor;
import org.tsperf.api.monitor.ResourceSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tsperf monitor [--seconds N] [--json]}: live figures of the resource monitor, one snapshot a second. */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Print CPU, memory, GPU and disk figures, one snapshot a second, until --seconds have passed"
            + " or Ctrl-C.",
            "With --json each snapshot is one JSON object on its own line (JSON Lines)."})
final class MonitorCommand implements Callable<Integer> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "N", description = "Print N snapshots (N seconds), then exit. Default: run until interrupted.")
    Integer seconds;

    @Option(names = "--json", description = "Print JSON Lines instead of text.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        if (seconds != null && seconds < 1) {
            throw new ParameterException(spec.commandLine(), "--seconds must be at least 1, not " + seconds);
        }
        // this command shows the GPU: start it (in the background), since a headless monitor only reads a GPU in use
        GpuMetrics gpu = Lookup.getDefault().lookup(GpuMetrics.class);
        if (gpu != null) {
            gpu.sample();
        }
        ResourceMonitor monitor = Services.require(ResourceMonitor.class, "Performance Monitor");
        BlockingQueue<ResourceSnapshot> snapshots = new LinkedBlockingQueue<>();
        ResourceListener listener = snapshots::add;
        PrintWriter out = spec.commandLine().getOut();
        monitor.addListener(listener);
        try {
            long timeoutMillis = 10 * Math.max(1000, monitor.samplingInterval().toMillis());
            for (int n = 0; seconds == null || n < seconds; n++) {
                ResourceSnapshot s = snapshots.poll(timeoutMillis, TimeUnit.MILLISECONDS);
                if (s == null) {
                    throw new IllegalStateException("no resource sample in " + timeoutMillis / 1000
                            + " s: the system's figures cannot be read (see the log with -Djava.util.logging.config.file)");
                }
                out.println(json ? Json.line(Json.snapshot(s)) : text(s));
                out.flush();
            }
        } finally {
            monitor.removeListener(listener);
            monitor.stop();
        }
        return 0;
    }

    static String text(ResourceSnapshot s) {
        StringBuilder b = new StringBuilder();
        b.append(CLOCK.format(s.time()));
        b.append(String.format(Locale.ROOT, "  CPU %5.1f %% (tsperf %4.1f %%)", s.cpu().systemPercent(),
                s.cpu().processPercent()));
        b.append(String.format(Locale.ROOT, "  RAM %s/%s (%.0f %%)  heap %s/%s", gb(s.memory().physicalUsed()),
                gb(s.memory().physicalTotal()), s.memory().physicalPercent(), gb(s.memory().heapUsed()),
                gb(s.memory().heapMax())));
        if (s.gpu().available()) {
            b.append(String.format(Locale.ROOT, "  GPU %.0f %% %s/%s", s.gpu().utilisationPercent(),
                    gb(s.gpu().memoryUsedBytes()), gb(s.gpu().memoryBudgetBytes())));
        } else {
            b.append("  GPU not available (").append(s.gpu().reason()).append(')');
        }
        for (DiskUsage d : s.disks()) {
            b.append(String.format(Locale.ROOT, "  %s %.0f %%", d.mount(), d.usedPercent()));
            if (d.throughputKnown()) {
                b.append(String.format(Locale.ROOT, " R %.1f W %.1f MB/s", d.readBytesPerSecond() / (1 << 20),
                        d.writeBytesPerSecond() / (1 << 20)));
            }
        }
        for (String w : s.warnings()) {
            b.append(System.lineSeparator()).append("  warning: ").append(w);
        }
        return b.toString();
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.1fG", bytes / (double) (1L << 30));
    }
}
