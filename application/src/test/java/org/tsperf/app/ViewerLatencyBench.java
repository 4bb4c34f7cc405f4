package org.tsperf.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import javax.swing.SwingUtilities;
import junit.framework.Test;
import org.netbeans.jellytools.JellyTestCase;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.jemmy.operators.JLabelOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.netbeans.junit.NbModuleSuite;
import org.openide.util.Lookup;
import org.tsperf.api.playback.MediaViewer;
import org.tsperf.api.proxy.ProxyJob;
import org.tsperf.api.proxy.ProxyResult;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxySettings;

/**
 * Benchmark, not part of the suite (run it by name): the event thread's latency in the real workbench while the
 * Viewer plays a 4K clip from its proxy and two proxy jobs of other 4K clips run. A task is posted to the event
 * thread every 10 ms; its latency is the time from posting to running. Prints p50/p99/max and the Viewer's figures.
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1600x1000x24" mvn -o -pl application verify -Dtest=ViewerLatencyBench \
 *     -Dtsperf.bench.play=4K.mp4 -Dtsperf.bench.proxies=A.mp4,B.mp4 [-Dtsperf.bench.seconds=30]
 * </pre>
 */
public class ViewerLatencyBench extends JellyTestCase {

    public ViewerLatencyBench(String name) {
        super(name);
        waitNoEvent = false;
    }

    public static Test suite() {
        return NbModuleSuite.createConfiguration(ViewerLatencyBench.class)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .failOnException(Level.SEVERE)
                .gui(true)
                .addTest("testEventThreadLatencyWhilePlaying4KWithTwoProxyJobs")
                .suite();
    }

    public void testEventThreadLatencyWhilePlaying4KWithTwoProxyJobs() throws Exception {
        String media = System.getProperty("user.home") + "/.cache/tsperf-bench-media/";
        Path play = Path.of(System.getProperty("tsperf.bench.play", media + "uhd-h264-60p-10s.mp4"));
        List<Path> others = new ArrayList<>();
        for (String p : System.getProperty("tsperf.bench.proxies", media + "uhd-h264-30p-20s.mp4,"
                + media + "uhd-hevc10-30p-10s.mp4").split(",")) {
            others.add(Path.of(p));
        }
        int seconds = Integer.getInteger("tsperf.bench.seconds", 30);
        for (Path p : concat(play, others)) {
            assertTrue(p + " is missing: make the corpus with ../shared/media/make-bench-media.sh full",
                    Files.isRegularFile(p));
        }
        ProxyService proxies = Lookup.getDefault().lookup(ProxyService.class);
        Path store = proxies.config().settings().store();
        System.out.println("making the played clip's proxy in " + store + " (once)...");
        ProxyResult made = proxies.generateNow(play, proxies.config().settings()).result().get(10, TimeUnit.MINUTES);
        assertTrue("the played clip's proxy: " + made, made.status().ok());

        SwingUtilities.invokeAndWait(() -> Lookup.getDefault().lookup(MediaViewer.class).show(play));
        TopComponentOperator viewer = new TopComponentOperator("Viewer");
        JLabelOperator source = new JLabelOperator(viewer, new NameComponentChooser("source"));
        Await.await(source::getText, "Proxy .*", "the Viewer to read the proxy");
        Path jobStore = Files.createTempDirectory("tsperf-latency-proxies");
        List<ProxyJob> jobs = new ArrayList<>();
        for (Path p : others) {
            jobs.add(proxies.generateNow(p, ProxySettings.defaults(jobStore)));
        }
        viewer.pushKey(java.awt.event.KeyEvent.VK_I); // loop the whole clip
        viewer.pushKey(java.awt.event.KeyEvent.VK_SPACE);
        JLabelOperator figures = new JLabelOperator(viewer, new NameComponentChooser("figures"));

        double[] latencies = probe(seconds);
        String shown = figures.getText();
        jobs.forEach(j -> j.cancel("benchmark over"));
        removeTree(jobStore);
        Arrays.sort(latencies);
        double p50 = latencies[latencies.length / 2];
        double p99 = latencies[(int) (latencies.length * 0.99)];
        double max = latencies[latencies.length - 1];
        String line = String.format(Locale.ROOT, "event-thread latency over %d s (%d probes): p50 %.1f ms, p99 %.1f"
                + " ms, max %.1f ms; Viewer: %s", seconds, latencies.length, p50, p99, max, shown);
        System.out.println(line);
        Files.writeString(getWorkDir().toPath().resolve("viewer-latency.txt"), line + "\n");
        assertTrue("the Viewer played: " + shown, shown.matches("[1-9][0-9.]* fps.*"));
    }

    /** Posts a task every 10 ms for {@code seconds}; returns each one's wait in milliseconds. */
    private static double[] probe(int seconds) throws InterruptedException {
        int n = seconds * 100;
        double[] waits = new double[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long posted = System.nanoTime();
            int k = i;
            SwingUtilities.invokeLater(() -> waits[k] = (System.nanoTime() - posted) / 1e6);
            long next = start + (i + 1) * 10_000_000L;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        try {
            SwingUtilities.invokeAndWait(() -> { });
        } catch (java.lang.reflect.InvocationTargetException ex) {
            throw new AssertionError(ex);
        }
        return waits;
    }

    private static List<Path> concat(Path first, List<Path> rest) {
        List<Path> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    private static void removeTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
