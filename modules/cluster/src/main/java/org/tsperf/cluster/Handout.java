package org.tsperf.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.cluster.ClusterJobOptions;
import org.tsperf.api.cluster.MemberFailure;
import org.tsperf.api.cluster.SegmentInFlight;

/**
 * Hands a job's items to the trusted workers, one at a time each, on the coordinator's thread: results verified
 * (signature, attempt, file checksum, then the kind's own checks), failures run again on another worker, an item
 * that failed {@link #MAX_FAILURES} times given up (or the job failed, as the kind says). Items whose signed results
 * lie in the job folder from an earlier run are taken as done, so a coordinator started again resumes.
 */
final class Handout {

    private static final Logger LOG = Logger.getLogger(Handout.class.getName());
    /** An item that failed this many times (on as many different workers as there are, up to this) is given up. */
    static final int MAX_FAILURES = 3;

    private final CoordinatorSession session;
    private final WorkKind kind;
    private final String jobId;
    private final Path folder;
    private final ClusterJobOptions options;
    private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
    private final Map<Integer, SegmentResult> done = new TreeMap<>();
    private final Map<Integer, Integer> attemptsOfDone = new HashMap<>();
    private final Map<Integer, List<MemberFailure>> givenUp = new TreeMap<>();
    private final Deque<Integer> pending = new ArrayDeque<>();
    /** Attempt nonce to attempt, while running; late answers of abandoned attempts are still welcome. */
    private final Map<String, Attempt> attempts = new HashMap<>();
    private final Map<String, Attempt> abandoned = new HashMap<>();
    private final Map<Integer, List<MemberFailure>> failuresByItem = new HashMap<>();
    private final List<MemberFailure> failures = new ArrayList<>();
    private final Map<Integer, Integer> handedOut = new HashMap<>();
    private volatile List<SegmentInFlight> inFlightView = List.of();
    private int refused;
    private int resumed;
    private Consumer<String> said = line -> { };

    private record Attempt(int index, String nonce, Member member, String address, long deadlineNanos) {
    }

    Handout(CoordinatorSession session, WorkKind kind, String jobId, Path folder, ClusterJobOptions options) {
        this.session = session;
        this.kind = kind;
        this.jobId = jobId;
        this.folder = folder;
        this.options = options;
    }

    /**
     * Runs until every item is done or given up; {@code tick} runs on this thread about twice a second.
     *
     * @throws IOException no worker holding the secret, or an item failed too often and the kind fails the job
     */
    void run(Runnable tick, Consumer<String> said) throws IOException, InterruptedException {
        this.said = said;
        resume();
        for (int i = 0; i < kind.size(); i++) {
            if (!done.containsKey(i)) {
                pending.add(i);
            }
        }
        Consumer<String> memberLeft = id -> events.add(() -> { });
        session.onMemberLeft(memberLeft);
        long workerWaitStart = System.nanoTime();
        long lastTick = 0;
        try {
            while (done.size() + givenUp.size() < kind.size()) {
                List<Member> workers = session.trustedWorkers();
                if (workers.isEmpty() && attempts.isEmpty()) {
                    if (System.nanoTime() - workerWaitStart > options.workerWait().toNanos()) {
                        throw noWorker();
                    }
                } else {
                    workerWaitStart = System.nanoTime();
                }
                dispatch(workers);
                Runnable event = events.poll(200, TimeUnit.MILLISECONDS);
                while (event != null) {
                    event.run();
                    event = events.poll();
                }
                checkDeadlines();
                long now = System.nanoTime();
                if (now - lastTick > 500_000_000L) {
                    lastTick = now;
                    tick.run();
                }
            }
        } finally {
            session.removeMemberLeft(memberLeft);
            inFlightView = List.of();
        }
    }

    private IOException noWorker() {
        List<String> untrusted = session.untrustedMembers();
        String name = session.settings().name();
        return new IOException("no worker holding the shared secret is in cluster " + name + " (waited "
                + options.workerWait().toSeconds() + " s)" + (untrusted.isEmpty() ? ""
                : "; members refused for not proving they hold the secret: " + untrusted) + ". Start workers with"
                + " './tsperf worker --cluster " + name + " --member HOST:PORT --media-root DIR --secret-file FILE'"
                + " and the same secret file.");
    }

    /** Items whose signed results lie in the job folder and whose files still match them: not done again. */
    private void resume() {
        for (int i = 0; i < kind.size(); i++) {
            Path sidecar = folder.resolve(kind.sidecarName(i));
            if (!Files.isRegularFile(sidecar)) {
                continue;
            }
            try (Reader r = Files.newBufferedReader(sidecar, StandardCharsets.ISO_8859_1)) {
                SegmentResult result = SegmentResult.load(r);
                String problem = check(result, i);
                if (problem == null) {
                    done.put(i, result);
                    attemptsOfDone.put(i, 0);
                    resumed++;
                    LOG.log(Level.INFO, "{0} of job {1} was done before (by {2}): resumed", new Object[] {
                        kind.describe(i), jobId, result.address});
                } else {
                    LOG.log(Level.WARNING, "{0} of job {1} found done in {2} is not used: {3}",
                            new Object[] {kind.describe(i), jobId, folder, problem});
                }
            } catch (IOException ex) {
                LOG.log(Level.WARNING, "the result of " + kind.describe(i) + " in " + folder + " is unreadable;"
                        + " it is done again", ex);
            }
        }
    }

    /** Why a done result is not acceptable, or null: signature, job, item, file and checksum, the kind's checks. */
    private String check(SegmentResult r, int index) {
        if (!r.verifies(session.secret())) {
            return "its signature does not verify with the shared secret (forged, or changed on the way)";
        }
        if (!r.jobId.equals(jobId) || r.index != index) {
            return "it is the result of item " + r.index + " of job " + r.jobId + ", not of item " + index
                    + " of job " + jobId;
        }
        if (!r.ok) {
            return r.reason;
        }
        if (r.fileName.isEmpty() || !folder.resolve(r.fileName).normalize().getParent().equals(folder)) {
            return "it names the file " + r.fileName + ", which is not in the job folder";
        }
        Path file = folder.resolve(r.fileName);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) != r.size || !WorkerNode.sha256(file).equals(r.sha256)) {
                return "the file " + file + " is not the one the worker described (size or SHA-256 differ)";
            }
        } catch (IOException ex) {
            return "the file " + file + " cannot be read: " + ex.getMessage();
        }
        return kind.checkFile(r, index);
    }

    private void dispatch(List<Member> workers) {
        if (pending.isEmpty()) {
            return;
        }
        Set<String> busy = new HashSet<>();
        for (Attempt a : attempts.values()) {
            busy.add(a.member.getUuid().toString());
        }
        for (Attempt a : abandoned.values()) {
            busy.add(a.member.getUuid().toString()); // still at work, as far as we know
        }
        for (Member m : workers) {
            if (busy.contains(m.getUuid().toString())) {
                continue;
            }
            Integer index = pick(m, workers);
            if (index != null) {
                pending.remove(index);
                handOut(index, m);
            }
        }
    }

    /**
     * The first pending item that has not failed on this member; one that failed here only when it failed on every
     * trusted worker (so that a cluster of fewer than three workers still reaches the third failure and stops).
     */
    private Integer pick(Member m, List<Member> workers) {
        String address = WorkerNode.address(m);
        for (Integer index : pending) {
            List<MemberFailure> failed = failuresByItem.getOrDefault(index, List.of());
            boolean failedHere = failed.stream().anyMatch(f -> f.member().equals(address));
            boolean untriedElsewhere = workers.stream().map(WorkerNode::address)
                    .anyMatch(a -> failed.stream().noneMatch(f -> f.member().equals(a)));
            if (!failedHere || !untriedElsewhere) {
                return index;
            }
        }
        return null;
    }

    private void handOut(int index, Member m) {
        String nonce = CoordinatorSession.nonce();
        String address = WorkerNode.address(m);
        WorkerTask task = kind.task(index, nonce);
        attempts.put(nonce, new Attempt(index, nonce, m, address, System.nanoTime()
                + options.segmentTimeout().toNanos()));
        handedOut.merge(index, 1, Integer::sum);
        LOG.log(Level.INFO, "{0} of job {1} to {2}", new Object[] {kind.describe(index), jobId, address});
        said.accept(kind.describe(index) + " to " + address);
        refreshInFlight();
        IExecutorService executor = session.instance().getExecutorService(HazelcastConfigs.EXECUTOR);
        try {
            executor.submitToMember(task, m, new ExecutionCallback<SegmentResult>() {
                @Override
                public void onResponse(SegmentResult response) {
                    events.add(() -> answered(nonce, response));
                }

                @Override
                public void onFailure(Throwable t) {
                    events.add(() -> lost(nonce, t));
                }
            });
        } catch (RuntimeException ex) {
            events.add(() -> lost(nonce, ex));
        }
    }

    /** The attempt of a nonce, running or abandoned (then its failure is counted already). */
    private Attempt take(String nonce, boolean[] late) {
        Attempt a = attempts.remove(nonce);
        if (a == null) {
            a = abandoned.remove(nonce);
            late[0] = true;
        }
        refreshInFlight();
        return a;
    }

    private void answered(String nonce, SegmentResult r) {
        boolean[] late = {false};
        Attempt a = take(nonce, late);
        if (a == null) {
            LOG.log(Level.WARNING, "an answer for an attempt this job did not make ({0}) is ignored", r);
            return;
        }
        if (done.containsKey(a.index) || givenUp.containsKey(a.index)) {
            return; // a late answer of an item done elsewhere meanwhile
        }
        if (!r.nonce.equals(nonce) || !r.member.equals(a.member.getUuid().toString())) {
            refused++;
            failed(a, "its result was refused: it answers another attempt or comes from another member", late[0]);
            return;
        }
        String problem = check(r, a.index);
        if (problem == null) {
            session.forgetProgress(jobId + "/" + a.index);
            done.put(a.index, r);
            attemptsOfDone.put(a.index, handedOut.getOrDefault(a.index, 1));
            pending.remove(a.index);
            LOG.log(Level.INFO, "{0} of job {1} done by {2}", new Object[] {kind.describe(a.index), jobId,
                a.address});
            said.accept(kind.describe(a.index) + " done by " + a.address);
            return;
        }
        if (r.ok || !r.verifies(session.secret())) {
            refused++;
            LOG.log(Level.WARNING, "refused the result of {0} from {1}: {2}", new Object[] {kind.describe(a.index),
                a.address, problem});
            failed(a, "its result was refused: " + problem, late[0]);
        } else {
            failed(a, r.reason, late[0]);
        }
    }

    private void lost(String nonce, Throwable t) {
        boolean[] late = {false};
        Attempt a = take(nonce, late);
        if (a == null || done.containsKey(a.index)) {
            return;
        }
        Throwable cause = t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t;
        String reason = cause instanceof MemberLeftException
                ? "the member left the cluster (killed, stopped or disconnected) while working on it"
                : "the member could not run it: " + cause;
        failed(a, reason, late[0]);
    }

    private void checkDeadlines() throws IOException {
        long now = System.nanoTime();
        for (Attempt a : new ArrayList<>(attempts.values())) {
            if (now - a.deadlineNanos > 0) {
                attempts.remove(a.nonce);
                abandoned.put(a.nonce, a);
                refreshInFlight();
                failed(a, "it stopped answering: not done within " + options.segmentTimeout().toSeconds() + " s",
                        false);
            }
        }
        for (Map.Entry<Integer, List<MemberFailure>> e : failuresByItem.entrySet()) {
            int index = e.getKey();
            if (e.getValue().size() < MAX_FAILURES || done.containsKey(index) || givenUp.containsKey(index)) {
                continue;
            }
            String why = reasons(e.getValue());
            if (kind.failsJob()) {
                throw new IOException(String.format(Locale.ROOT, "%s failed %d times, on different workers where"
                        + " there were enough, so the job fails: %s. The items done are kept in %s for a later run.",
                        kind.describe(index), MAX_FAILURES, why, folder));
            }
            LOG.log(Level.WARNING, "{0} of job {1} failed {2} times and is given up: {3}", new Object[] {
                kind.describe(index), jobId, MAX_FAILURES, why});
            givenUp.put(index, List.copyOf(e.getValue()));
            pending.remove(index);
        }
    }

    /** An item's failures in words: each member and its reason, "; " between them. */
    static String reasons(List<MemberFailure> failures) {
        StringBuilder why = new StringBuilder();
        for (MemberFailure f : failures) {
            why.append(why.length() == 0 ? "" : "; ").append(f.member()).append(": ").append(f.reason());
        }
        return why.toString();
    }

    private void failed(Attempt a, String reason, boolean late) {
        if (late || done.containsKey(a.index)) {
            return; // already counted when it was abandoned, or done elsewhere
        }
        session.forgetProgress(jobId + "/" + a.index);
        MemberFailure f = new MemberFailure(a.address, a.index, reason);
        failures.add(f);
        failuresByItem.computeIfAbsent(a.index, k -> new ArrayList<>()).add(f);
        LOG.log(Level.WARNING, "{0} of job {1} failed on member {2}: {3}; it is run again elsewhere",
                new Object[] {kind.describe(a.index), jobId, a.address, reason});
        said.accept(kind.describe(a.index) + " failed on " + a.address + ": " + reason);
        if (!pending.contains(a.index)) {
            pending.addFirst(a.index);
        }
    }

    private void refreshInFlight() {
        List<SegmentInFlight> list = new ArrayList<>();
        for (Attempt a : attempts.values()) {
            long frames = kind.frames(a.index);
            long f = 0;
            String v = session.liveProgress(jobId + "/" + a.index);
            if (v != null) {
                try {
                    f = Math.min(frames, Long.parseLong(v.split(" ")[0]));
                } catch (NumberFormatException ex) {
                    LOG.log(Level.FINE, "unreadable progress " + v, ex);
                }
            }
            list.add(new SegmentInFlight(jobId, a.index, a.address, f, frames));
        }
        list.sort((x, y) -> Integer.compare(x.index(), y.index()));
        inFlightView = Collections.unmodifiableList(list);
    }

    /** The items being worked on, with their live progress (refreshed by each call). */
    List<SegmentInFlight> inFlight() {
        refreshInFlight();
        return inFlightView;
    }

    /** The items being worked on as last seen; from any thread. */
    List<SegmentInFlight> inFlightView() {
        return inFlightView;
    }

    /** The done items' verified results, by index. */
    Map<Integer, SegmentResult> done() {
        return Collections.unmodifiableMap(done);
    }

    /** How often a done item was handed out (0: resumed). */
    int attempts(int index) {
        return attemptsOfDone.getOrDefault(index, 0);
    }

    /** The items given up, with their failures. */
    Map<Integer, List<MemberFailure>> givenUp() {
        return Collections.unmodifiableMap(givenUp);
    }

    List<MemberFailure> failures() {
        return List.copyOf(failures);
    }

    int refused() {
        return refused;
    }

    int resumed() {
        return resumed;
    }
}
