package org.tsperf.media.decode;

import org.bytedeco.ffmpeg.avcodec.AVCodecDescriptor;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.BytePointer;

/**
 * Which packets no other frame refers to, so that a decoder heading for a later frame (a seek's target, or past a
 * frame dropped because playback is late) need not decode them: the skipping of non-reference frames that mpv calls
 * {@code framedrop=decoder} and FFmpeg {@code AVDISCARD_NONREF}, decided per packet so that the frames it shows are
 * decoded in full.
 *
 * <ul>
 * <li>H.264: a packet whose slices all have {@code nal_ref_idc} 0 (the non-reference B frames of camera and x264
 *     streams: half to two thirds of a long GOP).</li>
 * <li>HEVC: sub-layer non-reference pictures (TRAIL_N, RASL_N, ...), only in streams of one temporal layer (with
 *     more, a lower layer's "non-reference" picture can be referred to by a higher one).</li>
 * <li>Intra-only codecs (ProRes, DNxHD, MJPEG): every packet.</li>
 * <li>Anything else, or a packet that cannot be read: none.</li>
 * </ul>
 */
final class DisposablePackets {

    private enum Kind { NONE, H264, HEVC, INTRA }

    private final Kind kind;
    /** Bytes of the NAL length prefix in MP4/MKV streams; 0 for Annex B (start codes). */
    private final int lengthSize;
    private byte[] scratch = new byte[0];

    private DisposablePackets(Kind kind, int lengthSize) {
        this.kind = kind;
        this.lengthSize = lengthSize;
    }

    static DisposablePackets of(AVCodecParameters par) {
        int id = par.codec_id();
        byte[] extra = extradata(par);
        if (id == avcodec.AV_CODEC_ID_H264) {
            // avcC: version 1, then the NAL length size in the low bits of byte 4
            boolean avcc = extra.length >= 7 && extra[0] == 1;
            return new DisposablePackets(Kind.H264, avcc ? (extra[4] & 3) + 1 : 0);
        }
        if (id == avcodec.AV_CODEC_ID_HEVC) {
            // hvcC: version 1; byte 21 holds numTemporalLayers (bits 3-5) and the NAL length size (bits 0-1)
            boolean hvcc = extra.length >= 23 && extra[0] == 1;
            if (hvcc && ((extra[21] >> 3) & 7) == 1) {
                return new DisposablePackets(Kind.HEVC, (extra[21] & 3) + 1);
            }
            return new DisposablePackets(Kind.NONE, 0);
        }
        AVCodecDescriptor d = avcodec.avcodec_descriptor_get(id);
        if (d != null && (d.props() & avcodec.AV_CODEC_PROP_INTRA_ONLY) != 0) {
            return new DisposablePackets(Kind.INTRA, 0);
        }
        return new DisposablePackets(Kind.NONE, 0);
    }

    /** Whether any packet of this stream can ever be skipped. */
    boolean any() {
        return kind != Kind.NONE;
    }

    /** True when no other frame refers to this packet's frame. */
    boolean disposable(AVPacket pkt) {
        return switch (kind) {
            case NONE -> false;
            case INTRA -> true;
            case H264, HEVC -> {
                int size = pkt.size();
                BytePointer data = pkt.data();
                yield data != null && size > 0 && (lengthSize > 0 ? lengthPrefixed(data, size) : annexB(data, size));
            }
        };
    }

    /** MP4/MKV: each NAL unit after its length; reads only the lengths and headers (no copy of the packet). */
    private boolean lengthPrefixed(BytePointer d, int size) {
        boolean sawPicture = false;
        long p = 0;
        while (p + lengthSize < size) {
            long len = 0;
            for (int i = 0; i < lengthSize; i++) {
                len = (len << 8) | (d.get(p + i) & 0xff);
            }
            long start = p + lengthSize;
            if (len <= 0 || start + len > size) {
                return false;
            }
            int verdict = unit(d.get(start), start + 1 < size ? d.get(start + 1) : 0, start + 1 < size);
            if (verdict < 0) {
                return false;
            }
            sawPicture |= verdict > 0;
            p = start + len;
        }
        return sawPicture;
    }

    /** MPEG-TS and raw streams: NAL units after start codes; the packet is copied once into a reused buffer. */
    private boolean annexB(BytePointer d, int size) {
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, scratch.length * 2)];
        }
        byte[] b = scratch;
        d.position(0).get(b, 0, size);
        boolean sawPicture = false;
        for (int p = 0; p + 3 < size; p++) {
            if (b[p] == 0 && b[p + 1] == 0 && b[p + 2] == 1) {
                int at = p + 3;
                int verdict = unit(b[at], at + 1 < size ? b[at + 1] : 0, at + 1 < size);
                if (verdict < 0) {
                    return false;
                }
                sawPicture |= verdict > 0;
                p += 2;
            }
        }
        return sawPicture;
    }

    /**
     * One NAL unit by its header bytes: 1 a non-reference picture's slice; 0 not a slice (parameter sets, SEI);
     * -1 a reference slice, or a header cut short.
     */
    private int unit(byte first, byte second, boolean hasSecond) {
        if (kind == Kind.H264) {
            int type = first & 0x1f;
            if (type < 1 || type > 5) {
                return 0;
            }
            return ((first >> 5) & 3) == 0 ? 1 : -1;
        }
        if (!hasSecond) {
            return -1;
        }
        int type = (first >> 1) & 0x3f;
        if (type > 31) {
            return 0;
        }
        return type <= 14 && type % 2 == 0 ? 1 : -1;
    }

    private static byte[] extradata(AVCodecParameters par) {
        int size = par.extradata_size();
        if (size <= 0 || par.extradata() == null) {
            return new byte[0];
        }
        byte[] b = new byte[size];
        par.extradata().position(0).get(b);
        return b;
    }
}
