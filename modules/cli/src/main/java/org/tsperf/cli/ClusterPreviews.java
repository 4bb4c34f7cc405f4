package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsperf.api.cluster.ClusterJobOptions;
import org.tsperf.api.cluster.ClusterPreviewResult;
import org.tsperf.api.cluster.ClusterService;
import org.tsperf.api.cluster.ClusterSession;
import org.tsperf.api.cluster.ClusterSettings;
import org.tsperf.api.cluster.MemberFailure;
import org.tsperf.api.timeline.Project;
import picocli.CommandLine.ParameterException;

/**
 * {@code tsperf render --preview --cluster}: the preview chunks this machine's cache lacks rendered by the cluster's
 * workers, one chunk each, then stored into the cache here.
 */
final class ClusterPreviews {

    private ClusterPreviews() {
    }

    static int run(RenderCommand c, Project p, Path file, PrintWriter out, PrintWriter err) throws Exception {
        ClusterSettings settings;
        ClusterJobOptions options;
        try {
            settings = c.clusterOptions.settings(c.cluster, List.<Path>of());
            options = new ClusterJobOptions(1, Duration.ofSeconds(c.segmentTimeout), Duration.ofSeconds(c.workerWait));
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(c.spec.commandLine(), ex.getMessage());
        }
        ClusterService service = Services.require(ClusterService.class, "Distributed Rendering");
        try (ClusterSession session = service.connect(settings)) {
            ClusterPreviewResult r;
            try (StopOnCtrlC stop = new StopOnCtrlC("tsperf-preview-cluster-stop")) {
                r = session.previews(p, options, line -> {
                    synchronized (err) {
                        err.println("tsperf render: " + line);
                        err.flush();
                    }
                });
            } catch (InterruptedException ex) {
                err.println("tsperf render: stopped; the chunks rendered are kept in the job folder beside the"
                        + " project's first clip, and the same command resumes from them");
                return Main.FAILURE;
            }
            for (MemberFailure f : r.failures()) {
                err.println("tsperf render: preview item " + f.segment() + " failed on member " + f.member() + ": "
                        + f.reason());
            }
            r.errors().forEach(e -> err.println("tsperf render: " + e));
            if (c.json) {
                out.println(Json.line(json(settings.name(), file, r)));
            } else {
                out.println(r.stored() + " of " + r.pending() + " preview chunk(s) rendered on cluster "
                        + settings.name() + " and stored in the preview cache"
                        + (r.resumed() > 0 ? " (" + r.resumed() + " resumed)" : ""));
            }
            return r.errors().isEmpty() && r.stored() == r.pending() ? 0 : Main.FAILURE;
        }
    }

    private static Map<String, Object> json(String name, Path file, ClusterPreviewResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("project", file.toString());
        m.put("jobId", r.jobId());
        m.put("pending", r.pending());
        m.put("stored", r.stored());
        m.put("errors", r.errors());
        m.put("failures", r.failures().stream().map(f -> Json.object("member", f.member(), "item", f.segment(),
                "reason", f.reason())).toList());
        m.put("refusedResults", r.refusedResults());
        m.put("resumed", r.resumed());
        m.put("chunks", r.chunks().stream().map(k -> Json.object("item", k.item(), "index", k.index(), "start",
                k.start(), "end", k.end(), "member", k.member(), "attempts", k.attempts(), "seconds",
                Math.round(k.seconds() * 1000) / 1000.0)).toList());
        return m;
    }
}
