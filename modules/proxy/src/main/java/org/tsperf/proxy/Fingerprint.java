package org.tsperf.proxy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxySettings;

/**
 * Content keys: SHA-256 of a file's size and its first and last MiB, so a renamed or moved file has the same key
 * and a changed one a new key, after reading at most 2 MiB.
 */
final class Fingerprint {

    static final int SAMPLE = 1 << 20;
    /** Bumped when the proxies this engine makes change, so old ones are not taken for current ones. */
    static final String ENGINE = "tsperf-proxy-1";

    private Fingerprint() {
    }

    /** The content key of a file. */
    static String of(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(size).flip());
            read(ch, 0, (int) Math.min(SAMPLE, size), sha);
            if (size > SAMPLE) {
                long start = Math.max(SAMPLE, size - SAMPLE);
                read(ch, start, (int) (size - start), sha);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The key of the whole proxy set of a content under some settings (the store folder is not part of it). */
    static String plan(String content, ProxySettings s) {
        String res = s.resolutions().stream().map(Fingerprint::describe).collect(Collectors.joining(","));
        return hash(ENGINE + "|" + content + "|" + s.format().id() + "|" + s.quality().id() + "|" + res);
    }

    /** The key, and so the file name, of one proxy: content, format, effective quality and size. */
    static String proxy(String content, ProxySettings s, String quality, ProxyResolution r) {
        return hash(ENGINE + "|" + content + "|" + s.format().id() + "|" + quality + "|" + describe(r));
    }

    private static String describe(ProxyResolution r) {
        return r.name() + ":" + r.scale() + ":" + r.maxWidth() + "x" + r.maxHeight();
    }

    private static String hash(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void read(FileChannel ch, long position, int length, MessageDigest sha) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                throw new IOException("the file became shorter while it was read");
            }
        }
        sha.update(buf.flip());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java has SHA-256", ex);
        }
    }
}
