package org.tsperf.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.Writer;
import java.util.Base64;
import java.util.Properties;

/**
 * What a worker says about a segment, signed with the shared secret: done (the file's name, size and SHA-256, so
 * the coordinator checks the very bytes it joins) or failed with the reason. The coordinator accepts it only when
 * the signature verifies and it answers the attempt it sent ({@code nonce}). Kept beside the segment's file in the
 * job folder, so a restarted coordinator resumes from the segments already done.
 */
final class SegmentResult implements Serializable {

    private static final long serialVersionUID = 1L;

    final String jobId;
    final int index;
    final String nonce;
    final String member;
    final String address;
    final boolean ok;
    final String reason;
    final String fileName;
    final long size;
    final String sha256;
    final long micros;
    final byte[] mac;

    SegmentResult(String jobId, int index, String nonce, String member, String address, boolean ok, String reason,
            String fileName, long size, String sha256, long micros, byte[] mac) {
        this.jobId = jobId;
        this.index = index;
        this.nonce = nonce;
        this.member = member;
        this.address = address;
        this.ok = ok;
        this.reason = reason;
        this.fileName = fileName;
        this.size = size;
        this.sha256 = sha256;
        this.micros = micros;
        this.mac = mac == null ? null : mac.clone();
    }

    static SegmentResult unsigned(String jobId, int index, String nonce, String reason) {
        return new SegmentResult(jobId, index, nonce, "", "", false, reason, "", 0, "", 0, null);
    }

    SegmentResult signedWith(Secret secret) {
        return withMac(secret.mac(content()));
    }

    SegmentResult withMac(byte[] newMac) {
        return new SegmentResult(jobId, index, nonce, member, address, ok, reason, fileName, size, sha256, micros,
                newMac);
    }

    byte[] content() {
        return Canonical.of("tsperf-segment-result-v1").text(jobId).number(index).text(nonce).text(member)
                .text(address).flag(ok).text(reason).text(fileName).number(size).text(sha256).number(micros)
                .bytes();
    }

    boolean verifies(Secret secret) {
        return secret.verifies(content(), mac);
    }

    void store(Writer out) throws IOException {
        Properties p = new Properties();
        p.setProperty("jobId", jobId);
        p.setProperty("index", Integer.toString(index));
        p.setProperty("nonce", nonce);
        p.setProperty("member", member);
        p.setProperty("address", address);
        p.setProperty("ok", Boolean.toString(ok));
        p.setProperty("reason", reason);
        p.setProperty("fileName", fileName);
        p.setProperty("size", Long.toString(size));
        p.setProperty("sha256", sha256);
        p.setProperty("micros", Long.toString(micros));
        p.setProperty("mac", mac == null ? "" : Base64.getEncoder().encodeToString(mac));
        p.store(out, "tsperf cluster: a segment's signed result");
    }

    /** @throws IOException when the text is not a stored result */
    static SegmentResult load(Reader in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        try {
            return new SegmentResult(req(p, "jobId"), Integer.parseInt(req(p, "index")), req(p, "nonce"),
                    req(p, "member"), req(p, "address"), Boolean.parseBoolean(req(p, "ok")), req(p, "reason"),
                    req(p, "fileName"), Long.parseLong(req(p, "size")), req(p, "sha256"),
                    Long.parseLong(req(p, "micros")), Base64.getDecoder().decode(req(p, "mac")));
        } catch (IllegalArgumentException ex) {
            throw new IOException("not a segment result: " + ex.getMessage(), ex);
        }
    }

    private static String req(Properties p, String key) throws IOException {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IOException("not a segment result: no " + key);
        }
        return v;
    }

    @Override
    public String toString() {
        return (ok ? "done" : "failed") + " segment " + index + " of job " + jobId + " by " + address
                + (ok ? "" : ": " + reason);
    }
}
