package org.tsperf.api.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskConfigTest {

    private static TaskConfig config() {
        Map<TaskType, Integer> w = new EnumMap<>(TaskType.class);
        for (TaskType t : TaskType.values()) {
            w.put(t, 2);
        }
        return new TaskConfig(w, Duration.ofSeconds(60), Duration.ofSeconds(120));
    }

    @Test
    void workersOfEveryQueueAreNeededWithinRange() {
        assertEquals("the workers of the queue Renders must be 1 to 64 (was 0)", assertThrows(
                IllegalArgumentException.class, () -> config().withWorkers(TaskType.RENDER, 0)).getMessage());
        Map<TaskType, Integer> some = new EnumMap<>(TaskType.class);
        some.put(TaskType.PROXY, 1);
        assertEquals("no worker count for the queue Thumbnails", assertThrows(IllegalArgumentException.class,
                () -> new TaskConfig(some, Duration.ofSeconds(60), Duration.ofSeconds(120))).getMessage());
        assertEquals(5, config().withWorkers(TaskType.THUMBNAIL, 5).workers(TaskType.THUMBNAIL));
    }

    @Test
    void deferralAndStallAreWithinTheirRanges() {
        TaskConfig c = config();
        assertEquals("the stall timeout must be 10 to 86400 seconds (was 5 s)", assertThrows(
                IllegalArgumentException.class, () -> new TaskConfig(c.workers(), c.maxDeferral(),
                        Duration.ofSeconds(5))).getMessage());
        assertEquals("the longest deferral must be 1 to 3600 seconds (was 0 s)", assertThrows(
                IllegalArgumentException.class, () -> new TaskConfig(c.workers(), Duration.ZERO,
                        c.stallTimeout())).getMessage());
    }
}
