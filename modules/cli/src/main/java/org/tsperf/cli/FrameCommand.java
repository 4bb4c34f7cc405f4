package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.ScaleFilter;
import org.tsperf.api.gpu.FrameShape;
import org.tsperf.api.gpu.VideoProcessor;
import org.tsperf.api.media.DecodeOptions;
import org.tsperf.api.media.DecodedFrame;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.VideoFormat;
import org.tsperf.api.memory.Priority;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tsperf frame FILE (--index N | --time T) --out FILE.png}: one exact frame as a PNG, upright, through the
 * product's decoder and frame processor.
 */
@Command(name = "frame", mixinStandardHelpOptions = true,
        description = {"Write one exact frame of a video as a PNG (turned upright), decoded frame-accurately.",
            "Frame N is the frame ffmpeg's select=eq(n\\,N) gives. Exit code 1 if the file or frame cannot be read."})
final class FrameCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The video file.")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Position position;

    static final class Position {
        @Option(names = "--index", paramLabel = "N", required = true,
                description = "Frame index in presentation order, from 0.")
        Long index;

        @Option(names = "--time", paramLabel = "T", required = true,
                description = "Time from the first frame: seconds (12.5) or HH:MM:SS.mmm; the frame shown then.")
        String time;
    }

    @Option(names = "--out", paramLabel = "FILE.png", required = true,
            description = "The PNG to write (replaced atomically).")
    Path out;

    @Option(names = "--proxy", paramLabel = "auto|off", defaultValue = "off",
            description = "auto: read the smallest ready proxy at least as wide as the output (the same instant),"
                    + " else the original. Default: ${DEFAULT-VALUE}.")
    String proxy;

    @Option(names = "--store", paramLabel = "DIR", description = "The proxy store (default: ~/.tsperf/proxies).")
    Path store;

    @Option(names = "--width", paramLabel = "W",
            description = "Output width in pixels, the height keeping the aspect (bicubic). Default: full size.")
    Integer width;

    @Override
    public Integer call() throws Exception {
        Long timeMicros = checkUsage();
        MediaDecoder decoder = Services.require(MediaDecoder.class, "Media Core");
        VideoProcessor processor = Services.require(VideoProcessor.class, "GPU Acceleration");
        PrintWriter err = spec.commandLine().getErr();
        Path source = file.toAbsolutePath().normalize();
        DecodeOptions options = new DecodeOptions(0, true, Priority.CRITICAL);
        try (FrameSource original = decoder.open(source, options)) {
            long n = position.index != null ? position.index : original.frameAt(timeMicros);
            if (n >= original.format().frameCount()) {
                // a seek says whether the file is truncated; a frame past the announced ones is plain bad input
                original.seek(n).close();
            }
            long time = original.timeOf(n);
            int outWidth = width != null ? width : original.format().displayWidth();
            Optional<ProxyFile> proxyFile = "auto".equals(proxy) ? readyProxy(source, outWidth, err)
                    : Optional.empty();
            if (proxyFile.isPresent()) {
                try (FrameSource read = decoder.open(proxyFile.get().path(), options)) {
                    long m = read.frameAt(time);
                    return write(read, m, n, time, outWidth, "proxy " + proxyFile.get().resolution(), processor);
                }
            }
            return write(original, n, n, time, outWidth, "original", processor);
        } catch (MediaException ex) {
            err.println("tsperf frame: " + ex.getMessage());
            return Main.FAILURE;
        } catch (IndexOutOfBoundsException ex) {
            err.println("tsperf frame: " + ex.getMessage() + ". Give an index in that range, or a --time.");
            return Main.FAILURE;
        }
    }

    /** The usage errors (exit 2); returns the --time in microseconds, or null. */
    private Long checkUsage() {
        if (width != null && (width < 1 || width > 16384)) {
            throw new ParameterException(spec.commandLine(), "--width must be 1 to 16384 pixels, not " + width);
        }
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new ParameterException(spec.commandLine(), "--out must name a .png file, not " + out);
        }
        if (!proxy.equals("auto") && !proxy.equals("off")) {
            throw new ParameterException(spec.commandLine(), "--proxy must be auto or off, not " + proxy);
        }
        if (position.index != null && position.index < 0) {
            throw new ParameterException(spec.commandLine(), "--index must be 0 or more, not " + position.index);
        }
        try {
            return position.time == null ? null : FrameTime.parseMicros(position.time);
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), ex.getMessage());
        }
    }

    /** A ready proxy at least as wide as the output (a narrower one would be scaled up: the original is better). */
    private Optional<ProxyFile> readyProxy(Path source, int outWidth, PrintWriter err) {
        ProxyService proxies = Lookup.getDefault().lookup(ProxyService.class);
        if (proxies == null) {
            err.println("tsperf frame: no proxy engine installed; reading the original");
            return Optional.empty();
        }
        Path dir = store != null ? store.toAbsolutePath().normalize()
                : Path.of(System.getProperty("user.home"), ".tsperf", "proxies");
        return proxies.readyProxy(dir, source, outWidth).filter(p -> p.width() >= outWidth);
    }

    private int write(FrameSource read, long index, long originalIndex, long time, int outWidth, String what,
            VideoProcessor processor) throws Exception {
        VideoFormat f = read.format();
        try (DecodedFrame frame = read.seek(index)) {
            List<FrameOperation> ops = new ArrayList<>();
            ops.add(new FrameOperation.ConvertToRgba(f.matrix(), f.range()));
            int outHeight = Math.max(1, (int) Math.round(outWidth * (double) f.displayHeight() / f.displayWidth()));
            if (outWidth != f.displayWidth() || outHeight != f.displayHeight()) {
                // scaled before turning: a sideways picture is scaled to the turned size's transpose
                boolean sideways = f.rotation() % 180 != 0;
                ops.add(new FrameOperation.Scale(sideways ? outHeight : outWidth, sideways ? outWidth : outHeight,
                        ScaleFilter.BICUBIC));
            }
            Frame picture = frame.picture();
            FrameShape shape = processor.outputShape(picture, ops);
            Frame rgba = processor.process(picture, ops, ByteBuffer.allocateDirect((int) shape.byteCount()));
            int[] size = UprightPng.write(rgba, f.rotation(), out);
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "frame %d at %.6f s from the %s %s%s, decoder %s: %s (%dx%d)%n", originalIndex,
                    time / 1e6, what, read.file(), index == originalIndex ? "" : " (its frame " + index + ")",
                    read.decoder().describe(), out.toAbsolutePath().normalize(), size[0], size[1]);
            o.flush();
            return 0;
        }
    }
}
