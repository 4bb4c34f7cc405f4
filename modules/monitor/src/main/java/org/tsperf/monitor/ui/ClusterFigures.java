package org.tsperf.monitor.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openide.util.NbBundle;
import org.tsperf.api.cluster.ClusterStatus;
import org.tsperf.api.cluster.MemberStatus;
import org.tsperf.api.cluster.SegmentInFlight;

/**
 * The monitor's Cluster section: a summary line, then one line per member (role and load) and per segment in
 * flight (member, segment, % done). Made from {@code ClusterService.running()} on the sampler thread.
 *
 * @param summary  "studio: 3 members, 2 segments in flight, 45 % (90/200 frames)", "studio: 2 members, 1 preview
 *                 chunks and 2 proxy sources in flight", "none running" or "not active"
 * @param members  "10.0.0.7:5701  worker  CPU 97 %, 1 running, 12 done", one per member
 * @param segments "segment 13 on 10.0.0.7:5701: 34 %", "preview chunk 2 on 10.0.0.7:5701 (25 frames)", "proxies of
 *                 source 0 on 10.0.0.8:5701": one per item in flight, of every kind
 */
@NbBundle.Messages({
    "MSG_NoCluster=none running",
    "# {0} - cluster name", "# {1} - members", "# {2} - items in flight, by kind",
    "FMT_ClusterSummary={0}: {1} members, {2} in flight",
    "# {0} - count", "FMT_ClusterSegments={0} segments",
    "# {0} - count", "FMT_ClusterPreviewChunks={0} preview chunks",
    "# {0} - count", "FMT_ClusterProxySources={0} proxy sources",
    "# {0} - the kinds before", "# {1} - the last kind", "FMT_ClusterKindsAnd={0} and {1}",
    "# {0} - percent", "# {1} - frames done", "# {2} - frames in all",
    "FMT_ClusterProgress=, {0} % ({1}/{2} frames)",
    "# {0} - address", "# {1} - role", "# {2} - CPU percent or ?", "# {3} - running", "# {4} - done",
    "FMT_ClusterMember={0}  {1}  CPU {2}, {3} running, {4} done",
    "# {0} - segment index", "# {1} - member", "# {2} - percent", "# {3} - frames done", "# {4} - frames",
    "FMT_ClusterSegment=segment {0} on {1}: {2} % ({3}/{4} frames)",
    "# {0} - chunk index among those handed out", "# {1} - member", "# {2} - frames",
    "FMT_ClusterPreviewChunk=preview chunk {0} on {1} ({2} frames)",
    "# {0} - source index among those handed out", "# {1} - member",
    "FMT_ClusterProxies=proxies of source {0} on {1}"
})
record ClusterFigures(String summary, List<String> members, List<String> segments) {

    static final ClusterFigures NOT_ACTIVE = new ClusterFigures(DashboardState.NOT_ACTIVE, List.of(), List.of());

    ClusterFigures {
        members = List.copyOf(members);
        segments = List.copyOf(segments);
    }

    /** The clusters this process takes part in (none: "none running"). */
    static ClusterFigures of(List<ClusterStatus> running) {
        if (running.isEmpty()) {
            return new ClusterFigures(Bundle.MSG_NoCluster(), List.of(), List.of());
        }
        List<String> summaries = new ArrayList<>();
        List<String> members = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        for (ClusterStatus c : running) {
            summaries.add(summary(c));
            for (MemberStatus m : c.members()) {
                members.add(Bundle.FMT_ClusterMember(m.address(), m.role(), m.cpuPercent() < 0 ? "?"
                        : percent(m.cpuPercent()) + " %", String.valueOf(m.segmentsRunning()),
                        String.valueOf(m.segmentsDone())));
            }
            for (SegmentInFlight s : c.inFlight()) {
                segments.add(item(s));
            }
        }
        return new ClusterFigures(String.join("; ", summaries), members, segments);
    }

    /**
     * The cluster, its size and the progress of its running export: the coordinator's count of all segments
     * together, or (a worker, which knows only its own) the export segments in flight added up (proxies and preview
     * chunks count no frames done).
     */
    static String summary(ClusterStatus c) {
        String line = Bundle.FMT_ClusterSummary(c.name(), String.valueOf(c.members().size()), kinds(c.inFlight()));
        long done = c.framesDone();
        long total = c.framesTotal();
        if (total <= 0) {
            List<SegmentInFlight> segments = c.inFlight().stream()
                    .filter(s -> s.kind().equals(SegmentInFlight.SEGMENT)).toList();
            done = segments.stream().mapToLong(SegmentInFlight::framesDone).sum();
            total = segments.stream().mapToLong(SegmentInFlight::frames).sum();
        }
        return total <= 0 ? line : line + Bundle.FMT_ClusterProgress(percent(share(done, total)),
                String.valueOf(done), String.valueOf(total));
    }

    /** "2 segments", "1 preview chunks and 2 proxy sources": each kind in flight counted ("0 segments": none). */
    private static String kinds(List<SegmentInFlight> inFlight) {
        long segments = inFlight.stream().filter(s -> s.kind().equals(SegmentInFlight.SEGMENT)).count();
        long chunks = inFlight.stream().filter(s -> s.kind().equals(SegmentInFlight.PREVIEW)).count();
        long sources = inFlight.stream().filter(s -> s.kind().equals(SegmentInFlight.PROXIES)).count();
        List<String> parts = new ArrayList<>();
        if (segments > 0 || chunks + sources == 0) {
            parts.add(Bundle.FMT_ClusterSegments(String.valueOf(segments)));
        }
        if (chunks > 0) {
            parts.add(Bundle.FMT_ClusterPreviewChunks(String.valueOf(chunks)));
        }
        if (sources > 0) {
            parts.add(Bundle.FMT_ClusterProxySources(String.valueOf(sources)));
        }
        String all = parts.get(0);
        for (String part : parts.subList(1, parts.size())) {
            all = Bundle.FMT_ClusterKindsAnd(all, part);
        }
        return all;
    }

    private static String item(SegmentInFlight s) {
        return switch (s.kind()) {
            case SegmentInFlight.PREVIEW -> Bundle.FMT_ClusterPreviewChunk(String.valueOf(s.index()), s.member(),
                    String.valueOf(s.frames()));
            case SegmentInFlight.PROXIES -> Bundle.FMT_ClusterProxies(String.valueOf(s.index()), s.member());
            default -> Bundle.FMT_ClusterSegment(String.valueOf(s.index()), s.member(),
                    percent(share(s.framesDone(), s.frames())), String.valueOf(s.framesDone()),
                    String.valueOf(s.frames()));
        };
    }

    private static double share(long done, long total) {
        return total <= 0 ? 0 : 100.0 * Math.min(done, total) / total;
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.0f", p);
    }
}
