package org.tsperf.tasks;

import org.openide.util.NbBundle.Messages;
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.SystemLoad;

/**
 * The seed's capacity rule: a task may start when live load plus what recently started tasks will add plus its own
 * estimate stays under the limits (CPU 0.9, memory 0.8, GPU 0.9). A resource the task does not need is not checked,
 * so trivial tasks are never held back by a busy machine. Why a task waits is said for the editor who reads it in the
 * Background Tasks window: what is busy, by how much, and how to start the task anyway.
 */
@Messages({
    "# {0} - percent in use now, {1} - percent the task adds, {2} - the limit",
    "WAIT_Cpu=Waiting for the CPU: it is {0} % busy and this task needs about {1} % more (limit {2} %)."
        + " It starts by itself when the machine is calmer; Run Now starts it at once.",
    "# {0} - percent in use now, {1} - percent the task adds, {2} - the limit",
    "WAIT_Memory=Waiting for memory: {0} % of the RAM is in use and this task needs about {1} % more (limit {2} %)."
        + " It starts by itself when memory is freed; Run Now starts it at once.",
    "# {0} - percent in use now, {1} - percent the task adds, {2} - the limit",
    "WAIT_Gpu=Waiting for the GPU: it is {0} % busy and this task needs about {1} % more (limit {2} %)."
        + " It starts by itself when the GPU is calmer; Run Now starts it at once."
})
final class CapacityPolicy {

    static final double CPU_LIMIT = 0.9;
    static final double MEMORY_LIMIT = 0.8;
    static final double GPU_LIMIT = 0.9;

    /** Why a task must wait, in words for the user, or null when it may start. */
    String analyze(SystemLoad live, ResourceEstimate reserved, ResourceEstimate task) {
        double cpu = live.cpu() + reserved.cpu();
        if (over(cpu, task.cpu(), CPU_LIMIT)) {
            return Bundle.WAIT_Cpu(percent(cpu), percent(task.cpu()), percent(CPU_LIMIT));
        }
        double memory = live.memory() + reserved.memory();
        if (over(memory, task.memory(), MEMORY_LIMIT)) {
            return Bundle.WAIT_Memory(percent(memory), percent(task.memory()), percent(MEMORY_LIMIT));
        }
        double gpu = live.gpu() + reserved.gpu();
        if (over(gpu, task.gpu(), GPU_LIMIT)) {
            return Bundle.WAIT_Gpu(percent(gpu), percent(task.gpu()), percent(GPU_LIMIT));
        }
        return null;
    }

    private static boolean over(double load, double need, double limit) {
        return need > 0 && load + need >= limit;
    }

    /** A whole percentage as text, without grouping ("92"). */
    private static String percent(double fraction) {
        return Long.toString(Math.round(100 * fraction));
    }

    static ResourceEstimate plus(ResourceEstimate a, ResourceEstimate b) {
        return new ResourceEstimate(Math.min(1, a.cpu() + b.cpu()), Math.min(1, a.memory() + b.memory()),
                Math.min(1, a.gpu() + b.gpu()), Math.min(1, a.io() + b.io()), a.expectedDuration());
    }
}
