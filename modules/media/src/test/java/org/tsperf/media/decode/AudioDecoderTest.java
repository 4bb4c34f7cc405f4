package org.tsperf.media.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.media.AudioFormat;
import org.tsperf.api.media.AudioSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaException;

/**
 * Audio against a ramp whose every sample says its own position ({@code n mod 30000 - 15000}, lossless PCM), so a
 * count, a seek or a clock offset that is one sample off shows.
 */
class AudioDecoderTest {

    @TempDir
    static Path dir;
    static Path ramp;
    static Path delayed;
    static Path silentVideo;
    static MediaDecoder decoder;
    static final String RAMP = "aevalsrc=exprs=(mod(n\\,30000)-15000)/32768:s=48000:d=%s";

    @BeforeAll
    static void makeClips() throws Exception {
        decoder = Lookup.getDefault().lookup(MediaDecoder.class);
        ramp = dir.resolve("ramp.wav");
        Ffmpeg.run("-f", "lavfi", "-i", String.format(RAMP, 2), "-c:a", "pcm_s16le", ramp.toString());
        silentVideo = dir.resolve("video-only.mkv");
        Ffmpeg.run("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=1", "-c:v", "libx264", "-bf", "0",
                silentVideo.toString());
        // video from 0 s, the sound from 0.5 s
        delayed = dir.resolve("delayed.mkv");
        Ffmpeg.run("-i", silentVideo.toString(), "-itsoffset", "0.5", "-f", "lavfi", "-i", String.format(RAMP, 1),
                "-map", "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "pcm_s16le", delayed.toString());
    }

    private static short[] readAll(AudioSource a) throws MediaException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[3000]; // not a multiple of a decoded frame: reads cross frame boundaries
        for (int n = a.read(buf, 0, buf.length); n >= 0; n = a.read(buf, 0, buf.length)) {
            assertEquals(0, n % a.format().bytesPerFrame(), "whole sample frames");
            all.write(buf, 0, n);
        }
        short[] s = new short[all.size() / 2];
        ByteBuffer.wrap(all.toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
        return s;
    }

    private static short[] readSome(AudioSource a, int samples) throws MediaException {
        byte[] buf = new byte[samples * a.format().bytesPerFrame()];
        int got = 0;
        while (got < buf.length) {
            int n = a.read(buf, got, buf.length - got);
            assertTrue(n > 0, "ended early");
            got += n;
        }
        short[] s = new short[samples * a.format().channels()];
        ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
        return s;
    }

    @Test
    void everySampleInPlaceAndSeeksLandOnTheSample() throws Exception {
        assertTrue(decoder.hasAudio(ramp));
        try (AudioSource a = decoder.openAudio(ramp, new AudioFormat(48000, 1))) {
            assertEquals(2_000_000, a.durationMicros(), 1000);
            short[] all = readAll(a);
            assertEquals(96_000, all.length);
            for (int i = 0; i < all.length; i++) {
                if (all[i] != i % 30000 - 15000) {
                    assertEquals(i % 30000 - 15000, all[i], "sample " + i);
                }
            }
            a.seek(500_000);
            short[] at = readSome(a, 2);
            assertEquals(24_000 % 30000 - 15000, at[0], "first sample after a seek to 0.5 s");
            assertEquals(24_001 % 30000 - 15000, at[1]);
            a.seek(1_234_567); // sample 59259.2: the one shown then is 59259
            assertEquals(59_259 % 30000 - 15000, readSome(a, 1)[0]);
            a.seek(0);
            assertEquals(-15000, readSome(a, 1)[0]);
        }
    }

    @Test
    void resamplesToTheRequestedRateAndChannels() throws Exception {
        try (AudioSource a = decoder.openAudio(ramp, new AudioFormat(44100, 2))) {
            short[] all = readAll(a);
            assertEquals(88_200, all.length / 2, 50);
            for (int i = 0; i < all.length; i += 2) {
                if (all[i] != all[i + 1]) {
                    assertEquals(all[i], all[i + 1], "mono spread to both channels, frame " + i / 2);
                }
            }
        }
    }

    @Test
    void audioTimesCountFromTheFirstVideoFrame() throws Exception {
        try (AudioSource a = decoder.openAudio(delayed, new AudioFormat(48000, 1))) {
            short[] all = readAll(a);
            int first = 0;
            while (first < all.length && all[first] == 0) {
                first++;
            }
            assertEquals(24_000, first, "0.5 s of silence before the sound starts");
            assertEquals(-15000, all[first]);
            a.seek(750_000);
            // Matroska keeps milliseconds: a frame's start after a seek is known to 1 ms (48 samples)
            assertEquals(12_000 % 30000 - 15000, readSome(a, 1)[0], 48, "0.75 s on the video's clock is 0.25 s in");
        }
    }

    @Test
    void fileWithoutAudioIsRefusedClearly() {
        assertFalse(decoder.hasAudio(silentVideo));
        MediaException ex = assertThrows(MediaException.class,
                () -> decoder.openAudio(silentVideo, AudioFormat.stereo48k()));
        assertTrue(ex.getMessage().contains("has no audio stream"), ex.getMessage());
    }
}
