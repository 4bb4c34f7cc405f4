package org.tsperf.timeline;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.ProjectFileException;
import org.tsperf.api.timeline.TimelineService;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;
import org.tsperf.timeline.JsonFields.Problem;

/**
 * Reads a project file whole and strictly (the README's "Project files"): any mistake gives a ProjectFileException that
 * names the file and the place in it, and nothing of the file is loaded. Relative source paths are resolved against
 * the project file's folder.
 */
final class ProjectReader {

    /** Far more than any real project; keeps a wrong file (a video chosen by mistake) from filling the memory. */
    static final long MAX_BYTES = 64L << 20;

    private static final String FIX = " Correct the file (its format is in the README, \"Project files\") or open "
            + "another project.";

    private final Path file;
    private final Path folder;
    private final Map<String, JsonElement> trackElements = new HashMap<>();
    private final Map<String, JsonElement> clipElements = new HashMap<>();
    private JsonTree tree;

    private ProjectReader(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.folder = this.file.getParent();
    }

    static Project read(Path file) throws ProjectFileException {
        return new ProjectReader(file).read();
    }

    private Project read() throws ProjectFileException {
        String text = text();
        try {
            tree = JsonTree.parse(new StringReader(text));
        } catch (JsonTree.Malformed e) {
            String where = e.where() == null ? "" : " at " + e.where();
            throw fail("it is not valid JSON" + where + ": " + e.getMessage() + "." + FIX, e);
        }
        try {
            Project project = project(JsonFields.of(tree.root(), "", "the file's content"));
            try {
                ProjectRules.check(project);
            } catch (ProjectRules.Violation v) {
                JsonElement at = v.clipId() != null ? clipElements.get(v.clipId()) : trackElements.get(v.trackId());
                throw new Problem(at, "", v.getMessage());
            }
            return project;
        } catch (Problem p) {
            throw fail(place(p) + p.getMessage() + "." + FIX, p);
        }
    }

    private String text() throws ProjectFileException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw fail("it is a folder, not a project file; choose the project's .json file", null);
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw fail("it is " + size + " bytes, far too large for a project file (at most " + MAX_BYTES
                        + "); choose the project's .json file", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fail("the file does not exist; check the name or choose another project", e);
        } catch (AccessDeniedException e) {
            throw fail("this user may not read it; change its permissions or copy it somewhere readable", e);
        } catch (IOException e) {
            throw fail("it cannot be read (" + e.getMessage() + "); check the disk and try again", e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw fail("it is not UTF-8 text, so not a project file; choose the project's .json file", e);
        }
    }

    private Project project(JsonFields top) throws Problem, ProjectFileException {
        String format = top.has("format") ? top.string("format") : null;
        if (!ProjectWriter.FORMAT.equals(format)) {
            throw fail("it is not a tsperf project file (its \"format\" must be \"" + ProjectWriter.FORMAT
                    + "\"); choose the project's .json file", null);
        }
        long version = top.whole("version");
        if (version > TimelineService.FORMAT_VERSION) {
            throw fail("it was written by a newer version of tsperf (format " + version + "); this version reads "
                    + "up to " + TimelineService.FORMAT_VERSION + ": update tsperf", null);
        }
        if (version < 1) {
            throw new Problem(top.object().get("version"), "version", "must be 1 or more, not " + version);
        }
        top.onlyFields(Set.of("format", "version", "name", "width", "height", "rate", "sampleRate", "tracks"));
        String name = top.string("name");
        int width = top.wholeInt("width");
        int height = top.wholeInt("height");
        String rateText = top.string("rate");
        FrameRate rate = make(top.object().get("rate"), "rate", () -> FrameRate.parse(rateText));
        int sampleRate = top.has("sampleRate") ? top.wholeInt("sampleRate") : 48000;
        JsonArray trackList = top.array("tracks", false);
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < trackList.size(); i++) {
            tracks.add(track(JsonFields.of(trackList.get(i), "tracks[" + i + "]", "a track")));
        }
        return make(top.object(), "", () -> new Project(name, width, height, rate, sampleRate, tracks));
    }

    private Track track(JsonFields f) throws Problem {
        f.onlyFields(Set.of("id", "kind", "clips", "transitions"));
        String id = f.string("id");
        trackElements.put(id, f.object());
        String kindText = f.string("kind");
        TrackKind kind = switch (kindText) {
            case "video" -> TrackKind.VIDEO;
            case "audio" -> TrackKind.AUDIO;
            default -> throw new Problem(f.object().get("kind"), f.at("kind"), "must be \"video\" or \"audio\", not \""
                    + kindText + "\"");
        };
        JsonArray clipList = f.array("clips", false);
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < clipList.size(); i++) {
            clips.add(clip(JsonFields.of(clipList.get(i), f.at("clips[" + i + "]"), "a clip")));
        }
        JsonArray transitionList = f.array("transitions", true);
        List<Transition> transitions = new ArrayList<>();
        for (int i = 0; i < transitionList.size(); i++) {
            transitions.add(transition(JsonFields.of(transitionList.get(i), f.at("transitions[" + i + "]"),
                    "a transition")));
        }
        return make(f.object(), f.path(), () -> new Track(id, kind, clips, transitions));
    }

    private Clip clip(JsonFields f) throws Problem {
        f.onlyFields(Set.of("id", "source", "sourceIn", "length", "start", "effects"));
        String id = f.string("id");
        clipElements.put(id, f.object());
        String sourceText = f.string("source");
        Path source;
        try {
            source = folder.resolve(sourceText).normalize();
        } catch (InvalidPathException e) {
            throw new Problem(f.object().get("source"), f.at("source"), "not a file path: " + e.getMessage());
        }
        long sourceIn = f.whole("sourceIn");
        long length = f.whole("length");
        long start = f.whole("start");
        JsonArray effectList = f.array("effects", true);
        List<Effect> effects = new ArrayList<>();
        for (int i = 0; i < effectList.size(); i++) {
            effects.add(effect(JsonFields.of(effectList.get(i), f.at("effects[" + i + "]"), "an effect")));
        }
        return make(f.object(), f.path(), () -> new Clip(id, source, sourceIn, length, start, effects));
    }

    private Effect effect(JsonFields f) throws Problem {
        String type = f.string("type");
        switch (type) {
            case "colour" -> {
                f.onlyFields(Set.of("type", "brightness", "contrast", "saturation", "gamma"));
                double b = f.decimal("brightness", 0);
                double c = f.decimal("contrast", 1);
                double s = f.decimal("saturation", 1);
                double g = f.decimal("gamma", 1);
                return make(f.object(), f.path(), () -> new Effect.ColourAdjust(b, c, s, g));
            }
            case "blur" -> {
                f.onlyFields(Set.of("type", "sigma"));
                double sigma = f.decimal("sigma");
                return make(f.object(), f.path(), () -> new Effect.Blur(sigma));
            }
            case "opacity" -> {
                f.onlyFields(Set.of("type", "amount"));
                double amount = f.decimal("amount");
                return make(f.object(), f.path(), () -> new Effect.Opacity(amount));
            }
            default -> throw new Problem(f.object().get("type"), f.at("type"), "unknown effect type \"" + type
                    + "\" (known: \"colour\", \"blur\", \"opacity\")");
        }
    }

    private Transition transition(JsonFields f) throws Problem {
        f.onlyFields(Set.of("type", "from", "to", "length"));
        String type = f.string("type");
        if (!"crossfade".equals(type)) {
            throw new Problem(f.object().get("type"), f.at("type"), "unknown transition type \"" + type
                    + "\" (known: \"crossfade\")");
        }
        String from = f.string("from");
        String to = f.string("to");
        long length = f.whole("length");
        return make(f.object(), f.path(), () -> new Transition(from, to, length));
    }

    /** A record made from checked fields; its constructor's refusal becomes a problem at the object's place. */
    private static <T> T make(JsonElement at, String path, Maker<T> maker) throws Problem {
        try {
            return maker.make();
        } catch (IllegalArgumentException e) {
            throw new Problem(at, path, e.getMessage());
        }
    }

    private interface Maker<T> {
        T make();
    }

    private String place(Problem p) {
        String line = p.element() == null ? null : tree.placeOf(p.element());
        String path = p.path().isEmpty() ? null : p.path();
        if (line == null && path == null) {
            return "";
        }
        return (line == null ? path : path == null ? line : line + " (" + path + ")") + ": ";
    }

    private ProjectFileException fail(String message, Throwable cause) {
        return new ProjectFileException(file, "Cannot open project file " + file + ": " + message, cause);
    }
}
