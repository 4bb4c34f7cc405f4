package org.tsperf.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.tsperf.api.cache.CacheKey;

/**
 * A disk level's value file: a header naming the entry (its key, original size, whether LZ4-compressed) and then the
 * stored bytes. The header makes every value file self-describing, so that a level whose index a crash damaged
 * rebuilds it from the files instead of losing what was committed.
 */
final class ValueFile {

    private static final byte[] MAGIC = {'T', 'S', 'C', 'V'};
    private static final int VERSION = 1;

    /** Strictly increasing write stamps in this process (microseconds since the epoch, bumped on a tie). */
    private static final java.util.concurrent.atomic.AtomicLong LAST_STAMP = new java.util.concurrent.atomic.AtomicLong();

    /**
     * What a value file says of itself.
     *
     * @param writtenMicros when it was written (microseconds since the epoch, unique within a process): of two files
     *                      of one key the later one is the value
     */
    record Header(CacheKey key, long rawBytes, boolean compressed, long writtenMicros, int length) {

        long createdMillis() {
            return writtenMicros / 1000;
        }
    }

    static long stamp() {
        java.time.Instant now = java.time.Instant.now();
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
        return LAST_STAMP.updateAndGet(last -> Math.max(last + 1, micros));
    }

    private ValueFile() {
    }

    /** The file's bytes: header, then {@code stored}. */
    static byte[] encode(CacheKey key, long rawBytes, boolean compressed, byte[] stored) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length + 128);
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.write(MAGIC);
            data.writeByte(VERSION);
            data.writeUTF(key.toString());
            data.writeLong(rawBytes);
            data.writeBoolean(compressed);
            data.writeLong(stamp());
            data.write(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a file's header.
     *
     * @throws IOException when the bytes do not start with a value file header of this version
     */
    static Header header(byte[] file) throws IOException {
        if (file.length < MAGIC.length + 1 || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException("not a cache value file (no header)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(file, MAGIC.length,
                file.length - MAGIC.length))) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new IOException("unknown cache value file version " + version);
            }
            CacheKey key = CacheKey.parse(in.readUTF());
            long raw = in.readLong();
            boolean compressed = in.readBoolean();
            long created = in.readLong();
            int length = in.available(); // what follows the header: exact for an array's stream
            if (length < 0 || (!compressed && length != raw)) {
                throw new IOException("cache value file of " + key + " is cut short");
            }
            return new Header(key, raw, compressed, created, length);
        } catch (IllegalArgumentException | java.io.EOFException e) {
            throw new IOException("damaged cache value file header: " + e.getMessage(), e);
        }
    }

    /** The original value of a whole, checked file. */
    static byte[] value(byte[] file) throws IOException {
        Header h = header(file);
        int start = file.length - h.length();
        return h.compressed() ? Codec.decompress(file, start, Math.toIntExact(h.rawBytes()))
                : Arrays.copyOfRange(file, start, file.length);
    }
}
