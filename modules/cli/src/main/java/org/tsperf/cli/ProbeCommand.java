package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tsperf.api.media.AudioStreamInfo;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tsperf probe FILE... [--json]}: what media files contain, read from their containers without decoding. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Show the container, duration, video and audio streams of media files (no decoding).",
            "Exit code 1 if any file cannot be read as media; the others are still shown."})
final class ProbeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Media files.")
    List<Path> files;

    @Option(names = "--json", description = "Print one JSON object per file, each on its own line.")
    boolean json;

    @Override
    public Integer call() {
        MediaProbe probe = Services.require(MediaProbe.class, "Media Core");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        for (Path f : files) {
            Path file = f.toAbsolutePath().normalize();
            try {
                MediaInfo info = probe.probe(file);
                if (json) {
                    out.println(Json.line(Json.media(info)));
                } else {
                    printText(out, info);
                }
            } catch (MediaException ex) {
                failed++;
                if (json) {
                    out.println(Json.line(Json.object("file", file.toString(), "status", "error",
                            "problem", ex.problem().name(), "error", ex.getMessage())));
                }
                err.println("tsperf probe: " + ex.getMessage());
            }
        }
        out.flush();
        return failed == 0 ? 0 : Main.FAILURE;
    }

    private static void printText(PrintWriter out, MediaInfo info) {
        out.printf(Locale.ROOT, "%s: %s, %.3f s, %d bytes, %d kbit/s%n", info.file(), info.container(),
                info.durationSeconds(), info.sizeBytes(), info.bitRate() / 1000);
        for (VideoStreamInfo v : info.video()) {
            out.printf(Locale.ROOT, "  video #%d: %s %s %dx%d %s %d-bit %.3f fps%s%s, %d frames%s%s%n", v.index(),
                    v.codec(), v.profile(), v.width(), v.height(), v.pixelFormat(), v.bitDepth(), v.frameRate(),
                    v.variableFrameRate() ? " (variable)" : "", v.rotation() == 0 ? "" : ", rotated " + v.rotation(),
                    v.frameCount(), v.colorSpace().isEmpty() ? "" : ", " + v.colorSpace(),
                    v.colorRange().isEmpty() ? "" : " " + v.colorRange() + " range");
        }
        for (AudioStreamInfo a : info.audio()) {
            out.printf(Locale.ROOT, "  audio #%d: %s %d Hz, %d channel(s), %.3f s%n", a.index(), a.codec(),
                    a.sampleRate(), a.channels(), a.durationSeconds());
        }
    }

}
