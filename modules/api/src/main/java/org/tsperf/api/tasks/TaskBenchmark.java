package org.tsperf.api.tasks;

import java.util.List;

/** Measures the task system against a plain thread pool in the same run ({@code ./tsperf tasks bench}). */
public interface TaskBenchmark {

    /**
     * @param trivialTasks how many no-op tasks the throughput run submits
     * @param journalTasks how many tasks the journal-cost run submits
     */
    List<Measurement> run(int trivialTasks, int journalTasks) throws Exception;

    /**
     * One figure with the baseline it is compared with.
     *
     * @param name          what was measured
     * @param value         the task system's figure
     * @param baseline      the baseline's figure in the same unit
     * @param unit          e.g. "tasks/s" or "µs"
     * @param baselineName  what the baseline is, e.g. "ThreadPoolExecutor"
     * @param higherIsBetter whether a larger value is better
     */
    record Measurement(String name, double value, double baseline, String unit, String baselineName,
            boolean higherIsBetter) {

        /** value / baseline. */
        public double ratio() {
            return baseline == 0 ? Double.NaN : value / baseline;
        }
    }
}
