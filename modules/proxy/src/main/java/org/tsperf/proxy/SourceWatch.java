package org.tsperf.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * A source's size, modification time and content key when its proxy job starts, checked again once ffmpeg is done:
 * a file still being copied (it grows) or cut (truncated) while it was read gives proxies of neither version, so the
 * job must not register them. An editor re-makes them once the copy is complete.
 */
record SourceWatch(Path source, long bytes, long modifiedMillis, String content) {

    /** The source as it is now (read before the content key, so a change while it is read shows too). */
    static SourceWatch start(Path source) throws IOException {
        BasicFileAttributes a = Files.readAttributes(source, BasicFileAttributes.class);
        return new SourceWatch(source, a.size(), a.lastModifiedTime().toMillis(), Fingerprint.of(source));
    }

    /**
     * Fails when the source is not as it was at {@link #start}: its size, its time or its first and last MiB changed,
     * or it is gone.
     *
     * @throws ChangedException naming the file, what changed and what to do
     */
    void checkUnchanged() throws ChangedException {
        String what;
        try {
            BasicFileAttributes a = Files.readAttributes(source, BasicFileAttributes.class);
            if (a.size() != bytes) {
                what = String.format(Locale.ROOT, "it %s from %d to %d bytes", a.size() > bytes ? "grew" : "shrank",
                        bytes, a.size());
            } else if (a.lastModifiedTime().toMillis() != modifiedMillis || !Fingerprint.of(source).equals(content)) {
                what = "it was written to";
            } else {
                return;
            }
        } catch (NoSuchFileException ex) {
            what = "it was removed";
        } catch (IOException ex) {
            what = "it can no longer be read (" + ex.getMessage() + ")";
        }
        throw new ChangedException(source + ": changed while its proxy was made (" + what + "); no proxy was kept."
                + " Make it again once the copy is complete.");
    }

    /** The source changed under a proxy job: not the source's fault, nor the store's. */
    static final class ChangedException extends IOException {

        private static final long serialVersionUID = 1L;

        ChangedException(String message) {
            super(message);
        }
    }
}
