package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.cli.ProxyBenchmark.RatioDef;
import org.tsperf.cli.ProxyBenchmark.Run;
import org.tsperf.cli.ProxyBenchmark.Source;
import org.tsperf.cli.ProxyBenchmark.Variant;

/** The proxy benchmark's arithmetic and arguments (the timed runs need the proxy engine; see docs/benchmarks.md). */
class ProxyBenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(Main.USAGE, run("bench", "proxy", "--rounds", "0", "x.mp4"));
        assertTrue(err.toString().contains("--rounds must be at least 1, not 0"), err.toString());
        assertEquals(Main.USAGE, run("bench", "proxy", "/no/such/clip.mp4"));
        assertTrue(err.toString().contains("/no/such/clip.mp4: no such file"), err.toString());
        assertEquals(Main.USAGE, run("bench", "proxy"));
    }

    @Test
    void proxySizesFollowTheEnginesRule() {
        assertArrayEquals(new int[] {960, 540}, ProxyBenchmark.size(3840, 2160, ProxyResolution.QUARTER));
        assertArrayEquals(new int[] {1920, 1080}, ProxyBenchmark.size(3840, 2160, ProxyResolution.HALF));
        assertArrayEquals(new int[] {960, 540}, ProxyBenchmark.size(7680, 4320, ProxyResolution.QUARTER));
        assertArrayEquals(new int[] {528, 298}, ProxyBenchmark.size(2112, 1188, ProxyResolution.QUARTER));
        assertEquals(14, ProxyBenchmark.gop(29.97));
        assertEquals(15, ProxyBenchmark.gop(30));
        assertEquals(30, ProxyBenchmark.gop(60));
    }

    @Test
    void ratiosAreTakenWithinARound() {
        Map<Variant, Run> round = Map.of(
                Variant.DECODE, new Run(Variant.DECODE, 10, 0, 0, 9),
                Variant.FFMPEG_QUARTER, new Run(Variant.FFMPEG_QUARTER, 20, 0, 0, 18),
                Variant.FFMPEG_HALF, new Run(Variant.FFMPEG_HALF, 30, 0, 0, 30),
                Variant.TSPERF_QUARTER, new Run(Variant.TSPERF_QUARTER, 21, 0, 0, 18),
                Variant.TSPERF_BOTH, new Run(Variant.TSPERF_BOTH, 40, 0, 0, 36));
        Map<String, RatioDef> defs = ProxyBenchmark.RATIOS.stream()
                .collect(java.util.stream.Collectors.toMap(RatioDef::id, d -> d));
        assertEquals(0.8, defs.get("both_vs_ffmpeg_two_runs").of(round), 1e-9);
        assertEquals(0.75, defs.get("both_vs_ffmpeg_two_runs").cpu(round), 1e-9);
        assertEquals(1.05, defs.get("quarter_vs_ffmpeg").of(round), 1e-9);
        assertEquals(4.0, defs.get("both_vs_decode").of(round), 1e-9);
        assertTrue(Double.isNaN(defs.get("command_both_vs_decode").of(round)), "no command variant in this round");
        assertEquals(2.5, ProxyBenchCommand.median(new double[] {1, 2, 3, 4}), 1e-9);
        assertEquals(2, ProxyBenchCommand.median(new double[] {1, 2, 3}), 1e-9);
        assertEquals(null, ProxyBenchCommand.round3(Double.NaN), "JSON has no NaN");
        assertEquals(0.763, ProxyBenchCommand.round3(0.76349), 1e-12);
    }

    @Test
    void anEngineProxyOfAnotherSizeFailsTheComparison() throws Exception {
        Source s = new Source(Path.of("/m/a.mp4"), 3840, 2160, 30, 600, new int[] {960, 540}, new int[] {1920, 1080});
        ProxyBenchmark.check(s, List.of(new ProxyFile("quarter", Path.of("/s/q.mp4"), 1, 960, 540, "h264")), 1);
        IOException wrong = assertThrows(IOException.class, () -> ProxyBenchmark.check(s,
                List.of(new ProxyFile("quarter", Path.of("/s/q.mp4"), 1, 960, 536, "h264")), 1));
        assertTrue(wrong.getMessage().contains("960x536"), wrong.getMessage());
        assertThrows(IOException.class, () -> ProxyBenchmark.check(s, List.of(), 1));
    }

    @Test
    void cpuTimeAddsUpThisProcessAndItsWaitedForChildren() {
        // pid (comm with spaces) state ppid ... utime=14 stime=15 cutime=16 cstime=17
        String stat = "123 (java (x) y) S 1 2 3 4 5 6 7 8 9 10 100 20 300 40 20 0 1";
        assertEquals(460, ProxyBenchmark.cpuTicks(stat));
        assertTrue(ProxyBenchmark.cpuTicks() > 0, "this JVM has used some CPU");
        assertEquals(123456L, PeakRss.parseKilobytes("   123456 kB"));
    }
}
