package org.tsperf.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openide.util.Lookup;
import org.openide.util.lookup.Lookups;
import org.tsperf.api.tasks.QueueInfo;
import org.tsperf.api.tasks.TaskConfig;
import org.tsperf.api.tasks.TaskConfiguration;
import org.tsperf.api.tasks.TaskType;
import org.tsperf.api.util.ModulePreferences;

class StoredTaskConfigurationTest {

    private final Preferences node = ModulePreferences.forModule(StoredTaskConfiguration.class);
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(new SimpleFormatter().formatMessage(r));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private TaskScheduler scheduler;

    @BeforeEach
    void fresh() throws BackingStoreException {
        node.clear();
        Logger.getLogger("").addHandler(handler);
    }

    @AfterEach
    void cleanUp() throws BackingStoreException {
        Logger.getLogger("").removeHandler(handler);
        if (scheduler != null) {
            scheduler.close();
        }
        node.clear();
    }

    private static TaskConfiguration service() {
        return Lookup.getDefault().lookup(TaskConfiguration.class);
    }

    @Test
    void defaultsFollowTheCoresAndTheSchedulerStartsWithThem() {
        int cores = Runtime.getRuntime().availableProcessors();
        TaskConfig c = service().config();
        assertEquals(Math.max(1, cores / 2), c.workers(TaskType.PROXY));
        assertEquals(1, c.workers(TaskType.RENDER));
        assertEquals(Duration.ofSeconds(60), c.maxDeferral());
        assertEquals(Duration.ofSeconds(120), c.stallTimeout());
        assertEquals(c.workers(), TaskScheduler.Config.defaults().workers());
    }

    @Test
    void savedSettingsAreWhatTheNextSchedulerStartsWith() {
        TaskConfig wanted = new TaskConfig(service().defaults().withWorkers(TaskType.RENDER, 3).workers(),
                Duration.ofSeconds(30), Duration.ofSeconds(600));
        assertFalse(service().setConfig(wanted), "deferral and stall wait for a restart");
        assertEquals(wanted, service().config());
        TaskScheduler.Config next = TaskScheduler.Config.defaults();
        assertEquals(3, next.workers().get(TaskType.RENDER));
        assertEquals(Duration.ofSeconds(30), next.maxDeferral());
        assertEquals(Duration.ofSeconds(600), next.stallTimeout());
    }

    @Test
    void workerCountsApplyToTheRunningSchedulerAtOnce() {
        scheduler = new TaskScheduler(Lookups.fixed(), null, TaskScheduler.Config.defaults());
        StoredTaskConfiguration s = new StoredTaskConfiguration(node, Lookups.fixed(scheduler));
        assertTrue(s.setConfig(s.config().withWorkers(TaskType.THUMBNAIL, 5)), "workers apply at once");
        QueueInfo thumbnails = scheduler.queues().stream().filter(q -> q.type() == TaskType.THUMBNAIL).findFirst()
                .orElseThrow();
        assertEquals(5, thumbnails.workers());
    }

    @Test
    void corruptOrOutOfRangeValuesGiveTheirDefaultsAndAWarningNamingEach() {
        node.put(StoredTaskConfiguration.workersKey(TaskType.RENDER), "two");
        node.put(StoredTaskConfiguration.workersKey(TaskType.THUMBNAIL), "500");
        node.put(StoredTaskConfiguration.MAX_DEFERRAL, "-1");
        node.put(StoredTaskConfiguration.STALL, "1e9");
        assertEquals(service().defaults(), service().config());
        for (String key : List.of("workers.render", "workers.thumbnail", "maxDeferralSeconds", "stallSeconds")) {
            assertTrue(warnings.stream().anyMatch(w -> w.contains("setting " + key + " ")), key + ": " + warnings);
        }
    }
}
