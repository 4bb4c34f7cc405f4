package org.tsperf.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tsperf.api.timeline.ProjectFileException;

/** Each kind of broken project file is refused whole, with a message naming the file, the place and the fault. */
class ProjectFileRefusalTest {

    /** A valid file; each case breaks one thing. Line numbers matter to the cases: keep the layout. */
    private static final String GOOD = """
            {
              "format": "tsperf-project", "version": 1, "name": "good",
              "width": 1920, "height": 1080, "rate": "30000/1001", "sampleRate": 48000,
              "tracks": [
                {"id": "V1", "kind": "video",
                 "clips": [
                   {"id": "a", "source": "/m/a.mp4", "sourceIn": 0, "length": 60, "start": 0,
                    "effects": [{"type": "colour", "brightness": 0.1}, {"type": "blur", "sigma": 2}]},
                   {"id": "b", "source": "/m/b.mp4", "sourceIn": 10, "length": 60, "start": 50,
                    "effects": [{"type": "opacity", "amount": 0.5}]}
                 ],
                 "transitions": [{"type": "crossfade", "from": "a", "to": "b", "length": 10}]},
                {"id": "A1", "kind": "audio", "clips": []}
              ]
            }
            """;

    @TempDir
    Path temp;

    @Test
    void theGoodFileReads() throws Exception {
        Path file = temp.resolve("good.json");
        Files.writeString(file, GOOD);
        assertEquals(2, Projects.service().read(file).tracks().size());
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                broken("a missing comma", "\"length\": 60, \"start\": 0,", "\"length\": 60 \"start\": 0,",
                        "not valid JSON", "line 7", "a comma or } is missing", "(tracks[0].clips[0].length)"),
                broken("a file cut short", "\"kind\": \"audio\", \"clips\": []}\n  ]\n}\n", "\"kind\": \"aud",
                        "not valid JSON", "line 13", "a closing double quote is missing", "(tracks[1].kind)"),
                broken("a file cut short after a value", "\"clips\": []}\n  ]\n}\n", "\"clips\": []",
                        "not valid JSON", "the file ends too early", "(tracks[1].clips)"),
                broken("a comment", "\"name\": \"good\",", "\"name\": \"good\", // mine",
                        "not valid JSON", "line 2", "strict JSON does not allow"),
                broken("a comma too many", "{\"id\": \"A1\", \"kind\": \"audio\", \"clips\": []}",
                        "{\"id\": \"A1\", \"kind\": \"audio\", \"clips\": [],}",
                        "not valid JSON", "line 13", "a field name in double quotes was expected"),
                broken("a missing field", "\"sourceIn\": 10, \"length\": 60,", "\"sourceIn\": 10,",
                        "line 9", "tracks[0].clips[1]", "\"length\" is missing"),
                broken("a string for a number", "\"width\": 1920", "\"width\": \"1920\"",
                        "line 3", "width", "must be a number, not \"1920\""),
                broken("a fraction of a frame", "\"start\": 50", "\"start\": 50.5",
                        "tracks[0].clips[1].start", "whole number", "50.5"),
                broken("an odd width", "\"width\": 1920", "\"width\": 1921",
                        "line 1", "project size must be even", "1921x1080"),
                broken("a clip of no frames", "\"sourceIn\": 10, \"length\": 60", "\"sourceIn\": 10, \"length\": 0",
                        "line 9", "tracks[0].clips[1]", "length 0", "length at least 1"),
                broken("an opacity above 1", "\"amount\": 0.5", "\"amount\": 1.5",
                        "tracks[0].clips[1].effects[0]", "opacity must be 0 to 1, not 1.5"),
                broken("two clips with one id", "{\"id\": \"b\"", "{\"id\": \"a\"",
                        "two clips have the id \"a\"", "line 9"),
                broken("clips overlapping with no transition",
                        "\"transitions\": [{\"type\": \"crossfade\", \"from\": \"a\", \"to\": \"b\", \"length\": 10}]",
                        "\"transitions\": []",
                        "line 9", "\"a\" and \"b\"", "overlap at frames 50 to 60 without a transition"),
                broken("a transition longer than the overlap", "\"length\": 10}]", "\"length\": 12}]",
                        "transition a \u2192 b on track V1", "overlap by its length of 12 frames",
                        "b starting at frame 48", "starts at frame 50"),
                broken("an unknown effect", "\"type\": \"blur\"", "\"type\": \"sepia\"",
                        "line 8", "tracks[0].clips[0].effects[1].type", "unknown effect type \"sepia\""),
                broken("a newer format", "\"version\": 1", "\"version\": 2",
                        "written by a newer version of tsperf (format 2); this version reads up to 1: update tsperf"),
                broken("another program's JSON", "\"tsperf-project\"", "\"kdenlive\"",
                        "not a tsperf project file"),
                broken("a key given twice", "\"name\": \"good\",", "\"name\": \"good\", \"name\": \"bad\",",
                        "line 2", "\"name\" is given twice"),
                broken("a misspelt field", "\"sigma\": 2", "\"sigmaa\": 2",
                        "tracks[0].clips[0].effects[1].sigmaa", "unknown field \"sigmaa\""),
                broken("a rate that is not one", "\"30000/1001\"", "\"fast\"",
                        "line 3", "rate", "not a frame rate"),
                broken("a track of unknown kind", "\"kind\": \"audio\"", "\"kind\": \"subtitles\"",
                        "line 13", "tracks[1].kind", "must be \"video\" or \"audio\""),
                broken("two tracks with one id", "{\"id\": \"A1\"", "{\"id\": \"V1\"",
                        "two tracks have the id \"V1\"", "line 13"));
    }

    private static Arguments broken(String what, String from, String to, String... expected) {
        if (!GOOD.contains(from)) {
            throw new IllegalArgumentException(what + ": the good file has no " + from);
        }
        return Arguments.of(what, GOOD.replace(from, to), List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void isRefusedWithAMessageThatSaysWhereAndWhat(String what, String text, List<String> expected)
            throws Exception {
        Path file = temp.resolve("broken.json");
        Files.writeString(file, text);
        String msg = refusal(file);
        for (String part : expected) {
            assertTrue(msg.contains(part), what + ": the message should say \"" + part + "\": " + msg);
        }
    }

    @Test
    void aMissingFolderOrNonTextFileIsRefusedClearly() throws Exception {
        String missing = refusal(temp.resolve("nothing.json"));
        assertTrue(missing.contains("does not exist"), missing);
        Path video = Files.copy(Projects.BOTTLE, temp.resolve("chosen-by-mistake.json"));
        String binary = refusal(video);
        assertTrue(binary.contains("not UTF-8 text") || binary.contains("not valid JSON"), binary);
        assertTrue(refusal(temp).contains("is a folder"));
        Path empty = Files.writeString(temp.resolve("empty.json"), "");
        assertTrue(refusal(empty).contains("not valid JSON"), refusal(empty));
    }

    private static String refusal(Path file) {
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> Projects.service().read(file));
        assertEquals(file.toAbsolutePath().normalize(), e.file());
        String msg = e.getMessage();
        assertTrue(msg.contains(file.toAbsolutePath().normalize().toString()), "names the file: " + msg);
        return msg;
    }
}
