package org.tsperf.gpu.ui;

import org.tsperf.api.gpu.BenchmarkReport;
import org.tsperf.api.gpu.ProcessingPath;
import org.tsperf.api.gpu.ProcessorStatus;

/** Whether the processing path in use agrees with the latest benchmark, or why not, in the GPU Scheduler's words. */
final class BenchmarkVerdict {

    private BenchmarkVerdict() {
    }

    static String of(BenchmarkReport r, ProcessorStatus now) {
        if (r.measuredOnBoth() == 0) {
            return Bundle.MSG_VerdictNoVulkan();
        }
        if (!now.device().isEmpty() && !now.device().equals(r.device()) && now.path() == ProcessingPath.VULKAN) {
            return Bundle.MSG_VerdictOtherDevice(r.device(), now.device());
        }
        ProcessingPath faster = r.fasterPath();
        int both = r.measuredOnBoth();
        int onFaster = faster == ProcessingPath.CPU ? r.fasterOnCpu() : both - r.fasterOnCpu();
        if (now.path() == faster) {
            return Bundle.MSG_VerdictAgrees(pathName(faster), Integer.toString(onFaster), Integer.toString(both));
        }
        if (now.reason().startsWith("CPU fallback")) {
            return Bundle.MSG_VerdictFallback(now.reason());
        }
        return Bundle.MSG_VerdictDiffers(pathName(now.path()), pathName(faster), Integer.toString(onFaster),
                Integer.toString(both), now.reason());
    }

    static String pathName(ProcessingPath p) {
        return p == ProcessingPath.CPU ? Bundle.VAL_PathCpu() : Bundle.VAL_PathVulkan();
    }
}
