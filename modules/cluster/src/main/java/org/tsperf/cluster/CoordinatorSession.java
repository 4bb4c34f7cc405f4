package org.tsperf.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.tsperf.api.cluster.ClusterExportResult;
import org.tsperf.api.cluster.ClusterJobOptions;
import org.tsperf.api.cluster.ClusterProxyResult;
import org.tsperf.api.cluster.ClusterSession;
import org.tsperf.api.cluster.ClusterSettings;
import org.tsperf.api.cluster.ClusterStatus;
import org.tsperf.api.cluster.MemberStatus;
import org.tsperf.api.cluster.SegmentInFlight;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.timeline.SegmentRenderService;
import org.tsperf.api.timeline.TimelineService;

/**
 * The coordinator: a lite Hazelcast member (it owns no data and renders nothing) that proves which members hold the
 * secret, hands segments to them and joins the results.
 */
final class CoordinatorSession implements ClusterSession, RunningMembers.Member {

    private static final Logger LOG = Logger.getLogger(CoordinatorSession.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClusterSettings settings;
    private final Secret secret;
    private final HazelcastInstance hz;
    /** Member id to what is known of it: trusted after its attestation verified. */
    private final Map<String, Boolean> trust = new ConcurrentHashMap<>();
    private final Set<String> attesting = ConcurrentHashMap.newKeySet();
    private final List<Consumer<String>> memberLeftListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The workers' loads and the segments' live progress, as their map entries arrive: read without blocking. */
    private final Map<String, String> loads = new ConcurrentHashMap<>();
    private final Map<String, String> liveProgress = new ConcurrentHashMap<>();
    private volatile ClusterJob current;

    private CoordinatorSession(ClusterSettings settings, Secret secret, HazelcastInstance hz) {
        this.settings = settings;
        this.secret = secret;
        this.hz = hz;
    }

    static CoordinatorSession connect(ClusterSettings settings) throws IOException {
        Secret secret = Secret.read(settings.secretFile());
        HazelcastInstance hz;
        try {
            hz = Hazelcast.newHazelcastInstance(HazelcastConfigs.config(settings, "coordinator", true, Map.of()));
        } catch (RuntimeException ex) {
            throw new IOException("cannot join cluster " + settings.name() + " from " + settings.bind() + ":"
                    + settings.port() + ": " + ex.getMessage(), ex);
        }
        CoordinatorSession s = new CoordinatorSession(settings, secret, hz);
        hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                s.attest(e.getMember());
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                String id = e.getMember().getUuid().toString();
                s.trust.remove(id);
                s.memberLeftListeners.forEach(l -> l.accept(id));
            }
        });
        try {
            hz.<String, String>getMap(HazelcastConfigs.MEMBERS_MAP).addEntryListener(new Mirror(s.loads), true);
            hz.<String, String>getMap(HazelcastConfigs.PROGRESS_MAP).addEntryListener(new Mirror(s.liveProgress),
                    true);
        } catch (RuntimeException ex) {
            hz.shutdown();
            throw new IOException("cannot follow the workers of cluster " + settings.name() + ": " + ex.getMessage(),
                    ex);
        }
        for (Member m : hz.getCluster().getMembers()) {
            s.attest(m);
        }
        return s;
    }

    static String nonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Challenges a data member to prove it holds the secret; the answer decides whether it gets work. */
    void attest(Member m) {
        if (m.isLiteMember() || m.localMember()) {
            return;
        }
        String id = m.getUuid().toString();
        if (trust.containsKey(id) || !attesting.add(id)) {
            return;
        }
        String nonce = nonce();
        byte[] expected = AttestTask.content(settings.name(), nonce, id);
        try {
            hz.getExecutorService(HazelcastConfigs.EXECUTOR + "-attest").submitToMember(
                    new AttestTask(settings.name(), nonce), m, new ExecutionCallback<String>() {
                @Override
                public void onResponse(String response) {
                    boolean ok;
                    try {
                        ok = secret.verifies(expected, Base64.getDecoder().decode(response));
                    } catch (IllegalArgumentException ex) {
                        ok = false;
                    }
                    if (!ok) {
                        LOG.log(Level.WARNING, "member {0} of cluster {1} did not prove it holds the shared secret:"
                                + " it gets no work", new Object[] {WorkerNode.address(m), settings.name()});
                    }
                    trust.put(id, ok);
                    attesting.remove(id);
                }

                @Override
                public void onFailure(Throwable t) {
                    LOG.log(Level.WARNING, "member " + WorkerNode.address(m) + " did not answer the challenge: it"
                            + " gets no work", t);
                    trust.put(id, false);
                    attesting.remove(id);
                }
            });
        } catch (RuntimeException ex) {
            attesting.remove(id);
            LOG.log(Level.WARNING, "cannot challenge member " + WorkerNode.address(m), ex);
        }
    }

    /** The data members that proved they hold the secret. */
    List<Member> trustedWorkers() {
        List<Member> out = new ArrayList<>();
        for (Member m : hz.getCluster().getMembers()) {
            if (!m.isLiteMember() && Boolean.TRUE.equals(trust.get(m.getUuid().toString()))) {
                out.add(m);
            } else if (!m.isLiteMember() && !trust.containsKey(m.getUuid().toString())) {
                attest(m);
            }
        }
        return out;
    }

    /** Members that answered the challenge wrongly. */
    List<String> untrustedMembers() {
        List<String> out = new ArrayList<>();
        for (Member m : hz.getCluster().getMembers()) {
            if (Boolean.FALSE.equals(trust.get(m.getUuid().toString()))) {
                out.add(WorkerNode.address(m));
            }
        }
        return out;
    }

    HazelcastInstance instance() {
        return hz;
    }

    Secret secret() {
        return secret;
    }

    ClusterSettings settings() {
        return settings;
    }

    void onMemberLeft(Consumer<String> listener) {
        memberLeftListeners.add(listener);
    }

    void removeMemberLeft(Consumer<String> listener) {
        memberLeftListeners.remove(listener);
    }

    /** A map's entries as they come and go, in a local map. */
    private static final class Mirror implements EntryAddedListener<String, String>,
            EntryUpdatedListener<String, String>, EntryRemovedListener<String, String> {

        private final Map<String, String> target;

        Mirror(Map<String, String> target) {
            this.target = target;
        }

        @Override
        public void entryAdded(EntryEvent<String, String> e) {
            target.put(e.getKey(), e.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, String> e) {
            target.put(e.getKey(), e.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<String, String> e) {
            target.remove(e.getKey());
        }
    }

    /** Forgets a segment's live progress (done, or failed with its worker). */
    void forgetProgress(String key) {
        liveProgress.remove(key);
        try {
            hz.<String, String>getMap(HazelcastConfigs.PROGRESS_MAP).removeAsync(key);
        } catch (RuntimeException ex) {
            LOG.log(Level.FINE, "cannot remove the progress of " + key, ex);
        }
    }

    /** A segment's live progress: "framesDone frames address", or null. */
    String liveProgress(String key) {
        return liveProgress.get(key);
    }

    @Override
    public ClusterStatus status() {
        List<MemberStatus> members = new ArrayList<>();
        for (Member m : hz.getCluster().getMembers()) {
            String id = m.getUuid().toString();
            String role = m.isLiteMember() ? "coordinator" : Boolean.TRUE.equals(trust.get(id)) ? "worker"
                    : Boolean.FALSE.equals(trust.get(id)) ? "untrusted" : "joining";
            double cpu = m.localMember() ? WorkerNode.cpuPercent() : -1;
            int running = 0;
            int done = 0;
            String load = loads.get(id);
            if (load != null) {
                String[] f = load.split(" ");
                try {
                    cpu = Double.parseDouble(f[0]);
                    running = Integer.parseInt(f[1]);
                    done = Integer.parseInt(f[2]);
                } catch (RuntimeException ex) {
                    LOG.log(Level.FINE, "unreadable load of " + id + ": " + load, ex);
                }
            }
            members.add(new MemberStatus(WorkerNode.address(m), role, cpu, running, done));
        }
        ClusterJob job = current;
        List<SegmentInFlight> inFlight = job == null ? fromWorkers() : job.inFlight();
        RenderProgress p = job == null ? null : job.progress();
        return new ClusterStatus(settings.name(), members, inFlight, p == null ? 0 : p.framesDone(),
                p == null ? 0 : p.framesTotal());
    }

    /**
     * Items in flight as the workers publish them: segments, proxies and preview chunks of every coordinator's jobs
     * (this one's proxy and preview batches included).
     */
    private List<SegmentInFlight> fromWorkers() {
        Set<String> present = new java.util.HashSet<>();
        for (Member m : hz.getCluster().getMembers()) {
            present.add(WorkerNode.address(m));
        }
        List<SegmentInFlight> out = new ArrayList<>();
        for (Map.Entry<String, String> e : liveProgress.entrySet()) {
            String[] key = e.getKey().split("/");
            String[] value = e.getValue().split(" ");
            if (value.length < 3 || !present.contains(value[2])) {
                continue; // a worker that left while rendering it
            }
            try {
                out.add(new SegmentInFlight(key[0], Integer.parseInt(key[1]), value[2], Long.parseLong(value[0]),
                        Long.parseLong(value[1]), value.length > 3 ? value[3] : SegmentInFlight.SEGMENT));
            } catch (RuntimeException ex) {
                LOG.log(Level.FINE, "unreadable progress " + e, ex);
            }
        }
        out.sort((a, b) -> a.jobId().equals(b.jobId()) ? Integer.compare(a.index(), b.index())
                : a.jobId().compareTo(b.jobId()));
        return out;
    }

    @Override
    public ClusterExportResult export(ExportRequest request, ClusterJobOptions options,
            Consumer<RenderProgress> progress) throws IOException, InterruptedException {
        SegmentRenderService segments = Lookup.getDefault().lookup(SegmentRenderService.class);
        TimelineService timelines = Lookup.getDefault().lookup(TimelineService.class);
        if (segments == null || timelines == null) {
            throw new IOException("cannot export on the cluster: the " + (segments == null ? "render" : "timeline")
                    + " module (SegmentRenderService) is not installed here");
        }
        ClusterJob job = ClusterJob.prepare(this, segments, timelines, request, options);
        current = job;
        try {
            return job.run(progress);
        } finally {
            current = null;
        }
    }

    @Override
    public ClusterProxyResult proxies(List<Path> sources, ProxySettings settings, ClusterJobOptions options,
            Consumer<String> progress) throws IOException, InterruptedException {
        return ProxyBatch.run(this, sources, settings, options, progress);
    }

    @Override
    public org.tsperf.api.cluster.ClusterPreviewResult previews(org.tsperf.api.timeline.Project project,
            ClusterJobOptions options, Consumer<String> progress) throws IOException, InterruptedException {
        return PreviewBatch.run(this, project, options, progress);
    }

    @Override
    public boolean isRunning() {
        return hz.getLifecycleService().isRunning();
    }

    @Override
    public ClusterStatus clusterStatus() {
        return status();
    }

    @Override
    public void close() {
        hz.shutdown();
    }
}
