package org.tsperf.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.openide.util.Lookup;
import org.tsperf.api.proxy.ProxyResult;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.proxy.ProxyTransfer;

/**
 * The proxies of one source, made by a worker into a folder of the job folder (a store of their own, one per attempt,
 * so an attempt run twice never meets another), and the manifest that lists what was made: each file's name, size
 * and SHA-256. The worker signs the manifest's checksum; the coordinator checks every file against it before it
 * takes the proxies into its store.
 */
final class ProxyWork {

    static final String MANIFEST = ".manifest";

    private ProxyWork() {
    }

    /** Worker side: the proxies of the task's source made, listed in a manifest; returns the manifest. */
    static Path make(ProxyTask task, MediaRoots roots, Path jobFolder) throws IOException, InterruptedException {
        Path source = roots.inside(Path.of(task.source), "the source");
        ProxyTransfer transfer = transfer("this worker cannot make proxies");
        String name = ProxyTask.storeName(task.index, task.nonce);
        ProxySettings settings = task.settings(jobFolder.resolve(name));
        ProxyResult made = transfer.makeInto(settings.store(), source, settings);
        if (!made.status().ok()) {
            throw new IOException(made.error().isEmpty() ? "the proxies of " + source + " were not made ("
                    + made.status() + ")" : made.error());
        }
        StringBuilder text = new StringBuilder();
        for (Path f : transfer.madeFiles(settings.store(), source, settings)) {
            text.append(jobFolder.relativize(f)).append('\t').append(Files.size(f)).append('\t')
                    .append(WorkerNode.sha256(f)).append('\n');
        }
        Path manifest = jobFolder.resolve(name + MANIFEST);
        JobFolders.writeAtomically(manifest, text.toString());
        return manifest;
    }

    /**
     * Coordinator side: why the files a verified manifest lists are not the ones made for source {@code index} (a
     * name outside its attempt's folder, a size or checksum that differs), or null when every one matches.
     */
    static String check(Path jobFolder, String manifestName, int index) {
        String prefix = String.format(Locale.ROOT, "proxies-%05d-", index);
        if (!manifestName.startsWith(prefix) || !manifestName.endsWith(MANIFEST)
                || !manifestName.substring(prefix.length(), manifestName.length() - MANIFEST.length())
                        .matches("[0-9a-f]{8}")) {
            return "it names the file " + manifestName + ", not a manifest of source " + index;
        }
        Path store = jobFolder.resolve(storeName(manifestName));
        List<String> lines;
        try {
            lines = Files.readAllLines(jobFolder.resolve(manifestName), StandardCharsets.ISO_8859_1);
        } catch (IOException ex) {
            return "its manifest cannot be read: " + ex.getMessage();
        }
        if (lines.isEmpty()) {
            return "its manifest lists no file";
        }
        for (String line : lines) {
            String[] f = line.split("\t");
            if (f.length != 3) {
                return "its manifest has a line that is not NAME SIZE SHA-256: " + line;
            }
            Path file = jobFolder.resolve(f[0]).normalize();
            if (!store.equals(file.getParent())) {
                return "its manifest names " + f[0] + ", outside the folder " + store.getFileName();
            }
            try {
                if (!Files.isRegularFile(file) || Files.size(file) != Long.parseLong(f[1])
                        || !WorkerNode.sha256(file).equals(f[2])) {
                    return "the file " + file + " is not the one the worker listed (size or SHA-256 differ)";
                }
            } catch (IOException | NumberFormatException ex) {
                return "the file " + file + " cannot be checked: " + ex.getMessage();
            }
        }
        return null;
    }

    /** The folder of an attempt's proxies, from its manifest's name. */
    static String storeName(String manifestName) {
        return manifestName.substring(0, manifestName.length() - MANIFEST.length());
    }

    static ProxyTransfer transfer(String what) throws IOException {
        ProxyTransfer t = Lookup.getDefault().lookup(ProxyTransfer.class);
        if (t == null) {
            throw new IOException(what + ": the Proxy Manager module (ProxyTransfer) is not installed here");
        }
        return t;
    }
}
