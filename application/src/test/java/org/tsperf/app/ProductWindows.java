package org.tsperf.app;

import static org.tsperf.app.Await.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import junit.framework.AssertionFailedError;
import org.netbeans.jellytools.TopComponentOperator;
import org.netbeans.jemmy.operators.JLabelOperator;
import org.netbeans.jemmy.operators.JTableOperator;
import org.netbeans.jemmy.util.NameComponentChooser;
import org.openide.util.Lookup;
import org.tsperf.api.playback.MediaViewer;
import org.tsperf.api.proxy.ProxyMediaList;
import org.tsperf.api.proxy.ProxyResult;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskService;

/**
 * The workbench as an editor leaves it: every window of the product open, a real clip in the Proxy Manager with its
 * proxy made, selected (its thumbnail strip shown) and open in the Viewer, no background work left. Shared by the
 * idle checks ({@link IdleWorkbenchUiTest}, {@link IdleCpuBench}).
 */
final class ProductWindows {

    /** The windows of the product, as the Window menu names them. */
    static final List<String> TITLES = List.of("Viewer", "Performance Monitor", "Proxy Manager", "Cache Viewer",
            "Memory Manager", "GPU Scheduler", "Background Tasks", "Timeline");

    private ProductWindows() {
    }

    /** {@code shared/media/real} beside the checkout, found by walking up from where the test runs. */
    static Path realClip(String name) {
        for (Path p = Path.of(System.getProperty("tsperf.root", "")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("media").resolve("real").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionFailedError(name + " is missing: the real clips belong in ../shared/media/real beside the"
                + " checkout");
    }

    /** Opens every product window from the Window menu; returns the Proxy Manager. */
    static TopComponentOperator openEveryWindow() {
        for (String title : TITLES) {
            Menus.openWindow(title);
        }
        return new TopComponentOperator("Proxy Manager");
    }

    /**
     * Adds the clip to the Proxy Manager's list, makes its proxy now, selects it and waits for its strip; then opens
     * it in the Viewer and waits until no task is left.
     */
    static void addMakeSelectAndOpen(TopComponentOperator manager, Path clip) throws Exception {
        ProxyMediaList list = Lookup.getDefault().lookup(ProxyMediaList.class);
        list.addMedia(List.of(clip)).get(60, TimeUnit.SECONDS);
        ProxyService proxies = Lookup.getDefault().lookup(ProxyService.class);
        ProxyResult made = proxies.generateNow(clip, proxies.config().settings()).result().get(5, TimeUnit.MINUTES);
        if (!made.status().ok()) {
            throw new AssertionFailedError("the clip's proxy: " + made);
        }
        JTableOperator table = new JTableOperator(manager, new NameComponentChooser("proxyMedia"));
        String name = clip.getFileName().toString();
        await(() -> row(table, name) >= 0, "the clip in the media list");
        table.selectCell(row(table, name), 0);
        JLabelOperator strip = new JLabelOperator(manager, new NameComponentChooser("thumbnailStatus"));
        await(strip::getText, "\\d+ thumbnails.*", "the thumbnail strip");
        SwingUtilities.invokeAndWait(() -> Lookup.getDefault().lookup(MediaViewer.class).show(clip));
        JLabelOperator source = new JLabelOperator(new TopComponentOperator("Viewer"),
                new NameComponentChooser("source"));
        await(source::getText, "(Proxy|Original) .*", "the Viewer to open the clip");
        manager.makeComponentVisible();
        awaitNoTasks();
    }

    /** Waits until every task of the task system has ended. */
    static void awaitNoTasks() {
        TaskService tasks = Lookup.getDefault().lookup(TaskService.class);
        await(() -> tasks.tasks().stream().map(TaskInfo::state).allMatch(s -> s.isFinal()),
                "every background task to end");
    }

    static int row(JTableOperator table, String name) {
        for (int i = 0; i < table.getRowCount(); i++) {
            if (String.valueOf(table.getValueAt(i, 0)).startsWith(name)) {
                return i;
            }
        }
        return -1;
    }
}
