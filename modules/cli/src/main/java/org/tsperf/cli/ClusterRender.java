package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.tsperf.api.cluster.ClusterExportResult;
import org.tsperf.api.cluster.ClusterJobOptions;
import org.tsperf.api.cluster.ClusterService;
import org.tsperf.api.cluster.ClusterSession;
import org.tsperf.api.cluster.ClusterSettings;
import org.tsperf.api.cluster.MemberFailure;
import org.tsperf.api.cluster.SegmentReport;
import org.tsperf.api.timeline.ExportRequest;
import picocli.CommandLine.ParameterException;

/** {@code tsperf render --cluster}: the export handed out in segments to the cluster's workers. */
final class ClusterRender {

    private static final long PRINT_NS = 1_000_000_000L;

    private ClusterRender() {
    }

    static int run(RenderCommand c, ExportRequest request, PrintWriter out, PrintWriter err) throws Exception {
        ClusterSettings settings;
        ClusterJobOptions options;
        try {
            settings = c.clusterOptions.settings(c.cluster, List.<Path>of());
            options = new ClusterJobOptions(c.segmentFrames, Duration.ofSeconds(c.segmentTimeout),
                    Duration.ofSeconds(c.workerWait));
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(c.spec.commandLine(), ex.getMessage());
        }
        ClusterService service = Services.require(ClusterService.class, "Distributed Rendering");
        try (ClusterSession session = service.connect(settings)) {
            long[] lastPrint = {0};
            ClusterExportResult r;
            try (StopOnCtrlC stop = new StopOnCtrlC("tsperf-render-cluster-stop")) {
                r = session.export(request, options, rp -> {
                    long now = System.nanoTime();
                    if (now - lastPrint[0] >= PRINT_NS) {
                        lastPrint[0] = now;
                        err.println("tsperf render: " + RenderCommand.progressLine(rp) + ", "
                                + session.status().inFlight().size() + " segments in flight");
                        err.flush();
                    }
                });
            } catch (InterruptedException ex) {
                err.println("tsperf render: stopped; the segments done are kept beside the output, and the same"
                        + " command resumes from them");
                return Main.FAILURE;
            }
            for (MemberFailure f : r.failures()) {
                err.println("tsperf render: segment " + f.segment() + " failed on member " + f.member() + ": "
                        + f.reason() + "; it was rendered again elsewhere");
            }
            if (c.json) {
                Map<String, Object> m = RenderCommand.json(r.export(), request);
                m.put("cluster", json(settings.name(), r));
                out.println(Json.line(m));
            } else {
                long members = r.segments().stream().map(SegmentReport::member).distinct().count();
                out.println(String.format(Locale.ROOT, "Wrote %s: %d frames, %.3f s of %s, in %.1f s: %.2fx real"
                        + " time; %d segments on %d members%s", r.export().file(), r.export().frames(),
                        r.export().durationMicros() / 1e6, request.format().cliName(), r.export().seconds(),
                        r.export().realTimeSpeed(), r.segments().size(), members,
                        r.resumed() > 0 ? " (" + r.resumed() + " resumed)" : ""));
            }
            return 0;
        }
    }

    private static Map<String, Object> json(String name, ClusterExportResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("jobId", r.jobId());
        m.put("members", r.segments().stream().map(SegmentReport::member).distinct().sorted()
                .collect(Collectors.toList()));
        m.put("segments", r.segments().stream().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("index", s.index());
            x.put("in", s.in());
            x.put("out", s.out());
            x.put("member", s.member());
            x.put("attempts", s.attempts());
            x.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
            return x;
        }).toList());
        m.put("failures", r.failures().stream().map(f -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("member", f.member());
            x.put("segment", f.segment());
            x.put("reason", f.reason());
            return x;
        }).toList());
        m.put("refusedResults", r.refusedResults());
        m.put("resumed", r.resumed());
        return m;
    }
}
