package org.tsperf.media.decode;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.tsperf.api.media.MediaException;

/**
 * Builds a {@link FrameIndex} by demuxing every packet of the video stream (no decoding): packets the container marks
 * as discarded (mp4 edit lists) are not frames; the rest give one frame each, shown at their pts.
 */
final class FrameIndexScanner {

    private static final Logger LOG = Logger.getLogger(FrameIndexScanner.class.getName());

    private FrameIndexScanner() {
    }

    static FrameIndex scan(Path path) throws MediaException {
        AVFormatContext ctx = AvInput.open(path, false);
        AVPacket pkt = avcodec.av_packet_alloc();
        try {
            int si = AvInput.videoStream(path, ctx);
            for (int i = 0; i < ctx.nb_streams(); i++) {
                // skipping the other streams' packets in the demuxer makes the scan cheaper
                ctx.streams(i).discard(i == si ? avcodec.AVDISCARD_DEFAULT : avcodec.AVDISCARD_ALL);
            }
            AVStream st = ctx.streams(si);
            LongList pts = new LongList();
            LongList keyPts = new LongList();
            LongList keySeek = new LongList();
            long packets = 0;
            long lastDuration = 0;
            boolean damaged = false;
            int err;
            while ((err = avformat.av_read_frame(ctx, pkt)) >= 0) {
                try {
                    if (pkt.stream_index() != si) {
                        continue;
                    }
                    packets++;
                    if ((pkt.flags() & avcodec.AV_PKT_FLAG_CORRUPT) != 0) {
                        // a packet cut short by the end of the file: no frame comes out of it
                        damaged = true;
                        continue;
                    }
                    if ((pkt.flags() & avcodec.AV_PKT_FLAG_DISCARD) != 0) {
                        continue;
                    }
                    long t = pkt.pts() != avutil.AV_NOPTS_VALUE ? pkt.pts() : pkt.dts();
                    if (t == avutil.AV_NOPTS_VALUE) {
                        LOG.log(Level.FINE, "{0}: packet without timestamps skipped", path);
                        continue;
                    }
                    pts.add(t);
                    lastDuration = pkt.duration();
                    if ((pkt.flags() & avcodec.AV_PKT_FLAG_KEY) != 0) {
                        keyPts.add(t);
                        keySeek.add(pkt.dts() != avutil.AV_NOPTS_VALUE ? Math.min(pkt.dts(), t) : t);
                    }
                } finally {
                    avcodec.av_packet_unref(pkt);
                }
            }
            if (err != avutil.AVERROR_EOF) {
                LOG.log(Level.FINE, "{0}: demuxing ended with {1}", new Object[] {path, AvInput.error(err)});
                damaged = true;
            }
            if (pts.size() == 0) {
                throw new MediaException(path, MediaException.Problem.CORRUPT, path + ": its video stream holds no"
                        + " frames. The file is damaged or was cut before its first frame: copy it again.");
            }
            long announced = Math.max(0, st.nb_frames());
            boolean truncated = damaged || (announced > 0 && packets < announced);
            long[] sorted = pts.toArray();
            Arrays.sort(sorted);
            long[] keys = keyPts.toArray();
            long[] seeks = keySeek.toArray();
            sortTogether(keys, seeks);
            if (keys.length == 0 || keys[0] > sorted[0]) {
                // no keyframe flag before the first frame: let a seek to the very start stand for it
                keys = prepend(keys, sorted[0]);
                seeks = prepend(seeks, Long.MIN_VALUE / 4);
            }
            if (lastDuration <= 0 && sorted.length > 1) {
                lastDuration = sorted[sorted.length - 1] - sorted[sorted.length - 2];
            }
            return new FrameIndex(sorted, keys, seeks, Math.max(0, lastDuration), st.time_base().num(),
                    st.time_base().den(), announced, truncated);
        } finally {
            avcodec.av_packet_free(pkt);
            avformat.avformat_close_input(ctx);
        }
    }

    /** Sorts keyframes by pts, keeping each one's seek timestamp with it. */
    private static void sortTogether(long[] keys, long[] seeks) {
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        long[] k = keys.clone();
        long[] s = seeks.clone();
        for (int i = 0; i < order.length; i++) {
            keys[i] = k[order[i]];
            seeks[i] = s[order[i]];
        }
    }

    private static long[] prepend(long[] a, long v) {
        long[] r = new long[a.length + 1];
        r[0] = v;
        System.arraycopy(a, 0, r, 1, a.length);
        return r;
    }

    /** A growable list of longs (an index of a long 8K clip holds tens of thousands). */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
