package org.tsperf.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;

/** The mix of real decoded sound: silence where no clip is, the clip's sound where it is, cross-fades that sum. */
class AudioMixTest {

    @TempDir
    Path dir;

    @Test
    void silenceAroundAClipAndItsToneWhereItIs() throws Exception {
        Path tone = TestMedia.clip(dir, "tone.mp4", "testsrc2=size=160x120:rate=25", 2, 440);
        // frames 10-20 of 30 at 25 fps: samples 19200-38400 of 57600
        Project p = new Project("a", 160, 120, new FrameRate(25, 1), 48000, List.of(new Track("A1", TrackKind.AUDIO,
                List.of(new Clip("t", tone, 5, 10, 10, List.of())), List.of())));
        short[] left = mix(p, 0, 30);
        assertEquals(57600, left.length);
        assertEquals(0, rms(left, 0, 19200), "silence before the clip");
        assertEquals(0, rms(left, 38400, 57600), "silence after the clip");
        double during = rms(left, 20000, 37600);
        assertTrue(during > 1000, "the tone plays during the clip, rms " + during);
    }

    @Test
    void aCrossFadeKeepsTheLevelOfOneTone() throws Exception {
        Path tone = TestMedia.clip(dir, "tone.mp4", "testsrc2=size=160x120:rate=25", 2, 440);
        Project one = new Project("a", 160, 120, new FrameRate(25, 1), 48000, List.of(new Track("A1",
                TrackKind.AUDIO, List.of(new Clip("x", tone, 0, 40, 0, List.of())), List.of())));
        // the same tone split in two with a 10-frame cross-fade of the same source time: the sum equals one clip
        Project split = new Project("b", 160, 120, new FrameRate(25, 1), 48000, List.of(new Track("A1",
                TrackKind.AUDIO, List.of(new Clip("x", tone, 0, 25, 0, List.of()),
                        new Clip("y", tone, 15, 25, 15, List.of())), List.of(new Transition("x", "y", 10)))));
        short[] a = mix(one, 0, 40);
        short[] b = mix(split, 0, 40);
        double plain = rms(a, 28800, 48000);
        double faded = rms(b, 28800, 48000);
        assertEquals(plain, faded, plain * 0.05, "level across the fade");
        double diff = 0;
        for (int i = 28800; i < 48000; i++) {
            diff += Math.abs(a[i] - b[i]);
        }
        assertTrue(diff / 19200 < 50, "same samples through the fade, mean difference " + diff / 19200);
    }

    private short[] mix(Project p, long in, long out) throws Exception {
        Path wav = dir.resolve("mix-" + p.name() + ".wav");
        AudioMix.write(p, in, out, Lookup.getDefault().lookup(MediaDecoder.class), wav, () -> false);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", new String(Files.readAllBytes(wav), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        short[] left = new short[(b.capacity() - 44) / 4];
        for (int i = 0; i < left.length; i++) {
            left[i] = b.getShort(44 + 4 * i);
        }
        return left;
    }

    private static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / (to - from));
    }
}
