package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.tsperf.api.playback.PlaybackCounters;
import org.tsperf.api.playback.PlaybackService;
import org.tsperf.api.playback.Player;
import org.tsperf.api.playback.PlayerOptions;
import org.tsperf.api.playback.PlayerState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tsperf play FILE}: headless playback through the workbench's engine (decoder, video processor, frame
 * cache, proxies), at the file's rate, with the figures an editor cares about; {@code --scrub} measures seeks.
 */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = {"Plays a file headless through the playback engine and reports delivered fps, dropped and late"
            + " frames, the source read (proxy or original), decode and convert times (p50/p99) and cache hits.",
            "With --scrub: seeks (short hops and long jumps, mixed) and the time from each request to its picture"
                + " ready for the screen (p50/p99/max)."})
final class PlayCommand implements Callable<Integer> {

    /** How long opening a file (frame index, first picture) may take before the command gives up. */
    private static final long OPEN_TIMEOUT_S = 120;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The media file.")
    Path file;

    @Option(names = "--seconds", paramLabel = "N",
            description = "Play for N seconds of wall time (default: to the end of the file).")
    Double seconds;

    @Option(names = "--proxy", paramLabel = "auto|off", defaultValue = "auto",
            description = "auto: the smallest ready proxy at least as wide as --width; off: the original."
                + " Default: ${DEFAULT-VALUE}.")
    String proxy;

    @Option(names = "--store", paramLabel = "DIR", description = "The proxy store (default: ~/.tsperf/proxies).")
    Path store;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Times the file's rate: 1, 2, 4, or -1, -2, -4 (reverse); 'max': as fast as the engine"
                + " makes pictures, none dropped (the engine's speed). Default: ${DEFAULT-VALUE}.")
    String speed;

    @Option(names = "--width", paramLabel = "W", defaultValue = "960",
            description = "The view's width in pixels: pictures are made at it, the proxy chosen for it."
                + " Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--scrub", description = "Measure seeks instead of playing.")
    boolean scrub;

    @Option(names = "--seeks", paramLabel = "N", defaultValue = "100",
            description = "Seeks with --scrub. Default: ${DEFAULT-VALUE}.")
    int seeks;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the seek targets with --scrub. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--session", paramLabel = "KIND",
            description = "Instead of playing through, act as an editor for --seconds (default 20): loop (a 2 s loop"
                + " in the middle), scrub (dragging the playhead to and fro), jkl (J/K/L shuttle at -4x..4x), mixed"
                + " (all three and jumps in turn).")
    String session;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Write the frame-cache requests and hints of the run as a trace for 'tsperf cache replay'.")
    Path trace;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        int shuttle = parseSpeed();
        if (width < 16 || width > 16384) {
            throw new ParameterException(spec.commandLine(), "--width must be 16 to 16384, got " + width);
        }
        if (seeks < 1) {
            throw new ParameterException(spec.commandLine(), "--seeks must be 1 or more, got " + seeks);
        }
        Path source = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            spec.commandLine().getErr().println("tsperf play: " + source + ": no such file. Check the path.");
            return Main.FAILURE;
        }
        boolean proxies = configureProxies();
        PlaybackService playback = Services.require(PlaybackService.class, "Playback and Viewer");
        if (session != null && !List.of("loop", "scrub", "jkl", "mixed").contains(session)) {
            throw new ParameterException(spec.commandLine(), "--session must be loop, scrub, jkl or mixed, got "
                    + session);
        }
        PlayerOptions options = new PlayerOptions(proxies ? PlayerOptions.ProxyUse.CONFIGURED
                : PlayerOptions.ProxyUse.OFF, false, !"max".equalsIgnoreCase(speed),
                Optional.ofNullable(trace).map(t -> t.toAbsolutePath().normalize()));
        try (Player player = playback.createPlayer(options)) {
            PlayerWatcher watcher = new PlayerWatcher(player);
            player.setViewSize(width, Math.max(16, width * 9 / 16));
            player.open(source);
            PlayerState opened = watcher.awaitOpened(OPEN_TIMEOUT_S);
            if (opened.status() != PlayerState.Status.READY) {
                spec.commandLine().getErr().println("tsperf play: " + (opened.message().isEmpty()
                        ? source + ": could not be opened within " + OPEN_TIMEOUT_S + " s" : opened.message()));
                return Main.FAILURE;
            }
            if (session != null) {
                return session(player, opened);
            }
            return scrub ? scrub(player, watcher, opened) : play(player, watcher, shuttle);
        }
    }

    private int parseSpeed() {
        if ("max".equalsIgnoreCase(speed)) {
            return 1;
        }
        try {
            int s = Integer.parseInt(speed.trim());
            if (s == 1 || s == 2 || s == 4 || s == -1 || s == -2 || s == -4) {
                return s;
            }
        } catch (NumberFormatException ex) {
            // fall through to the usage error
        }
        throw new ParameterException(spec.commandLine(), "--speed must be 1, 2, 4, -1, -2, -4 or max, got " + speed);
    }

    private boolean configureProxies() {
        boolean on = switch (proxy.toLowerCase(Locale.ROOT)) {
            case "auto" -> true;
            case "off" -> false;
            default -> throw new ParameterException(spec.commandLine(), "--proxy must be auto or off, got " + proxy);
        };
        PlaybackProxies.configure(store, on);
        return on;
    }

    private int play(Player player, PlayerWatcher watcher, int shuttle) throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        long limit = seconds == null ? Long.MAX_VALUE : (long) (seconds * 1e9);
        if (shuttle < 0) {
            player.seek(player.state().frameCount() - 1);
        }
        player.shuttle(shuttle);
        long lastReport = start;
        while (true) {
            PlayerState s = watcher.awaitChange(200);
            long now = System.nanoTime();
            if (s.status() == PlayerState.Status.FAILED) {
                err.println("tsperf play: " + s.message());
                return Main.FAILURE;
            }
            if (now - start >= limit || (!s.playing() && now - start > 100_000_000L)) {
                break;
            }
            if (!json && now - lastReport > 5_000_000_000L) {
                lastReport = now;
                err.printf(Locale.ROOT, "%s  %d/%d frames, %.1f fps, %d dropped%n", s.timecode(), s.frame(),
                        s.frameCount(), s.counters().deliveredFps(), s.counters().dropped());
            }
        }
        player.pause();
        double elapsed = (System.nanoTime() - start) / 1e9;
        print(player.state(), elapsed);
        return 0;
    }

    /** An editor at work for --seconds: the session's moves, in real time. */
    private int session(Player player, PlayerState opened) throws InterruptedException {
        long n = opened.frameCount();
        double fps = Math.max(1, opened.frameRate());
        long start = System.nanoTime();
        long end = start + (long) ((seconds == null ? 20 : seconds) * 1e9);
        Random random = new Random(seed);
        List<String> kinds = "mixed".equals(session) ? List.of("loop", "scrub", "jkl", "jump") : List.of(session);
        int turn = 0;
        while (System.nanoTime() < end) {
            String kind = kinds.get(turn++ % kinds.size());
            long until = Math.min(end, System.nanoTime() + (kinds.size() == 1 ? end : 5_000_000_000L));
            switch (kind) {
                case "loop" -> {
                    long mid = random.nextLong(n);
                    long a = Math.max(0, mid - (long) fps);
                    long b = Math.min(n - 1, mid + (long) fps);
                    player.setLoop(a, b);
                    player.seek(a);
                    player.play();
                    sleepUntil(until);
                    player.pause();
                    player.clearLoop();
                }
                case "scrub" -> {
                    long position = random.nextLong(n);
                    int velocity = 0;
                    for (int step = 0; System.nanoTime() < until; step++) {
                        if (step % 15 == 0) {
                            velocity = random.nextInt(17) - 8; // a new drag speed every half second
                        }
                        position = Math.max(0, Math.min(n - 1, position + velocity));
                        player.scrub(position);
                        TimeUnit.MILLISECONDS.sleep(33);
                    }
                }
                case "jkl" -> {
                    int[][] moves = {{1, 2000}, {2, 1000}, {0, 500}, {-1, 1500}, {-2, 1000}, {0, 500}, {1, 1500},
                        {4, 1000}, {0, 500}, {-4, 1000}, {0, 500}};
                    for (int i = 0; System.nanoTime() < until; i++) {
                        int[] m = moves[i % moves.length];
                        player.shuttle(m[0]);
                        sleepUntil(Math.min(until, System.nanoTime() + m[1] * 1_000_000L));
                    }
                    player.pause();
                }
                default -> {
                    player.seek(random.nextLong(n));
                    player.play();
                    sleepUntil(Math.min(until, System.nanoTime() + 2_000_000_000L));
                    player.pause();
                }
            }
        }
        player.pause();
        PlayerState s = player.state();
        if (s.status() == PlayerState.Status.FAILED) {
            spec.commandLine().getErr().println("tsperf play: " + s.message());
            return Main.FAILURE;
        }
        print(s, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private void print(PlayerState s, double elapsed) {
        PrintWriter out = spec.commandLine().getOut();
        PlaybackCounters c = s.counters();
        double average = c.presented() / Math.max(1e-9, elapsed);
        if (json) {
            out.println(Json.line(Json.object("file", s.file().map(Path::toString).orElse(""), "source", s.source(),
                    "readPath", s.readPath().map(Path::toString).orElse(""), "decoder", s.decoder(),
                    "speed", speed, "seconds", round(elapsed), "frames", c.presented(), "frameCount", s.frameCount(),
                    "targetFps", round(s.frameRate()), "deliveredFps", round(average), "dropped", c.dropped(),
                    "late", c.late(), "cacheHits", c.cacheHits(),
                    "decodeMs", Json.object("p50", round(c.decodeP50Ms()), "p99", round(c.decodeP99Ms())),
                    "convertMs", Json.object("p50", round(c.convertP50Ms()), "p99", round(c.convertP99Ms())))));
            return;
        }
        out.printf(Locale.ROOT, "played %s for %.1f s from %s (%s)%n", s.file().map(Path::getFileName)
                .map(Path::toString).orElse(""), elapsed, s.source(), s.decoder());
        out.printf(Locale.ROOT, "  delivered %.2f fps of %.2f (speed %s), %d frames shown, %d dropped, %d late,"
                + " %d cache hits%n", average, s.frameRate(), speed, c.presented(), c.dropped(), c.late(),
                c.cacheHits());
        out.printf(Locale.ROOT, "  decode p50 %.1f ms, p99 %.1f ms; convert+scale p50 %.1f ms, p99 %.1f ms%n",
                c.decodeP50Ms(), c.decodeP99Ms(), c.convertP50Ms(), c.convertP99Ms());
    }

    /** Seeks: 2 short hops (1-10 frames either way) for each long jump, as an editor scrubs around a cut. */
    private int scrub(Player player, PlayerWatcher watcher, PlayerState opened) throws InterruptedException {
        SeekLatency.Figures f;
        try {
            f = SeekLatency.measure(player, watcher, opened.frameCount(), seeks, 0, seed);
        } catch (SeekLatency.NotShown ex) {
            PlayerState s = player.state();
            spec.commandLine().getErr().println("tsperf play: " + ex.getMessage()
                    + (s.message().isEmpty() ? "" : ": " + s.message()));
            return Main.FAILURE;
        }
        double p50 = f.p50();
        double p99 = f.p99();
        double max = f.max();
        PlayerState s = player.state();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.line(Json.object("file", s.file().map(Path::toString).orElse(""), "source", s.source(),
                    "readPath", s.readPath().map(Path::toString).orElse(""), "decoder", s.decoder(),
                    "seeks", seeks, "latencyMs", Json.object("p50", round(p50), "p99", round(p99), "max",
                            round(max)), "cacheHits", s.counters().cacheHits())));
        } else {
            out.printf(Locale.ROOT, "%d seeks in %s from %s (%s)%n", seeks, s.file().map(Path::getFileName)
                    .map(Path::toString).orElse(""), s.source(), s.decoder());
            out.printf(Locale.ROOT, "  request to picture: p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d cache hits%n",
                    p50, p99, max, s.counters().cacheHits());
        }
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
