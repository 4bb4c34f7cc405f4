package org.tsperf.wizard.ui;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tsperf.api.optimize.Change;
import org.tsperf.api.optimize.DiskDescription;
import org.tsperf.api.optimize.HardwareDescription;
import org.tsperf.api.optimize.MediaDescription;
import org.tsperf.api.optimize.WorkloadDescription;
import org.tsperf.api.proxy.CodecCheck;
import org.tsperf.api.util.ByteSizes;
import org.tsperf.wizard.CodecSurvey;

/** The wizard's descriptions in words. */
final class Describe {

    private Describe() {
    }

    static String hardware(HardwareDescription hw) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d cores, RAM %s%n", hw.cores(), ByteSizes.format(hw.ramBytes())));
        b.append(hw.gpus().isEmpty() ? "no Vulkan device" : "Vulkan: " + hw.gpus().stream()
                .map(g -> g.name() + " (" + g.type() + ")").collect(Collectors.joining(", ")));
        b.append(hw.gpuPath().isEmpty() ? "\n" : "; frame operations on the " + hw.gpuPath() + " path\n");
        for (DiskDescription d : hw.disks()) {
            b.append(String.format(Locale.ROOT, "disk %s (%s): %s free of %s, %s%n", d.mount(),
                    d.kind().name().toLowerCase(Locale.ROOT), ByteSizes.format(d.freeBytes()),
                    ByteSizes.format(d.totalBytes()), d.measured() ? String.format(Locale.ROOT,
                            "write %.0f MB/s, read %.0f MB/s", d.writeMBps(), d.readMBps()) : "speed not measured"));
        }
        b.append(CodecSurvey.describe(hw.codecChecks(), CodecCheck.Kind.ENCODER)).append('\n');
        b.append(CodecSurvey.describe(hw.codecChecks(), CodecCheck.Kind.DECODER)).append('\n');
        return b.toString();
    }

    static String workload(WorkloadDescription w) {
        if (w.media().isEmpty()) {
            return "The Proxy Manager knows no media yet.";
        }
        StringBuilder b = new StringBuilder();
        for (MediaDescription m : w.media()) {
            b.append(String.format(Locale.ROOT, "%dx%d %s, %.2f fps, %.0f s%n", m.width(), m.height(), m.codec(),
                    m.frameRate(), m.durationSeconds()));
        }
        return b.toString();
    }

    static String changes(List<Change> changes) {
        StringBuilder b = new StringBuilder();
        for (Change c : changes) {
            if (c.changed()) {
                b.append("changed ").append(c.setting().key()).append(": ").append(c.before()).append(" -> ")
                        .append(c.after()).append(c.note().isEmpty() ? "" : " (" + c.note() + ")").append('\n');
            } else if (!c.note().isEmpty()) {
                b.append("not applied ").append(c.setting().key()).append(": ").append(c.note()).append('\n');
            } else {
                b.append("unchanged ").append(c.setting().key()).append(": ").append(c.after()).append('\n');
            }
        }
        return b.toString();
    }
}
