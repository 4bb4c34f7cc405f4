package org.tsperf.timeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.Transition;

/**
 * Cuts a project into preview chunks and fingerprints each: SHA-256 over a canonical text of everything that makes
 * the chunk's pictures and nothing else (clip and track ids, audio and the chunk's place on the timeline are left
 * out, so a chunk whose pictures did not change keeps its fingerprint wherever it moved to).
 * <p>
 * A clip takes part in a chunk when its frames meet the chunk's; where a transition joins two clips they overlap by
 * its length, so both clips and the transition take part in the chunks of that overlap. Per clip the text holds the
 * source's content key, the source frames used inside the chunk and where they sit in it, and its effects; per
 * transition the clips it joins and where its overlap sits; the layers in track order (video tracks with a clip in the
 * chunk, lowest first); then the preview size, the chunk length, the project's size and rate, and the renderer's
 * version.
 */
final class ChunkPlanner {

    /** Changes when the canonical text changes, so that no old fingerprint is taken for a new one. */
    static final String SCHEME = "tsperf-preview-chunk 1";

    private final ContentKeys keys;
    private final HeavySources heavy;

    ChunkPlanner(ContentKeys keys, HeavySources heavy) {
        this.keys = keys;
        this.heavy = heavy;
    }

    List<PreviewChunk> chunks(Project project, int previewWidth, int previewHeight, int chunkFrames,
            String rendererVersion) throws IOException {
        Objects.requireNonNull(rendererVersion, "rendererVersion");
        if (previewWidth < 1 || previewHeight < 1 || chunkFrames < 1) {
            throw new IllegalArgumentException("preview size and chunk length must be positive: " + previewWidth + "x"
                    + previewHeight + ", " + chunkFrames + " frames");
        }
        Map<String, String> contentKeys = new HashMap<>();
        Map<String, Boolean> heavyClips = new HashMap<>();
        for (Track track : project.videoTracks()) {
            for (Clip c : track.clips()) {
                contentKeys.put(c.id(), keys.key(c.source(), c.id()));
                heavyClips.put(c.id(), heavy.heavy(c.source(), project.rate()));
            }
        }
        String header = SCHEME + "\nrenderer " + rendererVersion + "\nproject " + project.width() + "x"
                + project.height() + " at " + project.rate() + "\npreview " + previewWidth + "x" + previewHeight
                + "\nchunk frames " + chunkFrames + "\n";
        long length = project.length();
        List<PreviewChunk> chunks = new ArrayList<>();
        for (int i = 0; (long) i * chunkFrames < length; i++) {
            long start = (long) i * chunkFrames;
            long end = Math.min(start + chunkFrames, length);
            chunks.add(chunk(project, i, start, end, header, contentKeys, heavyClips));
        }
        return List.copyOf(chunks);
    }

    private static PreviewChunk chunk(Project project, int index, long start, long end, String header,
            Map<String, String> contentKeys, Map<String, Boolean> heavyClips) {
        StringBuilder text = new StringBuilder(header).append("frames ").append(end - start).append('\n');
        boolean needs = false;
        List<long[]> lowerSpans = new ArrayList<>();
        int layer = 0;
        for (Track track : project.videoTracks()) {
            List<Clip> inside = track.clips().stream().filter(c -> c.start() < end && c.end() > start).toList();
            if (inside.isEmpty()) {
                continue;
            }
            text.append("layer ").append(layer++).append('\n');
            List<long[]> spans = new ArrayList<>();
            for (int k = 0; k < inside.size(); k++) {
                Clip c = inside.get(k);
                long from = Math.max(c.start(), start);
                long to = Math.min(c.end(), end);
                spans.add(new long[] {from, to});
                text.append(" clip ").append(k).append(" content ").append(contentKeys.get(c.id()))
                        .append(" source ").append(c.sourceFrame(from)).append('-').append(c.sourceFrame(to))
                        .append(" at ").append(from - start).append(" effects");
                for (Effect e : c.effects()) {
                    text.append(' ').append(describe(e));
                    needs |= changesPictures(e);
                }
                text.append('\n');
                needs |= heavyClips.get(c.id());
            }
            for (Transition t : track.transitions()) {
                int from = indexOf(inside, t.fromClip());
                int to = indexOf(inside, t.toClip());
                long overlapStart = track.clip(t.toClip()).orElseThrow().start();
                if (overlapStart < end && overlapStart + t.length() > start && from >= 0 && to >= 0) {
                    text.append(" crossfade ").append(from).append(" to ").append(to).append(" at ")
                            .append(overlapStart - start).append(" length ").append(t.length()).append('\n');
                    needs = true;
                }
            }
            needs |= overlaps(spans, lowerSpans);
            lowerSpans.addAll(spans);
        }
        return new PreviewChunk(index, start, end, hex(text.toString()), needs);
    }

    private static int indexOf(List<Clip> clips, String id) {
        for (int i = 0; i < clips.size(); i++) {
            if (clips.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** True when a clip of this layer shows over a clip of a lower one at some frame. */
    private static boolean overlaps(List<long[]> spans, List<long[]> lower) {
        for (long[] a : spans) {
            for (long[] b : lower) {
                if (a[0] < b[1] && b[0] < a[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Identities (full opacity, a neutral colour adjustment) leave pictures as they are: nothing to render. */
    static boolean changesPictures(Effect e) {
        if (e instanceof Effect.Opacity o) {
            return o.amount() < 1;
        }
        if (e instanceof Effect.ColourAdjust c) {
            return !c.equals(new Effect.ColourAdjust(0, 1, 1, 1));
        }
        return true;
    }

    private static String describe(Effect e) {
        if (e instanceof Effect.ColourAdjust c) {
            return "colour(" + c.brightness() + "," + c.contrast() + "," + c.saturation() + "," + c.gamma() + ")";
        }
        if (e instanceof Effect.Blur b) {
            return "blur(" + b.sigma() + ")";
        }
        if (e instanceof Effect.Opacity o) {
            return "opacity(" + o.amount() + ")";
        }
        throw new IllegalArgumentException("no fingerprint form for effect " + e);
    }

    private static String hex(String text) {
        return java.util.HexFormat.of().formatHex(ContentKeys.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
