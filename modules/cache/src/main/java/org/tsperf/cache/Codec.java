package org.tsperf.cache;

import java.util.zip.CRC32C;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

/** LZ4 compression of values (lz4-java) and their checksums. */
final class Codec {

    private static final LZ4Factory LZ4 = LZ4Factory.fastestJavaInstance();
    private static final LZ4Compressor COMPRESSOR = LZ4.fastCompressor();
    private static final LZ4FastDecompressor DECOMPRESSOR = LZ4.fastDecompressor();

    private Codec() {
    }

    /** The compressed bytes, or null when compression would not save at least 1/16 of the size. */
    static byte[] compressIfSmaller(byte[] raw) {
        byte[] out = new byte[COMPRESSOR.maxCompressedLength(raw.length)];
        int n = COMPRESSOR.compress(raw, 0, raw.length, out, 0, out.length);
        if (n > raw.length - raw.length / 16) {
            return null;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    static byte[] decompress(byte[] stored, int rawLength) {
        return decompress(stored, 0, rawLength);
    }

    static byte[] decompress(byte[] stored, int offset, int rawLength) {
        byte[] out = new byte[rawLength];
        DECOMPRESSOR.decompress(stored, offset, out, 0, rawLength);
        return out;
    }

    static long crc(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length);
        return crc.getValue();
    }
}
