package org.tsperf.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.cluster.ClusterJobOptions;
import org.tsperf.api.cluster.ClusterProxyResult;
import org.tsperf.api.cluster.MemberFailure;
import org.tsperf.api.cluster.ProxyFileReport;
import org.tsperf.api.proxy.ProxyResult;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.proxy.ProxyTransfer;

/**
 * A proxy batch on the cluster, run on the coordinator's thread: the sources whose proxies the store lacks are handed
 * out by a {@link Handout}, one source per task; each worker makes them in the job folder (beside the first of them)
 * and lists them in a signed manifest; this member checks every file against it and takes the proxies into its store
 * ({@link ProxyTransfer#adopt}), recorded in its index as a local proxy job would be.
 */
final class ProxyBatch extends ItemBatch {

    private static final Logger LOG = Logger.getLogger(ProxyBatch.class.getName());
    static final String FOLDER_PREFIX = ".tsperf-cluster-proxies-";

    private final ProxySettings settings;
    private final ProxyTransfer transfer;
    /** The sources to make, in the batch's order; item k of the job is {@code sources.get(toMake.get(k))}. */
    private final List<Path> sources;
    private final List<Integer> toMake;
    /** One result per source: found ready, made and taken in, or failed. */
    private final ProxyResult[] results;
    private final List<ProxyFileReport> files = new ArrayList<>();

    private ProxyBatch(CoordinatorSession session, ProxySettings settings, ProxyTransfer transfer,
            List<Path> sources, List<Integer> toMake, ProxyResult[] results, String jobId, Path folder) {
        super(session, jobId, folder);
        this.settings = settings;
        this.transfer = transfer;
        this.sources = sources;
        this.toMake = toMake;
        this.results = results;
    }

    static ClusterProxyResult run(CoordinatorSession session, List<Path> given, ProxySettings settings,
            ClusterJobOptions options, Consumer<String> progress) throws IOException, InterruptedException {
        ProxyTransfer transfer = ProxyWork.transfer("cannot make proxies on the cluster");
        List<Path> sources = given.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        ProxyResult[] results = new ProxyResult[sources.size()];
        List<Integer> toMake = new ArrayList<>();
        Canonical id = Canonical.of("tsperf-cluster-proxies-v1").text(ProxyTask.encode(settings.resolutions()))
                .text(settings.format().id()).text(settings.quality().id())
                .text(settings.store().toAbsolutePath().normalize().toString());
        for (int i = 0; i < sources.size(); i++) {
            Path src = sources.get(i);
            try {
                Optional<ProxyResult> ready = transfer.ready(src, settings);
                if (ready.isPresent()) {
                    results[i] = ready.get();
                } else {
                    toMake.add(i);
                    id.text(src.toString());
                }
            } catch (IOException ex) {
                results[i] = ProxyResult.failed(src, ex.getMessage(), List.of());
            }
        }
        if (toMake.isEmpty()) {
            return new ClusterProxyResult("", List.of(results), List.of(), List.of(), 0, 0);
        }
        String jobId = Canonical.sha256(id.bytes()).substring(0, 16);
        Path folder = jobFolder(sources.get(toMake.get(0)).getParent(), FOLDER_PREFIX, jobId);
        ProxyBatch batch = new ProxyBatch(session, settings, transfer, sources, toMake, results, jobId, folder);
        Handout handout = batch.handOutAll(options, progress);
        List<MemberFailure> failures = new ArrayList<>();
        for (MemberFailure f : handout.failures()) {
            failures.add(new MemberFailure(f.member(), toMake.get(f.segment()), f.reason()));
        }
        return new ClusterProxyResult(jobId, List.of(results), batch.files, failures, handout.refused(),
                handout.resumed());
    }

    /** Takes the proxies a worker made into the store, recorded in its index as a local proxy job would be. */
    @Override
    void take(int index, SegmentResult r, int attempts, Consumer<String> progress) {
        int i = toMake.get(index);
        Path src = sources.get(i);
        try {
            ProxyResult adopted = transfer.adopt(folder.resolve(ProxyWork.storeName(r.fileName)), src, settings);
            List<String> reasons = new ArrayList<>(adopted.reasons());
            reasons.add("made on cluster member " + r.address + " and taken into the store");
            results[i] = new ProxyResult(src, adopted.status(), adopted.proxies(), reasons, "");
            files.add(new ProxyFileReport(i, src, r.address, attempts, r.micros / 1e6));
            progress.accept("the proxies of " + src + " are in the store " + settings.store());
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "the proxies of " + src + " made by " + r.address + " cannot be taken into"
                    + " the store", ex);
            results[i] = ProxyResult.failed(src, src + ": its proxies, made by cluster member " + r.address
                    + ", cannot be taken into the store " + settings.store() + ": " + ex.getMessage(), List.of());
        }
    }

    @Override
    void giveUp(int index, String why) {
        int i = toMake.get(index);
        results[i] = ProxyResult.failed(sources.get(i), sources.get(i) + ": its proxies failed "
                + Handout.MAX_FAILURES + " times on the cluster: " + why, List.of());
    }

    @Override
    public int size() {
        return toMake.size();
    }

    @Override
    public String describe(int index) {
        return "the proxies of " + sources.get(toMake.get(index));
    }

    @Override
    public WorkerTask task(int index, String nonce) {
        return ProxyTask.signed(session.secret(), session.settings().name(), jobId, index,
                sources.get(toMake.get(index)), settings, folder, nonce, coordinator());
    }

    @Override
    public String sidecarName(int index) {
        return ProxyTask.sidecarName(index);
    }

    @Override
    public String checkFile(SegmentResult r, int index) {
        return ProxyWork.check(folder, r.fileName, index);
    }
}
