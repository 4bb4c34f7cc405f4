package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyJob;
import org.tsperf.api.proxy.ProxyQuality;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxyResult;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Project;

/**
 * The bench project's sources as the preview render finds them in the workbench: with their Half proxies made (the
 * proxy engine makes them in the background when media are added), in the store playback reads. Found again in a
 * later run; the time to make them is reported apart from the render's.
 */
final class PreviewProxies {

    /** How many sources have a proxy the preview reads, and the seconds it took to make the missing ones. */
    record Ready(int withProxy, int sources, double seconds) {
    }

    private PreviewProxies() {
    }

    static Ready make(Project project, int previewWidth, PrintWriter err) throws Exception {
        ProxyService proxies = Services.require(ProxyService.class, "Proxy Engine");
        Path store = proxies.config().settings().store();
        ProxySettings half = new ProxySettings(List.of(ProxyResolution.HALF), ProxyFormat.H264, ProxyQuality.MEDIUM,
                store);
        List<Path> sources = project.tracks().stream().flatMap(t -> t.clips().stream()).map(Clip::source)
                .distinct().toList();
        long t0 = System.nanoTime();
        List<ProxyJob> jobs = new ArrayList<>();
        for (Path s : sources) {
            if (proxies.readyProxy(store, s, previewWidth).filter(p -> p.width() >= previewWidth).isEmpty()) {
                err.println("tsperf bench render --preview: making the Half proxy of " + s.getFileName() + " in "
                        + store);
                jobs.add(proxies.generateNow(s, half));
            }
        }
        for (ProxyJob j : jobs) {
            ProxyResult r = j.result().join();
            if (!r.status().ok()) {
                err.println("tsperf bench render --preview: no proxy for " + r.source() + ": " + r.error());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int with = 0;
        for (Path s : sources) {
            if (proxies.proxyForPlayback(s, previewWidth).filter(p -> p.width() >= previewWidth).isPresent()) {
                with++;
            }
        }
        if (!jobs.isEmpty()) {
            err.println(String.format(Locale.ROOT, "tsperf bench render --preview: proxies made in %.1f s", seconds));
        }
        return new Ready(with, sources.size(), seconds);
    }
}
