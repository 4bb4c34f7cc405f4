package org.tsperf.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.tsperf.api.cache.CacheKey;

/**
 * What a disk level's index knows of one entry: its value file, the stored (maybe compressed) and original
 * sizes, the CRC32C of the stored bytes, and its use.
 */
record EntryRecord(CacheKey key, String file, long storedBytes, long rawBytes, long crc, boolean compressed,
        long createdMillis, long lastAccessMillis, long hits) {

    /** 2: the value files start with a {@link ValueFile} header (records of 1 are dropped, their files removed). */
    private static final int VERSION = 2;

    EntryRecord touched(long now) {
        return new EntryRecord(key, file, storedBytes, rawBytes, crc, compressed, createdMillis, now, hits + 1);
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(key.toString());
            out.writeUTF(file);
            out.writeLong(storedBytes);
            out.writeLong(rawBytes);
            out.writeLong(crc);
            out.writeBoolean(compressed);
            out.writeLong(createdMillis);
            out.writeLong(lastAccessMillis);
            out.writeLong(hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IOException when the bytes are not a record of this version */
    static EntryRecord fromBytes(byte[] data) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new IOException("unknown index record version " + version);
            }
            return new EntryRecord(CacheKey.parse(in.readUTF()), in.readUTF(), in.readLong(), in.readLong(),
                    in.readLong(), in.readBoolean(), in.readLong(), in.readLong(), in.readLong());
        } catch (IllegalArgumentException e) {
            throw new IOException("bad index record: " + e.getMessage(), e);
        }
    }
}
