package org.tsperf.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tsperf.api.cache.TraceAccess;
import org.tsperf.api.cache.TraceEvent;
import org.tsperf.api.cache.TraceHint;

/**
 * Simulated editing sessions for the L1 policy ({@code tsperf cache trace}, the benchmarks and the tests): what an editor's cache sees, with the playback hints the player gives
 * at that moment ({@link TraceHint}: a hint where the user starts playing, sets a loop, jumps or drags the playhead;
 * the frames shown after it follow from the hint). Frames are 1080p RGBA proxy frames (8,294,400 bytes) named
 * {@code cCLIP:fN}, thumbnails 160x90 RGBA (57,600 bytes). Deterministic for a seed; the hints draw no random
 * numbers, so the accesses are those of the traces before hints were added.
 */
final class EditingTraces {

    static final long FRAME = 1920L * 1080 * 4;
    static final long THUMB = 160L * 90 * 4;

    private final Random random;
    private final List<TraceEvent> out = new ArrayList<>();

    private EditingTraces(long seed) {
        this.random = new Random(seed);
    }

    /** The kinds of trace, in the order of {@link #all}. */
    static final List<String> KINDS = List.of("playback", "loop", "scrub", "jumps", "thumbnails", "mixed", "shuttle");

    /** Every trace by name; {@code scale} 1 is the benchmark size, smaller values give quick test traces. */
    static Map<String, List<TraceEvent>> all(double scale) {
        return all(scale, 0);
    }

    /** The same kinds of trace drawn with other seeds ({@code seeds} 0: the benchmark's). */
    static Map<String, List<TraceEvent>> all(double scale, long seeds) {
        Map<String, List<TraceEvent>> m = new LinkedHashMap<>();
        m.put("playback", new EditingTraces(seeds + 1).playback(scale).out);
        m.put("loop", new EditingTraces(seeds + 2).loops(scale).out);
        m.put("scrub", new EditingTraces(seeds + 3).scrubbing(scale).out);
        m.put("jumps", new EditingTraces(seeds + 4).jumps(scale).out);
        m.put("thumbnails", new EditingTraces(seeds + 5).thumbnailStrips(scale).out);
        EditingTraces mixed = new EditingTraces(seeds + 6);
        for (int i = 0; i < 4; i++) {
            mixed.playback(scale / 4).loops(scale / 4).scrubbing(scale / 4).jumps(scale / 4).thumbnailStrips(scale / 4);
        }
        m.put("mixed", mixed.out);
        m.put("shuttle", new EditingTraces(seeds + 7).shuttle(scale).out);
        return m;
    }

    /** The trace's accesses alone (what LRU and MIN see). */
    static List<TraceAccess> accesses(List<TraceEvent> trace) {
        return TraceReplayer.accesses(trace);
    }

    static String clip(int clip) {
        return "c" + clip;
    }

    private void frame(int clip, int frame) {
        out.add(new TraceAccess(TraceHint.frameKey(clip(clip), frame), FRAME));
    }

    private void play(int clip, int frame, int step) {
        out.add(TraceHint.play(clip(clip), frame, step));
    }

    private void thumb(int source, int index) {
        out.add(new TraceAccess("thumbnail:s" + source + "#" + index, THUMB));
    }

    /** Play a run, stop, play again from near where it stopped or from a little earlier (review), sometimes elsewhere. */
    private EditingTraces playback(double scale) {
        int runs = (int) Math.max(4, 160 * scale);
        int clip = 0;
        int pos = 0;
        for (int r = 0; r < runs; r++) {
            double p = random.nextDouble();
            if (p < 0.45) {
                pos = Math.max(0, pos - 20 - random.nextInt(150)); // back a little, play again
            } else if (p < 0.85) {
                // carry on from where it stopped
            } else {
                clip = random.nextInt(4);
                pos = random.nextInt(1400);
            }
            int len = 60 + random.nextInt(240);
            play(clip, pos, 1);
            for (int f = pos; f < pos + len; f++) {
                frame(clip, f);
            }
            pos += len;
        }
        return this;
    }

    /** Loop playback over a region (in/out points), the region nudged now and then. */
    private EditingTraces loops(double scale) {
        int loops = (int) Math.max(3, 40 * scale);
        int start = random.nextInt(1000);
        int len = 200 + random.nextInt(200);
        for (int l = 0; l < loops; l++) {
            boolean nudged = random.nextDouble() < 0.15;
            if (nudged) {
                start += random.nextInt(61) - 30;
                start = Math.max(0, start);
            }
            if (nudged || l == 0) {
                out.add(TraceHint.loop(clip(5), start, start + len - 1));
            }
            for (int f = start; f < start + len; f++) {
                frame(5, f);
            }
        }
        return this;
    }

    /** Dragging the playhead back and forth around a spot, the spot drifting. */
    private EditingTraces scrubbing(double scale) {
        int steps = (int) Math.max(500, 12_000 * scale);
        int centre = 500 + random.nextInt(1000);
        int pos = centre;
        out.add(TraceHint.scrub(clip(6), centre));
        for (int s = 0; s < steps; s++) {
            if (random.nextDouble() < 0.002) {
                centre = random.nextInt(3000);
                pos = centre;
                out.add(TraceHint.scrub(clip(6), centre)); // the user grabs the playhead elsewhere
            }
            int step = 1 + random.nextInt(8);
            pos += random.nextBoolean() ? step : -step;
            pos += Integer.signum(centre - pos) * (random.nextDouble() < 0.3 ? 1 : 0);
            pos = Math.max(0, pos);
            if (random.nextDouble() < 0.01) {
                centre += random.nextInt(41) - 20;
            }
            frame(6, pos);
        }
        return this;
    }

    static final int JUMP_MARKERS = 24;
    /** Marker m is drawn as min(last, |N(0,1)| * spread): the first few are favourites. */
    static final double JUMP_SPREAD = 6;
    static final int JUMP_MIN_FRAMES = 20;
    static final int JUMP_EXTRA_FRAMES = 60;

    /** Jumping between markers and playing a little from each. */
    private EditingTraces jumps(double scale) {
        int[] markers = new int[JUMP_MARKERS];
        for (int i = 0; i < markers.length; i++) {
            markers[i] = random.nextInt(20_000);
        }
        int jumps = (int) Math.max(10, 300 * scale);
        for (int j = 0; j < jumps; j++) {
            // favourite markers more often (Zipf-like)
            int m = (int) Math.min(markers.length - 1, Math.abs(random.nextGaussian()) * JUMP_SPREAD);
            int len = JUMP_MIN_FRAMES + random.nextInt(JUMP_EXTRA_FRAMES);
            play(7, markers[m], 1);
            for (int f = markers[m]; f < markers[m] + len; f++) {
                frame(7, f);
            }
        }
        return this;
    }

    /** Thumbnail strips of a media bin: scrolling through sources, revisiting, with a few frames previewed. */
    private EditingTraces thumbnailStrips(double scale) {
        int sources = 400;
        int views = (int) Math.max(20, 600 * scale);
        int top = 0;
        for (int v = 0; v < views; v++) {
            top = Math.max(0, Math.min(sources - 12, top + random.nextInt(9) - 4));
            for (int s = top; s < top + 12; s++) {
                for (int t = 0; t < 20; t++) {
                    thumb(s, t);
                }
            }
            if (random.nextDouble() < 0.2) {
                int src = top + random.nextInt(12);
                int at = random.nextInt(20) * 30;
                play(100 + src, at, 1);
                for (int f = at; f < at + 30; f++) {
                    frame(100 + src, f);
                }
            }
        }
        return this;
    }

    /**
     * J/K/L shuttle on one clip: playing forward at 1x, 2x or 4x (L pressed once, twice, three times: every frame,
     * every 2nd, every 4th), reverse at the same speeds (J), pausing on a frame (K), each for 20-120 frames shown;
     * now and then the playhead is put elsewhere in the clip.
     */
    private EditingTraces shuttle(double scale) {
        int moves = (int) Math.max(20, 500 * scale);
        int pos = 500 + random.nextInt(2000);
        for (int m = 0; m < moves; m++) {
            if (random.nextDouble() < 0.05) {
                pos = random.nextInt(3000);
            }
            if (random.nextDouble() < 0.15) {
                play(8, pos, 0); // K: paused on the frame
                frame(8, pos);
            }
            double p = random.nextDouble();
            int speed = p < 0.6 ? 1 : p < 0.85 ? 2 : 4;
            int step = random.nextDouble() < 0.6 ? speed : -speed;
            int shown = 20 + random.nextInt(101);
            play(8, pos, step);
            for (int i = 0; i < shown && pos >= 0; i++) {
                frame(8, pos);
                pos += step;
            }
            pos = Math.max(0, pos - step); // the last frame shown
        }
        return this;
    }
}
