package org.tsperf.media.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.api.media.DecodeOptions;
import org.tsperf.api.media.DecodedFrame;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.VideoFormat;
import org.tsperf.api.memory.MemoryManager;
import org.tsperf.api.memory.Priority;

/**
 * Every frame, sequentially and by random seeks, against the bundled ffmpeg's decode of the same file (see
 * {@link Ffmpeg}), for the stream shapes that break approximate seeking.
 */
class FfmpegMediaDecoderTest {

    @TempDir
    static Path dir;
    static MediaDecoder decoder;
    static final DecodeOptions OPTIONS = new DecodeOptions(2, false, Priority.NORMAL);
    /** Moving noise on the test pattern, so that neighbouring frames differ everywhere. */
    static final String SOURCE = "testsrc2=size=320x240:rate=25:duration=%s,noise=alls=25:allf=t+u";

    /**
     * A test clip.
     *
     * @param ffmpegFormat the -pix_fmt ffmpeg writes our frames' layout with
     * @param tolerance    largest difference per sample where we convert (swscale in both, but ffmpeg's filter graph
     *                     may pick other chroma siting/dither settings), 0 where frames are copied as decoded
     */
    record Clip(String name, PixelFormat format, String ffmpegFormat, int tolerance) {
        Path file() {
            return dir.resolve(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Clip> CLIPS = List.of(
            new Clip("h264-high-bframes.mp4", PixelFormat.I420, "yuv420p", 0),
            new Clip("hevc10-open-gop.mkv", PixelFormat.I420_10LE, "yuv420p10le", 0),
            new Clip("hevc10-starts-at-cra.ts", PixelFormat.I420_10LE, "yuv420p10le", 0),
            new Clip("prores422.mov", PixelFormat.I420_10LE, "yuv420p10le", 4),
            new Clip("vfr.mkv", PixelFormat.I420, "yuv420p", 0),
            new Clip("rotated.mp4", PixelFormat.I420, "yuv420p", 0),
            new Clip("offset10s.ts", PixelFormat.I420, "yuv420p", 0),
            new Clip("trimmed-editlist.mp4", PixelFormat.I420, "yuv420p", 0));

    static Stream<Clip> clips() {
        return CLIPS.stream();
    }

    @BeforeAll
    static void makeClips() throws Exception {
        decoder = Lookup.getDefault().lookup(MediaDecoder.class);
        Path h264 = dir.resolve("h264-high-bframes.mp4");
        Ffmpeg.run("-f", "lavfi", "-i", String.format(SOURCE, 4), "-c:v", "libx264", "-preset", "veryfast",
                "-profile:v", "high", "-g", "48", "-bf", "3", "-pix_fmt", "yuv420p", h264.toString());
        Path hevc = dir.resolve("hevc10-open-gop.mkv");
        Ffmpeg.run("-f", "lavfi", "-i", String.format(SOURCE, 3), "-c:v", "libx265", "-preset", "fast", "-pix_fmt",
                "yuv420p10le", "-x265-params", "keyint=24:min-keyint=24:scenecut=0:log-level=error", hevc.toString());
        // cut at a CRA with stream copy: the RASL frames after it remain and the decoder drops them
        Ffmpeg.run("-ss", "1.1", "-i", hevc.toString(), "-c", "copy", "-f", "mpegts",
                dir.resolve("hevc10-starts-at-cra.ts").toString());
        Ffmpeg.run("-f", "lavfi", "-i", String.format(SOURCE, 2), "-c:v", "prores_ks", "-profile:v", "2", "-pix_fmt",
                "yuv422p10le", dir.resolve("prores422.mov").toString());
        Ffmpeg.run("-f", "lavfi", "-i", String.format(SOURCE, 3), "-vf",
                "settb=1/1000,setpts=N*40+if(eq(mod(N\\,4)\\,1)\\,13\\,0)+if(eq(mod(N\\,5)\\,2)\\,-9\\,0)",
                "-fps_mode", "passthrough", "-enc_time_base", "1:1000", "-c:v", "libx264", "-preset", "veryfast", "-g", "30", "-bf", "2",
                dir.resolve("vfr.mkv").toString());
        Ffmpeg.run("-display_rotation", "90", "-i", h264.toString(), "-c", "copy", dir.resolve("rotated.mp4").toString());
        Ffmpeg.run("-i", h264.toString(), "-c", "copy", "-output_ts_offset", "10", "-f", "mpegts",
                dir.resolve("offset10s.ts").toString());
        // copying from a point between keyframes: an edit list whose leading packets are flagged discard
        Ffmpeg.run("-ss", "1.3", "-i", h264.toString(), "-c", "copy", dir.resolve("trimmed-editlist.mp4").toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clips")
    void everyFrameMatchesFfmpegSequentiallyAndBySeek(Clip clip) throws Exception {
        Path file = clip.file();
        long count = Ffmpeg.countFrames(file);
        byte[] reference = Ffmpeg.allFrames(file, clip.ffmpegFormat());
        List<String[]> probed = Ffmpeg.frames(file);
        try (FrameSource source = decoder.open(file, OPTIONS)) {
            VideoFormat f = source.format();
            assertEquals(clip.format(), f.pixelFormat());
            int frameBytes = (int) f.pixelFormat().frameBytes(f.width(), f.height());
            assertEquals(count, reference.length / frameBytes, "ffmpeg's frames");
            assertEquals(count, f.frameCount(), "frame count as ffprobe -count_frames");
            assertEquals(count, probed.size());
            double t0 = Double.parseDouble(probed.get(0)[1]);
            for (int i = 0; i < count; i++) {
                try (DecodedFrame frame = source.next()) {
                    assertNotNull(frame, "frame " + i + " of " + count);
                    assertEquals(i, frame.index());
                    long expected = Math.round((Double.parseDouble(probed.get(i)[1]) - t0) * 1e6);
                    assertEquals(expected, frame.timeMicros(), 1, "time of frame " + i);
                    assertEquals(frame.timeMicros(), source.timeOf(i));
                    assertEquals(i, source.frameAt(frame.timeMicros()));
                    assertEquals(i, source.frameAt(frame.timeMicros() + frame.durationMicros() - 1));
                    assertPicture(clip, reference, frameBytes, i, frame);
                }
            }
            assertNull(source.next(), "end of stream");
            List<Integer> keys = new ArrayList<>();
            for (int i = 0; i < probed.size(); i++) {
                if (probed.get(i)[0].startsWith("1")) {
                    keys.add(i);
                }
            }
            List<Long> targets = seekTargets(count, keys);
            for (long n : targets) {
                try (DecodedFrame frame = source.seek(n)) {
                    assertEquals(n, frame.index(), "seek " + n + " of " + targets);
                    assertPicture(clip, reference, frameBytes, (int) n, frame);
                }
            }
            source.seek(count / 2).close();
            try (DecodedFrame after = source.next()) {
                assertEquals(count / 2 + 1, after.index(), "next() after seek");
                assertPicture(clip, reference, frameBytes, (int) (count / 2 + 1), after);
            }
            // reopened: the cached index, no scan and no first-frame check, the same frames
            try (FrameSource again = decoder.open(file, OPTIONS)) {
                assertEquals(count, again.format().frameCount());
                assertEquals(f, again.format());
                for (int i = 0; i < 2; i++) {
                    try (DecodedFrame frame = again.next()) {
                        assertEquals(i, frame.index());
                        assertPicture(clip, reference, frameBytes, i, frame);
                    }
                }
            }
            // the whole-stream dump is the select=eq(n\,N) frame
            long n = keys.size() > 1 ? keys.get(1) + 1 : count - 1;
            assertArrayEquals(Arrays.copyOfRange(reference, (int) n * frameBytes, (int) (n + 1) * frameBytes),
                    Ffmpeg.selectFrame(file, n, clip.ffmpegFormat()), "select=eq(n," + n + ")");
        }
    }

    /**
     * Seeks into every frame of a group of pictures skip the frames on the way that nothing refers to (H.264 and
     * HEVC non-reference pictures) and still give exactly ffmpeg's frame.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("skippingClips")
    void seeksSkipUnreferencedFramesAndStayExact(Clip clip) throws Exception {
        Path file = clip.file();
        byte[] reference = Ffmpeg.allFrames(file, clip.ffmpegFormat());
        List<String[]> probed = Ffmpeg.frames(file);
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < probed.size(); i++) {
            if (probed.get(i)[0].startsWith("1")) {
                keys.add(i);
            }
        }
        int first = keys.size() > 1 ? keys.get(1) : 1;
        int end = keys.size() > 2 ? keys.get(2) : Math.min(probed.size(), first + 24);
        List<Long> targets = new ArrayList<>();
        for (long n = first; n < end; n++) {
            targets.add(n);
        }
        Collections.shuffle(targets, new Random(5));
        try (FrameSource source = decoder.open(file, OPTIONS)) {
            VideoFormat f = source.format();
            int frameBytes = (int) f.pixelFormat().frameBytes(f.width(), f.height());
            for (long n : targets) {
                // from elsewhere each time: a seek, not a decode on
                source.seek(0).close();
                try (DecodedFrame frame = source.seek(n)) {
                    assertEquals(n, frame.index());
                    assertPicture(clip, reference, frameBytes, (int) n, frame);
                }
            }
            assertTrue(((VideoDecoder) source).packetsSkipped() > 0, clip + ": no frame skipped on the way");
        }
    }

    /**
     * A seek to a keyframe starts at that keyframe, not one before it: MP4 and Matroska seek by presentation time,
     * and a keyframe's dts lies before its pts when frames are reordered (which cost a whole extra group of pictures
     * per seek). Exactness is the other tests' concern; this one counts the packets read.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("skippingClips")
    void aSeekToAKeyframeStartsThere(Clip clip) throws Exception {
        List<String[]> probed = Ffmpeg.frames(clip.file());
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < probed.size(); i++) {
            if (probed.get(i)[0].startsWith("1")) {
                keys.add(i);
            }
        }
        assertTrue(keys.size() >= 3, clip + ": needs three keyframes, has " + keys);
        int key = keys.get(2);
        int group = key - keys.get(1);
        try (FrameSource source = decoder.open(clip.file(), OPTIONS)) {
            VideoDecoder video = (VideoDecoder) source;
            source.seek(probed.size() - 1L).close();
            // packets read: decoded, or skipped as unreferenced on the way
            long before = video.packetsDecoded() + video.packetsSkipped();
            try (DecodedFrame frame = source.seek(key)) {
                assertEquals(key, frame.index());
            }
            long read = video.packetsDecoded() + video.packetsSkipped() - before;
            assertTrue(read > 0, clip + ": the seek read nothing");
            assertTrue(read < group, clip + ": " + read + " packets read for a seek to keyframe " + key
                    + ", as if it started at the keyframe before it (" + group + " frames earlier)");
        }
    }

    static Stream<Clip> skippingClips() {
        return CLIPS.stream().filter(c -> List.of("h264-high-bframes.mp4", "hevc10-open-gop.mkv", "vfr.mkv")
                .contains(c.name()));
    }

    /** 0, last, around the second and third keyframes, and a few random frames, in random order. */
    private static List<Long> seekTargets(long count, List<Integer> keys) {
        Set<Long> t = new LinkedHashSet<>(List.of(0L, count - 1));
        for (int k : keys.subList(1, Math.min(3, keys.size()))) {
            t.addAll(List.of(k - 1L, (long) k, Math.min(count - 1, k + 1L)));
        }
        Random random = new Random(11);
        for (int i = 0; i < 6; i++) {
            t.add((long) random.nextInt((int) count));
        }
        List<Long> order = new ArrayList<>(t);
        Collections.shuffle(order, random);
        return order;
    }

    private static void assertPicture(Clip clip, byte[] reference, int frameBytes, int n, DecodedFrame frame) {
        ByteBuffer data = frame.picture().data();
        int base = n * frameBytes;
        if (clip.tolerance() == 0) {
            for (int i = 0; i < frameBytes; i++) {
                if (data.get(i) != reference[base + i]) {
                    fail(clip + " frame " + n + ": byte " + i + " of " + frameBytes + " differs from ffmpeg's ("
                            + data.get(i) + " vs " + reference[base + i] + ")");
                }
            }
            return;
        }
        // 10-bit little-endian samples; a neighbouring frame differs by far more than the tolerance (noise 25)
        int worst = 0;
        long total = 0;
        for (int i = 0; i + 1 < frameBytes; i += 2) {
            int ours = (data.get(i) & 0xff) | (data.get(i + 1) & 0xff) << 8;
            int theirs = (reference[base + i] & 0xff) | (reference[base + i + 1] & 0xff) << 8;
            int d = Math.abs(ours - theirs);
            worst = Math.max(worst, d);
            total += d;
        }
        assertTrue(worst <= clip.tolerance(), clip + " frame " + n + ": a sample differs by " + worst);
        assertTrue(total / (frameBytes / 2.0) < 0.5, clip + " frame " + n + ": mean difference " + total
                / (frameBytes / 2.0));
    }

    @Test
    void formatsSayWhatTheStreamsAre() throws Exception {
        try (FrameSource s = decoder.open(dir.resolve("rotated.mp4"), OPTIONS)) {
            VideoFormat f = s.format();
            assertEquals(90, f.rotation() % 180, "turned a quarter: " + f.rotation());
            assertEquals(320, f.width());
            assertEquals(240, f.displayWidth() == 240 ? 240 : -1);
            assertEquals("yuv420p", f.sourcePixelFormat());
            assertEquals(25.0, f.frameRate(), 0.01);
            assertFalse(f.variableFrameRate());
            assertEquals(4_000_000, f.durationMicros());
            assertEquals("h264", s.decoder().codec());
            assertFalse(s.decoder().isHardware());
        }
        try (FrameSource s = decoder.open(dir.resolve("prores422.mov"), OPTIONS)) {
            assertEquals("yuv422p10le", s.format().sourcePixelFormat());
            assertEquals(0, s.format().rotation());
        }
        try (FrameSource s = decoder.open(dir.resolve("vfr.mkv"), OPTIONS)) {
            assertTrue(s.format().variableFrameRate());
        }
        try (FrameSource s = decoder.open(dir.resolve("offset10s.ts"), OPTIONS)) {
            assertEquals(0, s.timeOf(0), "times count from the first frame, not from the 10 s offset");
        }
    }

    @Test
    void hardwareIsUsedOnlyWhenItWorksAndSaysWhyNot() throws Exception {
        try (FrameSource s = decoder.open(dir.resolve("h264-high-bframes.mp4"), DecodeOptions.playback())) {
            if (s.decoder().isHardware()) {
                try (DecodedFrame f = s.seek(10)) {
                    assertEquals(10, f.index());
                }
            } else {
                assertTrue(s.decoder().reason().contains("vaapi") && s.decoder().reason().contains("cuda"),
                        s.decoder().reason());
                assertTrue(s.decoder().describe().startsWith("h264, software, "), s.decoder().describe());
            }
        }
    }

    @Test
    void badFilesSayWhatIsWrong() throws Exception {
        assertEquals(MediaException.Problem.MISSING,
                assertThrows(MediaException.class, () -> decoder.open(dir.resolve("nope.mp4"), OPTIONS)).problem());
        Path zero = Files.createFile(dir.resolve("zero.mp4"));
        MediaException empty = assertThrows(MediaException.class, () -> decoder.open(zero, OPTIONS));
        assertEquals(MediaException.Problem.EMPTY, empty.problem());
        byte[] noise = new byte[200_000];
        new Random(1).nextBytes(noise);
        Path random = Files.write(dir.resolve("random.mp4"), noise);
        MediaException notMedia = assertThrows(MediaException.class, () -> decoder.open(random, OPTIONS));
        assertEquals(MediaException.Problem.NOT_MEDIA, notMedia.problem());
        assertTrue(notMedia.getMessage().contains(random.toString()), notMedia.getMessage());
        Path audio = dir.resolve("audio-only.wav");
        Ffmpeg.run("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=1", audio.toString());
        MediaException noVideo = assertThrows(MediaException.class, () -> decoder.open(audio, OPTIONS));
        assertEquals(MediaException.Problem.NO_VIDEO, noVideo.problem());
        assertTrue(noVideo.getMessage().contains("no video"), noVideo.getMessage());
    }

    @Test
    void truncatedFileEndsEarlyAndRefusesSeeksPastItsEnd() throws Exception {
        Path whole = dir.resolve("faststart.mp4");
        Ffmpeg.run("-f", "lavfi", "-i", String.format(SOURCE, 4), "-c:v", "libx264", "-preset", "veryfast", "-g",
                "25", "-bf", "2", "-movflags", "+faststart", whole.toString());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("truncated.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
        long announced = Ffmpeg.countFrames(whole);
        try (FrameSource s = decoder.open(cut, OPTIONS)) {
            long count = s.format().frameCount();
            assertTrue(count > 0 && count < announced, count + " of " + announced);
            long read = 0;
            for (DecodedFrame f = s.next(); f != null; f = s.next()) {
                f.close();
                read++;
            }
            assertTrue(read > 0 && read <= count, read + " read, " + count + " indexed");
            MediaException past = assertThrows(MediaException.class, () -> s.seek(announced - 1));
            assertEquals(MediaException.Problem.TRUNCATED, past.problem());
            assertTrue(past.getMessage().contains("truncated"), past.getMessage());
            try (DecodedFrame f = s.seek(read / 2)) {
                assertEquals(read / 2, f.index());
            }
        }
    }

    @Test
    void framesLiveInTheMemoryManagersBuffersUntilClosed() throws Exception {
        MemoryManager memory = Lookup.getDefault().lookup(MemoryManager.class);
        assertNotNull(memory, "the memory module is on the test classpath");
        try (FrameSource s = decoder.open(dir.resolve("h264-high-bframes.mp4"), DecodeOptions.background())) {
            long frameBytes = s.format().pixelFormat().frameBytes(s.format().width(), s.format().height());
            long before = usedLow(memory);
            DecodedFrame a = s.seek(5);
            DecodedFrame b = s.next();
            assertTrue(usedLow(memory) - before >= 2 * frameBytes, "two frames held: " + (usedLow(memory) - before));
            assertEquals(6, b.index());
            a.close();
            a.close();
            b.close();
            assertEquals(before, usedLow(memory), "both buffers back");
            assertThrows(IllegalStateException.class, a::picture);
        }
    }

    private static long usedLow(MemoryManager memory) {
        return memory.statistics().usedByPriority().getOrDefault(Priority.LOW, 0L);
    }
}
