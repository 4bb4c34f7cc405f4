package org.tsperf.render;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.tsperf.api.media.AudioFormat;
import org.tsperf.api.media.AudioSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.Transition;

/**
 * The project's audio tracks mixed into one stereo 16-bit WAV file for frames {@code [in, out)}: each clip's sound
 * from its source time, summed, the two clips of a transition faded linearly across their overlap, silence where no
 * clip is, clipped to 16 bits. Read and written a second at a time, each clip's source read sequentially.
 */
final class AudioMix {

    private static final int CHANNELS = 2;

    private AudioMix() {
    }

    /** A clip's span in samples of the mix, with its fade in and out from transitions. */
    private record Span(Clip clip, long first, long end, long fadeInEnd, long fadeOutStart) {

        double gain(long s) {
            double g = 1;
            if (s < fadeInEnd) {
                g *= (s - first + 0.5) / (fadeInEnd - first);
            }
            if (s >= fadeOutStart) {
                g *= (end - s - 0.5) / (end - fadeOutStart);
            }
            return g;
        }
    }

    /**
     * Writes the mix to {@code wav}.
     *
     * @param cancelled checked every second of sound
     * @return true when any clip had sound (else the file holds silence only)
     */
    static boolean write(Project project, long in, long out, MediaDecoder decoder, Path wav,
            BooleanSupplier cancelled) throws IOException {
        int rate = project.sampleRate();
        long first = sample(project, in);
        long total = sample(project, out) - first;
        List<Span> spans = new ArrayList<>();
        for (Track t : project.audioTracks()) {
            for (Clip c : t.clips()) {
                if (c.end() > in && c.start() < out && decoder.hasAudio(c.source())) {
                    spans.add(span(project, t, c));
                }
            }
        }
        AudioFormat format = new AudioFormat(rate, CHANNELS);
        Map<String, AudioSource> open = new HashMap<>();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(wav), 1 << 16)) {
            os.write(header(total, rate));
            float[] mix = new float[rate * CHANNELS];
            byte[] read = new byte[rate * CHANNELS * 2];
            byte[] pcm = new byte[rate * CHANNELS * 2];
            for (long s0 = first; s0 < first + total; s0 += rate) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled");
                }
                long s1 = Math.min(first + total, s0 + rate);
                Arrays.fill(mix, 0);
                for (Span sp : spans) {
                    long a = Math.max(s0, sp.first()), b = Math.min(s1, sp.end());
                    if (a >= b) {
                        continue;
                    }
                    AudioSource src = open.get(sp.clip().id());
                    if (src == null) {
                        src = decoder.openAudio(sp.clip().source(), format);
                        long sourceSample = sample(project, sp.clip().sourceIn()) + (a - sp.first());
                        src.seek(Math.round(sourceSample * 1_000_000.0 / rate));
                        open.put(sp.clip().id(), src);
                    }
                    int bytes = readFully(src, read, (int) (b - a) * CHANNELS * 2);
                    for (int i = 0; i < bytes / 2; i++) {
                        long s = a + i / CHANNELS;
                        short v = (short) ((read[2 * i] & 0xFF) | read[2 * i + 1] << 8);
                        mix[(int) (s - s0) * CHANNELS + i % CHANNELS] += (float) (v * sp.gain(s));
                    }
                    if (b == sp.end()) {
                        open.remove(sp.clip().id()).close();
                    }
                }
                int n = (int) (s1 - s0) * CHANNELS;
                for (int i = 0; i < n; i++) {
                    int v = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(mix[i])));
                    pcm[2 * i] = (byte) v;
                    pcm[2 * i + 1] = (byte) (v >> 8);
                }
                os.write(pcm, 0, 2 * n);
            }
        } finally {
            open.values().forEach(AudioSource::close);
        }
        return !spans.isEmpty();
    }

    /** The first sample of a timeline frame. */
    static long sample(Project p, long frame) {
        return Math.round(p.rate().micros(frame) * (double) p.sampleRate() / 1_000_000.0);
    }

    private static Span span(Project p, Track t, Clip c) {
        long first = sample(p, c.start());
        long end = sample(p, c.end());
        long fadeInEnd = first;
        long fadeOutStart = end;
        for (Transition tr : t.transitions()) {
            if (tr.toClip().equals(c.id())) {
                fadeInEnd = sample(p, c.start() + tr.length());
            }
            if (tr.fromClip().equals(c.id())) {
                fadeOutStart = sample(p, c.end() - tr.length());
            }
        }
        return new Span(c, first, end, fadeInEnd, fadeOutStart);
    }

    /** Reads up to {@code want} bytes; a source that ends early leaves silence in the rest. */
    private static int readFully(AudioSource src, byte[] into, int want) throws MediaException {
        int got = 0;
        while (got < want) {
            int n = src.read(into, got, want - got);
            if (n < 0) {
                break;
            }
            got += n;
        }
        Arrays.fill(into, got, want, (byte) 0);
        return want;
    }

    /** A 44-byte RIFF header of 16-bit stereo PCM. */
    private static byte[] header(long samples, int rate) {
        long data = samples * CHANNELS * 2;
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) Math.min(0xFFFFFFFFL, 36 + data));
        h.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) CHANNELS).putInt(rate).putInt(rate * CHANNELS * 2).putShort((short) (CHANNELS * 2))
                .putShort((short) 16);
        h.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) Math.min(0xFFFFFFFFL, data));
        return h.array();
    }
}
