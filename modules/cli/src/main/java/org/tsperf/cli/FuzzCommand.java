package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tsperf.api.media.DecodeOptions;
import org.tsperf.api.media.DecodedFrame;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tsperf fuzz FILE... [--copies N] [--seed S] [--keep DIR] [--json]}: damaged copies of real media through the
 * probe and the decoder (playback and background settings, reading on and seeking), in this JVM as the workbench
 * runs them. Each copy must give a result or an error that names the file; anything else (another exception, a hang)
 * fails the run. A crash of the JVM is seen by whoever started it: the line naming the copy is on stderr before the
 * copy is read.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Damaged copies of media files (flipped bits, cuts, zeroed and copied ranges; deterministic from"
            + " --seed) through the probe and the decoder as the workbench uses them. Each copy must be read or get"
            + " an error naming the file; any other exception or a copy taking over --timeout seconds fails the run.",
            "Exit code 1 on such a failure (the copies are kept with --keep)."})
final class FuzzCommand implements Callable<Integer> {

    /** Frames read on, and seeks made, in each copy that opens. */
    private static final int FRAMES_READ = 24;
    private static final int SEEKS = 3;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Media files to damage (they are not changed).")
    List<Path> sources;

    @Option(names = "--copies", paramLabel = "N", defaultValue = "50",
            description = "Damaged copies of each file. Default: ${DEFAULT-VALUE}.")
    int copies;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the damage; the same seed gives the same copies. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest a copy may take before it counts as a hang. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--keep", paramLabel = "DIR", description = "Keep the copies that failed the run here.")
    Path keep;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    /** What one copy gave. */
    private record Outcome(String status, String detail) {
    }

    @Override
    public Integer call() throws Exception {
        MediaProbe probe = Services.require(MediaProbe.class, "Media Core");
        MediaDecoder decoder = Services.require(MediaDecoder.class, "Media Core");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = Files.createTempDirectory("tsperf-fuzz-");
        ExecutorService worker = newWorker();
        Map<String, Integer> counts = new java.util.LinkedHashMap<>(Map.of("read", 0, "rejected", 0));
        Map<Mutations.Kind, int[]> byKind = new EnumMap<>(Mutations.Kind.class);
        List<Object> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        int done = 0;
        try {
            for (Path src : sources) {
                byte[] original = Files.readAllBytes(src);
                String name = src.getFileName().toString();
                for (int n = 0; n < copies; n++) {
                    Mutations.Mutant m = Mutations.of(original, seed, n);
                    Path copy = work.resolve(String.format(Locale.ROOT, "%03d-%s", n, name));
                    Files.write(copy, m.bytes());
                    err.printf(Locale.ROOT, "fuzz: %d/%d %s copy %d: %s%n", ++done, copies * sources.size(), name,
                            n, m.description());
                    err.flush();
                    Outcome o;
                    long copySeed = seed + n;
                    Future<Outcome> f = worker.submit(() -> check(probe, decoder, copy, copySeed));
                    try {
                        o = f.get(timeoutSeconds, TimeUnit.SECONDS);
                    } catch (TimeoutException ex) {
                        f.cancel(true);
                        worker.shutdownNow();
                        worker = newWorker(); // the stuck one may never come back: read on with a new thread
                        o = new Outcome("hang", "still reading after " + timeoutSeconds + " s");
                    } catch (ExecutionException ex) {
                        o = new Outcome("unexpected", String.valueOf(ex.getCause()));
                    }
                    byKind.computeIfAbsent(m.kind(), k -> new int[2])[o.status().equals("read") ? 0 : 1]++;
                    if (o.status().equals("read") || o.status().equals("rejected")) {
                        counts.merge(o.status(), 1, Integer::sum);
                        Files.delete(copy);
                    } else {
                        failures.add(Json.object("file", name, "copy", n, "damage", m.description(), "status",
                                o.status(), "error", o.detail()));
                        err.printf(Locale.ROOT, "fuzz: %s copy %d (%s): %s: %s%n", name, n, m.description(),
                                o.status(), o.detail());
                        if (keep != null) {
                            Files.createDirectories(keep);
                            Files.move(copy, keep.resolve(copy.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                        } else {
                            Files.delete(copy);
                        }
                    }
                }
            }
        } finally {
            worker.shutdownNow();
            MemoryBench.removeTree(work);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> kinds = new java.util.LinkedHashMap<>();
        byKind.forEach((k, v) -> kinds.put(k.name().toLowerCase(Locale.ROOT), Json.object("read", v[0],
                "rejected", v[1])));
        if (json) {
            out.println(Json.line(Json.object("seed", seed, "copiesPerFile", copies, "files", sources.stream()
                    .map(Path::toString).toList(), "checked", done, "read", counts.get("read"), "rejected",
                    counts.get("rejected"), "failures", failures, "byKind", kinds, "seconds", Math.round(seconds
                    * 10) / 10.0)));
        } else {
            out.printf(Locale.ROOT, "%d damaged copies (seed %d) in %.1f s: %d read, %d rejected with an error naming"
                    + " the file, %d failures%n", done, seed, seconds, counts.get("read"), counts.get("rejected"),
                    failures.size());
        }
        out.flush();
        return failures.isEmpty() ? 0 : Main.FAILURE;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tsperf-fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    /** Probes a copy, and where it opens, reads on and seeks with the playback and the background settings. */
    private static Outcome check(MediaProbe probe, MediaDecoder decoder, Path copy, long seed) {
        try {
            MediaInfo info = probe.probe(copy);
            if (info.video().isEmpty()) {
                return new Outcome("read", "no video");
            }
            for (DecodeOptions options : List.of(DecodeOptions.playback(), DecodeOptions.background())) {
                try (FrameSource frames = decoder.open(copy, options)) {
                    read(frames, new Random(seed));
                }
            }
            return new Outcome("read", "");
        } catch (MediaException ex) {
            String message = String.valueOf(ex.getMessage());
            // the user must learn which file is wrong
            return message.contains(copy.getFileName().toString()) ? new Outcome("rejected", message)
                    : new Outcome("unexpected", "an error that does not name the file: " + message);
        } catch (RuntimeException ex) {
            return new Outcome("unexpected", ex.toString());
        }
    }

    private static void read(FrameSource frames, Random random) throws MediaException {
        long count = frames.format().frameCount();
        for (int i = 0; i < FRAMES_READ; i++) {
            try (DecodedFrame f = frames.next()) {
                if (f == null) {
                    break;
                }
            }
        }
        for (int i = 0; i < SEEKS && count > 0; i++) {
            frames.seek(random.nextLong(count)).close();
        }
    }
}
