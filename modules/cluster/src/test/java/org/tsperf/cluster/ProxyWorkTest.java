package org.tsperf.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyQuality;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxySettings;

/**
 * A proxy task's signature and the coordinator's check of what a worker lists in its manifest, without a cluster:
 * a file changed after it was listed, a name outside the attempt's folder, a manifest of another source are refused.
 */
class ProxyWorkTest {

    private static final Secret SECRET = Secret.of("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
    private static final String NONCE = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void aProxyTaskVerifiesOnlyUnchanged() {
        ProxySettings settings = new ProxySettings(List.of(ProxyResolution.HALF, new ProxyResolution("tiny", 0.1,
                320, 180, "thumbnails")), ProxyFormat.H264, ProxyQuality.HIGH, dir.resolve("store"));
        ProxyTask t = ProxyTask.signed(SECRET, "c", "job1", 1, Path.of("/media/a.mp4"), settings,
                Path.of("/media/.tsperf-cluster-proxies-job1"), NONCE, "127.0.0.1:5701");
        assertTrue(SECRET.verifies(t.content(), t.mac));
        ProxyTask otherSource = new ProxyTask(t.cluster, t.jobId, t.index, "/etc/passwd", t.resolutions, t.format,
                t.quality, t.jobFolder, t.nonce, t.coordinator, t.mac);
        assertFalse(SECRET.verifies(otherSource.content(), otherSource.mac), "another source");
        ProxyTask otherFormat = new ProxyTask(t.cluster, t.jobId, t.index, t.source, t.resolutions, "prores_proxy",
                t.quality, t.jobFolder, t.nonce, t.coordinator, t.mac);
        assertFalse(SECRET.verifies(otherFormat.content(), otherFormat.mac), "another format");
        ProxySettings back = t.settings(dir);
        assertEquals(settings.withStore(dir), back, "the settings travel whole");
    }

    /** An attempt's folder with one proxy and its manifest; returns the manifest's name. */
    private Path attempt(Path job) throws Exception {
        Path store = Files.createDirectories(job.resolve(ProxyTask.storeName(3, NONCE)));
        Path proxy = Files.writeString(store.resolve("key-half.mp4"), "proxy bytes");
        Path manifest = job.resolve(ProxyTask.storeName(3, NONCE) + ProxyWork.MANIFEST);
        JobFolders.writeAtomically(manifest, job.relativize(proxy) + "\t" + Files.size(proxy) + "\t"
                + WorkerNode.sha256(proxy) + "\n");
        return manifest;
    }

    @Test
    void theCoordinatorTakesOnlyTheFilesTheWorkerListed() throws Exception {
        Path job = Files.createDirectories(dir.resolve(".tsperf-cluster-proxies-job1"));
        Path manifest = attempt(job);
        String name = manifest.getFileName().toString();
        assertNull(ProxyWork.check(job, name, 3), "as listed");
        assertTrue(ProxyWork.check(job, name, 4).contains("not a manifest of source 4"));

        Path proxy = job.resolve(ProxyTask.storeName(3, NONCE)).resolve("key-half.mp4");
        Files.writeString(proxy, "other bytes");
        assertTrue(ProxyWork.check(job, name, 3).contains("is not the one the worker listed"),
                ProxyWork.check(job, name, 3));

        Files.writeString(dir.resolve("outside.mp4"), "x");
        JobFolders.writeAtomically(manifest, "../outside.mp4\t1\t" + "0".repeat(64) + "\n");
        assertTrue(ProxyWork.check(job, name, 3).contains("outside the folder"), ProxyWork.check(job, name, 3));
        JobFolders.writeAtomically(manifest, "");
        assertTrue(ProxyWork.check(job, name, 3).contains("lists no file"));
    }
}
