package org.tsperf.cluster;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical bytes of a signed message: a type tag, then every field in a fixed order, each with its length, so
 * that no two different messages have the same bytes (no field can run into the next).
 */
final class Canonical {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    private Canonical(String type) {
        text(type);
    }

    static Canonical of(String type) {
        return new Canonical(type);
    }

    Canonical text(String value) {
        return data(value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8), value == null);
    }

    Canonical number(long value) {
        try {
            out.writeByte('n');
            out.writeLong(value);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return this;
    }

    Canonical flag(boolean value) {
        return number(value ? 1 : 0);
    }

    Canonical data(byte[] value) {
        return data(value == null ? new byte[0] : value, value == null);
    }

    private Canonical data(byte[] value, boolean absent) {
        try {
            out.writeByte(absent ? 'a' : 'b');
            out.writeInt(value.length);
            out.write(value);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return this;
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
        }
    }
}
