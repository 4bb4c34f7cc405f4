package org.tsperf.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tsperf.api.cluster.SegmentInFlight;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyQuality;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxySettings;

/**
 * The proxies of one source of a proxy batch, handed to a worker and signed by the coordinator with the shared
 * secret: the source (which must lie under the worker's media roots), the proxy settings and the job folder the
 * worker makes them in (under names it chooses).
 */
final class ProxyTask extends WorkerTask {

    private static final long serialVersionUID = 1L;

    final String source;
    /** The resolutions, one a line: name, scale, maximum width and height, purpose (tab-separated). */
    final String resolutions;
    final String format;
    final String quality;

    ProxyTask(String cluster, String jobId, int index, String source, String resolutions, String format,
            String quality, String jobFolder, String nonce, String coordinator, byte[] mac) {
        super(cluster, jobId, index, jobFolder, nonce, coordinator, mac);
        this.source = source;
        this.resolutions = resolutions;
        this.format = format;
        this.quality = quality;
    }

    static ProxyTask signed(Secret secret, String cluster, String jobId, int index, Path source,
            ProxySettings settings, Path jobFolder, String nonce, String coordinator) {
        ProxyTask unsigned = new ProxyTask(cluster, jobId, index, source.toString(),
                encode(settings.resolutions()), settings.format().id(), settings.quality().id(),
                jobFolder.toString(), nonce, coordinator, null);
        return new ProxyTask(cluster, jobId, index, unsigned.source, unsigned.resolutions, unsigned.format,
                unsigned.quality, unsigned.jobFolder, nonce, coordinator, secret.mac(unsigned.content()));
    }

    static String encode(List<ProxyResolution> list) {
        StringBuilder b = new StringBuilder();
        for (ProxyResolution r : list) {
            b.append(r.name()).append('\t').append(r.scale()).append('\t').append(r.maxWidth()).append('\t')
                    .append(r.maxHeight()).append('\t').append(r.purpose().replaceAll("[\\t\\n\\r]", " "))
                    .append('\n');
        }
        return b.toString();
    }

    /** The settings the task asks for, with the proxies made in {@code store}. */
    ProxySettings settings(Path store) {
        List<ProxyResolution> list = new ArrayList<>();
        for (String line : resolutions.split("\n")) {
            if (!line.isEmpty()) {
                String[] f = line.split("\t", 5);
                list.add(new ProxyResolution(f[0], Double.parseDouble(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), f[4]));
            }
        }
        return new ProxySettings(list, ProxyFormat.parse(format), ProxyQuality.parse(quality), store);
    }

    /** The folder, in the job folder, where the attempt {@code nonce} makes the proxies of source {@code index}. */
    static String storeName(int index, String nonce) {
        return String.format(Locale.ROOT, "proxies-%05d-%s", index, nonce.substring(0, 8));
    }

    static String sidecarName(int index) {
        return String.format(Locale.ROOT, "proxies-%05d.result", index);
    }

    @Override
    byte[] content() {
        return Canonical.of("tsperf-proxy-task-v1").text(cluster).text(jobId).number(index).text(source)
                .text(resolutions).text(format).text(quality).text(jobFolder).text(nonce).text(coordinator).bytes();
    }

    @Override
    Path perform(WorkerNode worker, Path folder) throws Exception {
        return ProxyWork.make(this, worker.roots(), folder);
    }

    @Override
    String kind() {
        return SegmentInFlight.PROXIES;
    }

    @Override
    String sidecarName() {
        return sidecarName(index);
    }

    @Override
    public String toString() {
        return "the proxies of " + source + " (source " + index + ") of job " + jobId;
    }
}
