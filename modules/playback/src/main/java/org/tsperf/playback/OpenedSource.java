package org.tsperf.playback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.tsperf.api.media.FrameSource;

/**
 * The file a player decodes now, the original or one of its proxies, with what it is in words.
 *
 * @param original    the file the user opened
 * @param frames      the open decoder of {@code path}
 * @param proxy       whether {@code path} is a proxy
 * @param description e.g. "Proxy Quarter (960x540)" or "Original (3840x2160)"
 * @param shortName   e.g. "Proxy Quarter" or "Original" (the monitor's "Preview" line)
 * @param contentId   names the file's pictures in the frame cache: path, size and modification time, so an edited
 *                    file never shows old pictures
 * @param originalWidth  the original's display width (also while a proxy is read)
 * @param originalHeight the original's display height
 */
record OpenedSource(Path original, FrameSource frames, boolean proxy, String description, String shortName,
        String contentId, int originalWidth, int originalHeight) implements AutoCloseable {

    Path path() {
        return frames.file();
    }

    static String contentId(Path file) throws IOException {
        String identity = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file)
                .toMillis();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
        }
    }

    @Override
    public void close() {
        frames.close();
    }
}
