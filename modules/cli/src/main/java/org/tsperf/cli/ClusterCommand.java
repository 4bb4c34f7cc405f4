package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tsperf.api.cluster.ClusterService;
import org.tsperf.api.cluster.ClusterSession;
import org.tsperf.api.cluster.ClusterStatus;
import org.tsperf.api.cluster.MemberStatus;
import org.tsperf.api.cluster.SegmentInFlight;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tsperf cluster status}: the members of a render cluster, their load and the segments in flight. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Look at a render cluster: './tsperf cluster status --cluster NAME --member HOST:PORT"
                + " --secret-file FILE' joins it for a moment and lists its members, their load and the segments"
                + " being rendered.",
        subcommands = {ClusterCommand.Status.class})
final class ClusterCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: status");
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Join the cluster for a moment (as a coordinator that takes no work) and print its members"
                    + " (worker, untrusted: a member that did not prove it holds the secret, coordinator), their CPU"
                    + " load and segments running and done, and the segments in flight.")
    static final class Status implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--cluster", paramLabel = "NAME", required = true, description = "The cluster's name.")
        String cluster;

        @Mixin
        ClusterOptions clusterOptions = new ClusterOptions();

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (clusterOptions.secretFile == null) {
                throw new ParameterException(spec.commandLine(), "Missing required option: '--secret-file=FILE'");
            }
            PrintWriter out = spec.commandLine().getOut();
            ClusterService service = Services.require(ClusterService.class, "Distributed Rendering");
            try (ClusterSession session = service.connect(clusterOptions.settings(cluster, List.<Path>of()))) {
                // the members answer the challenge and publish their load every 2 s
                long deadline = System.nanoTime() + 5_000_000_000L;
                ClusterStatus s = session.status();
                while (System.nanoTime() < deadline) {
                    Thread.sleep(250);
                    s = session.status();
                    if (s.members().stream().noneMatch(m -> m.role().equals("joining")) && s.members().stream()
                            .filter(m -> m.role().equals("worker")).allMatch(m -> m.cpuPercent() >= 0)) {
                        break;
                    }
                }
                if (json) {
                    out.println(Json.line(json(s)));
                } else {
                    out.println("cluster " + s.name() + ": " + s.members().size() + " members");
                    for (MemberStatus m : s.members()) {
                        out.println(String.format(Locale.ROOT, "  %-21s %-11s CPU %s, %d segments running, %d done",
                                m.address(), m.role(), m.cpuPercent() < 0 ? "?" : String.format(Locale.ROOT, "%.0f %%",
                                        m.cpuPercent()), m.segmentsRunning(), m.segmentsDone()));
                    }
                    for (SegmentInFlight f : s.inFlight()) {
                        out.println(line(f));
                    }
                }
                return 0;
            }
        }

        /** "job 0fda segment 13 on 10.0.0.7:5701: 41/120 frames", "job 9a1f preview chunk 2 on ...: 25 frames". */
        static String line(SegmentInFlight f) {
            if (f.kind().equals(SegmentInFlight.SEGMENT)) {
                return String.format(Locale.ROOT, "  job %s segment %d on %s: %d/%d frames", f.jobId(), f.index(),
                        f.member(), f.framesDone(), f.frames());
            }
            String what = f.kind().equals(SegmentInFlight.PREVIEW) ? "preview chunk"
                    : f.kind().equals(SegmentInFlight.PROXIES) ? "proxies of source" : f.kind();
            return String.format(Locale.ROOT, "  job %s %s %d on %s%s", f.jobId(), what, f.index(), f.member(),
                    f.frames() > 0 ? ": " + f.frames() + " frames" : "");
        }

        static Map<String, Object> json(ClusterStatus s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("members", s.members().stream().map(x -> Json.object("address", x.address(), "role", x.role(),
                    "cpuPercent", x.cpuPercent() < 0 ? null : Math.round(x.cpuPercent() * 10) / 10.0,
                    "segmentsRunning", x.segmentsRunning(), "segmentsDone", x.segmentsDone())).toList());
            m.put("inFlight", s.inFlight().stream().map(f -> Json.object("jobId", f.jobId(), "index", f.index(),
                    "member", f.member(), "framesDone", f.framesDone(), "frames", f.frames(), "kind", f.kind()))
                    .toList());
            return m;
        }
    }
}
