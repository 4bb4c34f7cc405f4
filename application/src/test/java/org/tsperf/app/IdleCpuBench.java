package org.tsperf.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.junit.NbModuleSuite;
import org.openide.util.Lookup;
import org.tsperf.api.cache.LevelStatistics;
import org.tsperf.api.cache.MultiLevelCache;

/**
 * Benchmark, not part of the suite (run it by name): the CPU time the real workbench uses doing nothing. Every window
 * of the product is opened, a real clip is added in the Proxy Manager, its proxy made, it is selected (strip shown)
 * and opened in the Viewer, and the windows named by {@code tsperf.bench.front} are brought to the front of their
 * places (default: the Proxy Manager; the others stay open behind them). Once no task is left and the JIT compiler
 * has caught up with the start-up, the process's CPU time (user + system, all threads) is measured over a period and
 * printed as percent of one core, with the busiest threads and the cache requests made meanwhile.
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1280x800x24" mvn -B -o -pl application -am verify -Dtest=IdleCpuBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dtsperf.bench.seconds=60] [-Dtsperf.bench.clip=car-detection.mp4] \
 *     [-Dtsperf.bench.settle=180] [-Dtsperf.bench.front="Performance Monitor,Cache Viewer"]
 * </pre>
 */
public class IdleCpuBench extends JellyTestCase {

    public IdleCpuBench(String name) {
        super(name);
        waitNoEvent = false;
    }

    public static Test suite() {
        String base = System.getProperty("tsperf.cache.dir", "target/functional-cache");
        System.setProperty("tsperf.cache.dir", base + "/idle-bench");
        return NbModuleSuite.createConfiguration(IdleCpuBench.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.SEVERE)
                .gui(true)
                .addTest("testIdleWorkbenchWithEveryWindowOpen")
                .suite();
    }

    public void testIdleWorkbenchWithEveryWindowOpen() throws Exception {
        int seconds = Integer.getInteger("tsperf.bench.seconds", 60);
        Path clip = ProductWindows.realClip(System.getProperty("tsperf.bench.clip", "car-detection.mp4"));
        TopComponentOperator manager = ProductWindows.openEveryWindow();
        ProductWindows.addMakeSelectAndOpen(manager, clip);
        String front = System.getProperty("tsperf.bench.front", "Proxy Manager");
        for (String title : front.split(",")) {
            new TopComponentOperator(title.trim()).makeComponentVisible(); // the windows in front, the rest behind
        }
        ProductWindows.awaitNoTasks();
        String settled = settle(Integer.getInteger("tsperf.bench.settle", 180));

        MultiLevelCache cache = Lookup.getDefault().lookup(MultiLevelCache.class);
        Map<String, long[]> threadsBefore = threadTicks();
        long requestsBefore = requests(cache);
        long uptimeBefore = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds); // the measurement itself: the workbench is left alone
        long cpu = processCpuNanos() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        Map<String, long[]> threadsAfter = threadTicks();
        long requests = requests(cache) - requestsBefore;

        double percent = 100.0 * cpu / wall;
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "idle workbench, every window open (in"
                + " front: %s), %s selected: %.2f %% of one core over %.1f s (%.3f s CPU); %d cache requests meanwhile;"
                + " %s; measured from %.1f s after the JVM started%n", front, clip.getFileName(), percent, wall / 1e9,
                cpu / 1e9, requests, settled, uptimeBefore / 1e3));
        for (String t : busiest(threadsBefore, threadsAfter, wall, cpu, 15)) {
            report.append("  ").append(t).append('\n');
        }
        System.out.print(report);
        Files.writeString(getWorkDir().toPath().resolve("idle-cpu.txt"), report);
    }

    /**
     * Waits until the JIT compiler has caught up with the start-up (less than 0.5 % of a core compiling in each of two
     * 10 s windows in a row; on a loaded 2-core machine that takes a minute or more), at most {@code maxSeconds}. The
     * set-up's compilations are not what an idle workbench costs.
     */
    private static String settle(int maxSeconds) throws InterruptedException {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        long before = jit.getTotalCompilationTime();
        int quiet = 0;
        while (true) {
            TimeUnit.SECONDS.sleep(10);
            long after = jit.getTotalCompilationTime();
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            quiet = after - before < 50 ? quiet + 1 : 0;
            if (quiet == 2) {
                return "JIT quiet after " + seconds + " s";
            }
            if (seconds >= maxSeconds) {
                return "JIT still compiling after " + seconds + " s (" + (after - before) + " ms in the last 10 s)";
            }
            before = after;
        }
    }

    /** User + system CPU time of this process (the workbench), all threads. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Requests that reached the cache: L1 sees every get. */
    static long requests(MultiLevelCache cache) {
        LevelStatistics l1 = cache.levels().get(0);
        return l1.hits() + l1.misses();
    }

    /** CPU ticks of every thread of this process by thread id, with its name ({@code /proc/self/task}, Linux). */
    private static Map<String, long[]> threadTicks() {
        Map<String, long[]> m = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    m.put(t.getFileName() + " " + Files.readString(t.resolve("comm")).trim(),
                            new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12])});
                } catch (java.io.IOException | RuntimeException ended) {
                    // the thread ended while listed: its time shows in the process's total only
                }
            }
        } catch (java.io.IOException ex) {
            return m; // not Linux: no breakdown
        }
        return m;
    }

    /** The threads that used the most CPU since {@code before}, with their share of one core. */
    private static List<String> busiest(Map<String, long[]> before, Map<String, long[]> after, long wallNanos,
            long processNanos, int n) {
        double tickNanos = 1e9 / 100; // USER_HZ
        List<Map.Entry<String, Long>> used = new ArrayList<>();
        long listed = 0;
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long ticks = e.getValue()[0] - before.getOrDefault(e.getKey(), new long[1])[0];
            used.add(Map.entry(e.getKey(), ticks));
            listed += ticks;
        }
        used.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Long> u : used.subList(0, Math.min(n, used.size()))) {
            if (u.getValue() > 0) {
                lines.add(String.format(Locale.ROOT, "%6.2f %%  %s", 100.0 * u.getValue() * tickNanos / wallNanos,
                        u.getKey().substring(u.getKey().indexOf(' ') + 1)));
            }
        }
        lines.add(String.format(Locale.ROOT, "%6.2f %%  (threads that ended meanwhile, and rounding)",
                Math.max(0, 100.0 * (processNanos - listed * tickNanos) / wallNanos)));
        return lines;
    }
}
