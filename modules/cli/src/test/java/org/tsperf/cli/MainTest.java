package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line in-process, with the real monitor module on the class path. */
class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void servicesListEveryConcernAndTheMonitorProvider() {
        assertEquals(0, run("services"));
        String text = out.toString();
        for (ServicesCommand.Concern c : ServicesCommand.CONCERNS) {
            assertTrue(text.contains(c.name() + ":"), text);
        }
        assertTrue(text.contains("ResourceMonitor: org.tsperf.monitor.OshiResourceMonitor"), text);
        // the playback module is on this module's test class path (for PlayCommandTest)
        assertTrue(text.contains("PlaybackService: org.tsperf.playback.DefaultPlaybackService"), text);
    }

    @Test
    void monitorTextShowsOneLinePerSnapshot() {
        assertEquals(0, run("monitor", "--seconds", "1"));
        String[] lines = out.toString().split("\\R");
        // the command starts the GPU for its figures: they are there, or it says why not (still starting)
        assertTrue(lines[0].matches("\\d\\d:\\d\\d:\\d\\d  CPU +\\d+\\.\\d %.*RAM .*GPU (not available \\(.+\\)|\\d+ % "
                + "\\d+\\.\\dG/\\d+\\.\\dG).*"), lines[0]);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(Main.USAGE, run("monitor", "--seconds", "-3"));
        assertTrue(err.toString().contains("--seconds must be at least 1, not -3"), err.toString());
        assertEquals(Main.USAGE, run("monitor", "--seconds", "many"));
        assertTrue(err.toString().contains("./tsperf monitor --help"), err.toString());
        assertEquals(Main.USAGE, run("no-such-command"));
        assertEquals(Main.USAGE, run("proxy", "--format", "avi", "some.mov"));
        assertTrue(err.toString().contains("unknown proxy format 'avi' (known: h264, prores_proxy)"), err.toString());
        assertEquals(Main.USAGE, run("proxy", "--resolutions", "tiny", "some.mov"));
        assertTrue(err.toString().contains("unknown proxy resolution 'tiny'"), err.toString());
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        assertEquals(0, run("--help"));
        String help = out.toString();
        assertTrue(help.contains("monitor") && help.contains("services"), help);
        assertTrue(help.contains("Exit codes: 0 success, 1 failure, 2 usage error."), help);
    }
}
