package org.tsperf.timeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source's content key: SHA-256 over its size and its first and last MiB, which tells media files apart without
 * reading gigabytes. Remembered by path, size and modification time, so an unchanged file is read once.
 */
final class ContentKeys {

    static final int PART = 1 << 20;
    private static final int REMEMBERED = 4096;

    private record Stamp(Path file, long size, long modified) {
    }

    private final Map<Stamp, String> known = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Stamp, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * @param clipId for the message when the file is missing
     */
    String key(Path source, String clipId) throws IOException {
        Stamp stamp = stamp(source, clipId);
        synchronized (known) {
            String k = known.get(stamp);
            if (k != null) {
                return k;
            }
        }
        String key = compute(stamp);
        // a file written while it was read gets another stamp next time and is read again
        if (stamp.equals(stamp(source, clipId))) {
            synchronized (known) {
                known.put(stamp, key);
            }
        }
        return key;
    }

    private static Stamp stamp(Path source, String clipId) throws IOException {
        Path file = source.toAbsolutePath().normalize();
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(file, a.size(), a.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            NoSuchFileException clear = new NoSuchFileException(file.toString(), null, "the source of clip \"" + clipId
                    + "\" is missing (moved or deleted?); put it back or remove the clip");
            clear.initCause(e);
            throw clear;
        }
    }

    private static String compute(Stamp stamp) throws IOException {
        MessageDigest sha = sha256();
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(stamp.size()).flip());
        try (FileChannel ch = FileChannel.open(stamp.file(), StandardOpenOption.READ)) {
            long size = ch.size();
            int part = (int) Math.min(PART, size);
            digest(ch, 0, part, sha);
            digest(ch, size - part, part, sha);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void digest(FileChannel ch, long from, int bytes, MessageDigest sha) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(bytes);
        while (buf.hasRemaining()) {
            if (ch.read(buf, from + buf.position()) < 0) {
                throw new IOException("the file " + ch + " became shorter while it was read; try again");
            }
        }
        sha.update(buf.flip());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
