package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsperf.api.cluster.ClusterJobOptions;
import org.tsperf.api.cluster.ClusterProxyResult;
import org.tsperf.api.cluster.ClusterService;
import org.tsperf.api.cluster.ClusterSession;
import org.tsperf.api.cluster.ClusterSettings;
import org.tsperf.api.cluster.MemberFailure;
import org.tsperf.api.cluster.ProxyFileReport;
import org.tsperf.api.proxy.ProxySettings;
import picocli.CommandLine.ParameterException;

/** {@code tsperf proxy --cluster}: each source's proxies made by one worker, then taken into the store here. */
final class ClusterProxies {

    private ClusterProxies() {
    }

    static int run(ProxyCommand c, ProxySettings settings, List<Path> sources, PrintWriter out, PrintWriter err)
            throws Exception {
        ClusterSettings clusterSettings;
        ClusterJobOptions options;
        try {
            clusterSettings = c.clusterOptions.settings(c.cluster, List.<Path>of());
            options = new ClusterJobOptions(1, Duration.ofSeconds(c.fileTimeout), Duration.ofSeconds(c.workerWait));
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(c.spec.commandLine(), ex.getMessage());
        }
        ClusterService service = Services.require(ClusterService.class, "Distributed Rendering");
        try (ClusterSession session = service.connect(clusterSettings)) {
            ClusterProxyResult r;
            try (StopOnCtrlC stop = new StopOnCtrlC("tsperf-proxy-cluster-stop")) {
                r = session.proxies(sources, settings, options, line -> {
                    synchronized (err) {
                        err.println("tsperf proxy: " + line);
                        err.flush();
                    }
                });
            } catch (InterruptedException ex) {
                err.println("tsperf proxy: stopped; the proxies made are kept in the job folder beside the sources,"
                        + " and the same command resumes from them");
                return Main.FAILURE;
            }
            for (MemberFailure f : r.failures()) {
                err.println("tsperf proxy: the proxies of " + sources.get(f.segment()) + " failed on member "
                        + f.member() + ": " + f.reason());
            }
            c.print(out, err, settings, r.results(), json(clusterSettings.name(), r));
            if (!c.json) {
                out.println(r.files().size() + " source(s) made on " + r.files().stream().map(
                        ProxyFileReport::member).distinct().count() + " member(s) of cluster "
                        + clusterSettings.name() + (r.resumed() > 0 ? " (" + r.resumed() + " resumed)" : ""));
            }
            return r.results().stream().allMatch(x -> x.status().ok()) ? 0 : Main.FAILURE;
        }
    }

    private static Map<String, Object> json(String name, ClusterProxyResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("jobId", r.jobId());
        m.put("members", r.files().stream().map(ProxyFileReport::member).distinct().sorted().toList());
        m.put("files", r.files().stream().map(f -> Json.object("source", f.source().toString(), "member",
                f.member(), "attempts", f.attempts(), "seconds", Math.round(f.seconds() * 1000) / 1000.0)).toList());
        m.put("failures", r.failures().stream().map(f -> Json.object("member", f.member(), "source",
                r.results().get(f.segment()).source().toString(), "reason", f.reason())).toList());
        m.put("refusedResults", r.refusedResults());
        m.put("resumed", r.resumed());
        return m;
    }
}
