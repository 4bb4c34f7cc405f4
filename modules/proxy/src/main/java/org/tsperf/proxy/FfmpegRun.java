package org.tsperf.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.util.ChildProcesses;

/** A short ffmpeg run (a test encode or decode) with a deadline: whether it worked, else what ffmpeg said. */
final class FfmpegRun {

    private static final Logger LOG = Logger.getLogger(FfmpegRun.class.getName());
    private static final long DEADLINE_SECONDS = 20;
    private static final int MAX_REASON = 240;

    /** @param why ffmpeg's own words when it failed (its error lines, without the "[codec @ 0x...]" prefixes) */
    record Outcome(boolean ok, String why) {
    }

    private FfmpegRun() {
    }

    static Outcome run(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Process p = ChildProcesses.start(pb);
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes(); // ends when ffmpeg ends or is killed
            if (!p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Outcome(false, "ffmpeg did not finish within " + DEADLINE_SECONDS + " s");
            }
            if (p.exitValue() == 0) {
                return new Outcome(true, "");
            }
            return new Outcome(false, reason(new String(out, StandardCharsets.UTF_8), p.exitValue()));
        } catch (IOException ex) {
            LOG.log(Level.INFO, "could not run " + command.get(0), ex);
            return new Outcome(false, "ffmpeg could not run: " + ex.getMessage());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted");
        }
    }

    /** ffmpeg's error lines, each once, prefixes such as "[h264_nvenc @ 0x55d0c0]" dropped, kept short. */
    static String reason(String output, int exit) {
        Set<String> lines = new LinkedHashSet<>();
        for (String line : output.split("\\R")) {
            // nested prefixes too: "[vost#0:0/h264_nvenc @ 0x55d0] [enc:h264_nvenc @ 0x5640] Error ..."
            String l = line.replaceAll("\\[[^\\]\\[]*@ ?0x[0-9a-fA-F]+\\]\\s*", "").trim();
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        String why = lines.isEmpty() ? "ffmpeg exited with " + exit : String.join("; ", lines);
        return why.length() <= MAX_REASON ? why : why.substring(0, MAX_REASON - 3) + "...";
    }
}
