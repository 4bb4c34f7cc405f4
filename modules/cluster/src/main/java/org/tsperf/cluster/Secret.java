package org.tsperf.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret every member of a cluster shares, read from a file, and the HMAC-SHA256 made with it. Open-source
 * Hazelcast authenticates no member, so tasks and results are trusted only when their HMAC verifies.
 */
final class Secret {

    /** Fewer bytes than this are too easy to guess. */
    static final int MINIMUM_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private Secret(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /**
     * Reads a secret file: its bytes without a trailing line end.
     *
     * @throws IOException saying which file and what to do when it is missing, unreadable or too short
     */
    static Secret read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException ex) {
            throw new IOException("the secret file " + file + " does not exist: make one with the same content on"
                    + " every member (e.g. 'head -c 32 /dev/urandom | base64 > " + file + "; chmod 600 " + file
                    + "')", ex);
        } catch (IOException ex) {
            throw new IOException("cannot read the secret file " + file + ": " + ex.getMessage(), ex);
        }
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        if (end < MINIMUM_BYTES) {
            throw new IOException("the secret file " + file + " holds " + end + " bytes; it needs at least "
                    + MINIMUM_BYTES + " (e.g. 'head -c 32 /dev/urandom | base64 > " + file + "')");
        }
        return new Secret(Arrays.copyOf(bytes, end));
    }

    /** For tests: a secret of these bytes. */
    static Secret of(byte[] bytes) {
        return new Secret(bytes.clone());
    }

    byte[] mac(byte[] content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(content);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", ex);
        }
    }

    /** Whether {@code mac} is this secret's HMAC of {@code content} (compared in constant time). */
    boolean verifies(byte[] content, byte[] mac) {
        return mac != null && MessageDigest.isEqual(mac(content), mac);
    }
}
