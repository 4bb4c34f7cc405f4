package org.tsperf.tasks;

import java.util.Locale;
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.SystemLoad;

/**
 * The seed's capacity rule: a task may start when live load plus what recently started tasks will add plus its own
 * estimate stays under the limits (CPU 0.9, memory 0.8, GPU 0.9). A resource the task does not need is not checked,
 * so trivial tasks are never held back by a busy machine.
 */
final class CapacityPolicy {

    static final double CPU_LIMIT = 0.9;
    static final double MEMORY_LIMIT = 0.8;
    static final double GPU_LIMIT = 0.9;

    /** Why a task must wait, or null when it may start. */
    String analyze(SystemLoad live, ResourceEstimate reserved, ResourceEstimate task) {
        String cpu = over("CPU", live.cpu() + reserved.cpu(), task.cpu(), CPU_LIMIT);
        if (cpu != null) {
            return cpu;
        }
        String memory = over("memory", live.memory() + reserved.memory(), task.memory(), MEMORY_LIMIT);
        if (memory != null) {
            return memory;
        }
        return over("GPU", live.gpu() + reserved.gpu(), task.gpu(), GPU_LIMIT);
    }

    private static String over(String resource, double load, double need, double limit) {
        if (need <= 0 || load + need < limit) {
            return null;
        }
        return String.format(Locale.ROOT, "waiting for %s: %.0f %% in use + %.0f %% needed exceeds %.0f %%",
                resource, 100 * load, 100 * need, 100 * limit);
    }

    static ResourceEstimate plus(ResourceEstimate a, ResourceEstimate b) {
        return new ResourceEstimate(Math.min(1, a.cpu() + b.cpu()), Math.min(1, a.memory() + b.memory()),
                Math.min(1, a.gpu() + b.gpu()), Math.min(1, a.io() + b.io()), a.expectedDuration());
    }
}
