package org.tsperf.timeline;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineService;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;

/** Writes a project as the JSON of the README's "Project files" section (sources as absolute paths). */
final class ProjectWriter {

    static final String FORMAT = "tsperf-project";

    private ProjectWriter() {
    }

    /** The file's bytes: UTF-8, two-space indents, a final line break. */
    static byte[] toBytes(Project project) {
        StringWriter text = new StringWriter();
        try (JsonWriter w = new JsonWriter(text)) {
            w.setIndent("  ");
            w.beginObject();
            w.name("format").value(FORMAT);
            w.name("version").value(TimelineService.FORMAT_VERSION);
            w.name("name").value(project.name());
            w.name("width").value(project.width());
            w.name("height").value(project.height());
            w.name("rate").value(project.rate().toString());
            w.name("sampleRate").value(project.sampleRate());
            w.name("tracks").beginArray();
            for (Track track : project.tracks()) {
                track(w, track);
            }
            w.endArray();
            w.endObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory cannot fail", e);
        }
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void track(JsonWriter w, Track track) throws IOException {
        w.beginObject();
        w.name("id").value(track.id());
        w.name("kind").value(track.kind() == TrackKind.VIDEO ? "video" : "audio");
        w.name("clips").beginArray();
        for (Clip clip : track.clips()) {
            clip(w, clip);
        }
        w.endArray();
        w.name("transitions").beginArray();
        for (Transition t : track.transitions()) {
            w.beginObject();
            w.name("type").value("crossfade");
            w.name("from").value(t.fromClip());
            w.name("to").value(t.toClip());
            w.name("length").value(t.length());
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }

    private static void clip(JsonWriter w, Clip clip) throws IOException {
        w.beginObject();
        w.name("id").value(clip.id());
        w.name("source").value(clip.source().toString());
        w.name("sourceIn").value(clip.sourceIn());
        w.name("length").value(clip.length());
        w.name("start").value(clip.start());
        w.name("effects").beginArray();
        for (Effect effect : clip.effects()) {
            effect(w, effect);
        }
        w.endArray();
        w.endObject();
    }

    private static void effect(JsonWriter w, Effect effect) throws IOException {
        w.beginObject();
        if (effect instanceof Effect.ColourAdjust c) {
            w.name("type").value("colour");
            w.name("brightness").value(c.brightness());
            w.name("contrast").value(c.contrast());
            w.name("saturation").value(c.saturation());
            w.name("gamma").value(c.gamma());
        } else if (effect instanceof Effect.Blur b) {
            w.name("type").value("blur");
            w.name("sigma").value(b.sigma());
        } else if (effect instanceof Effect.Opacity o) {
            w.name("type").value("opacity");
            w.name("amount").value(o.amount());
        } else {
            throw new IllegalArgumentException("no file form for effect " + effect);
        }
        w.endObject();
    }
}
