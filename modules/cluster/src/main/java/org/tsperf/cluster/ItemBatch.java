package org.tsperf.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tsperf.api.cluster.ClusterJobOptions;
import org.tsperf.api.cluster.MemberFailure;

/**
 * A batch of items that stand alone (a proxy batch's sources, a preview's chunks), run on the coordinator's thread:
 * each item is handed to one trusted worker at a time as a signed task by a {@link Handout}, its signed result
 * checked (HMAC, attempt, file, then {@link #checkFile}), run again on another member when it fails, and given up
 * after {@link Handout#MAX_FAILURES} failures without failing the other items. A kind says what its items are and
 * makes their tasks; when the handout ends it takes each done item in ({@link #take}) and is told of each item given
 * up ({@link #giveUp}); the job folder is removed after, and kept when the run stops early (a run again resumes).
 */
abstract class ItemBatch implements WorkKind {

    final CoordinatorSession session;
    final String jobId;
    final Path folder;

    ItemBatch(CoordinatorSession session, String jobId, Path folder) {
        this.session = session;
        this.jobId = jobId;
        this.folder = folder;
    }

    /** The job folder {@code prefix + jobId} in {@code parent}, made if missing. */
    static Path jobFolder(Path parent, String prefix, String jobId) throws IOException {
        return Files.createDirectories(parent.resolve(prefix + jobId));
    }

    /**
     * Hands out every item until each is done or given up, takes the done ones in (in item order), tells of those
     * given up, and removes the job folder.
     *
     * @return the handout, for its failures and counts
     * @throws IOException no worker holding the secret
     */
    final Handout handOutAll(ClusterJobOptions options, Consumer<String> progress) throws IOException,
            InterruptedException {
        Handout handout = new Handout(session, this, jobId, folder, options);
        handout.run(() -> { }, progress);
        for (Map.Entry<Integer, SegmentResult> e : handout.done().entrySet()) {
            take(e.getKey(), e.getValue(), handout.attempts(e.getKey()), progress);
        }
        for (Map.Entry<Integer, List<MemberFailure>> e : handout.givenUp().entrySet()) {
            giveUp(e.getKey(), Handout.reasons(e.getValue()));
        }
        JobFolders.delete(folder);
        return handout;
    }

    /**
     * Takes a done item in (into the store, the cache) on the coordinator's thread; a failure there is the item's
     * own, said in its result, not thrown.
     *
     * @param r        its verified result (member, file, time)
     * @param attempts how often it was handed out (0: found done from an earlier run)
     */
    abstract void take(int index, SegmentResult r, int attempts, Consumer<String> progress);

    /** An item failed {@link Handout#MAX_FAILURES} times: {@code why} names each member and its reason. */
    abstract void giveUp(int index, String why);

    /** This coordinator's address, which every task carries. */
    final String coordinator() {
        return WorkerNode.address(session.instance().getCluster().getLocalMember());
    }

    @Override
    public long frames(int index) {
        return 0;
    }

    @Override
    public final boolean failsJob() {
        return false;
    }
}
