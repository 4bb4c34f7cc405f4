package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code gpu info} and {@code gpu bench} in-process, on the real GPU module (Vulkan on lavapipe here). */
class GpuCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void infoJsonListsTheChosenDeviceAndThePath() {
        assertEquals(0, run("gpu", "info", "--json"), err.toString());
        JsonObject o = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertTrue(o.get("vulkanAvailable").getAsBoolean(), o.toString());
        var device = o.getAsJsonArray("devices").get(0).getAsJsonObject();
        assertTrue(device.get("chosen").getAsBoolean());
        assertTrue(device.get("maxComputeWorkGroupInvocations").getAsInt() >= 128);
        assertTrue(o.get("path").getAsString().matches("VULKAN|CPU"));
        assertTrue(o.get("pathReason").getAsString().startsWith("measured"), o.toString());
        assertTrue(o.get("cpuMillisPerFrame").getAsDouble() > 0);
    }

    @Test
    void infoTextMarksTheChosenDevice() {
        assertEquals(0, run("gpu", "info"), err.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("* ")), out.toString());
        assertTrue(out.toString().contains("Frame operations: "), out.toString());
    }

    @Test
    void benchJsonHasEveryOperationWithBothPathsAndTheirRatio() {
        assertEquals(0, run("gpu", "bench", "--seconds", "0.02", "--width", "128", "--height", "72", "--json"),
                err.toString());
        JsonObject o = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals(128, o.get("width").getAsInt());
        var ops = o.getAsJsonArray("operations");
        assertEquals(9, ops.size());
        for (var e : ops) {
            JsonObject op = e.getAsJsonObject();
            double ratio = op.get("vulkanFps").getAsDouble() / op.get("cpuFps").getAsDouble();
            assertEquals(ratio, op.get("ratio").getAsDouble(), 0.01 + ratio * 0.01, op.toString());
        }
        assertTrue(o.get("uploadMillis").getAsDouble() >= 0);
    }

    @Test
    void usageErrorsSayWhatToDo() {
        assertEquals(Main.USAGE, run("gpu", "bench", "--seconds", "0"));
        assertTrue(err.toString().contains("--seconds must be above 0"), err.toString());
        assertEquals(Main.USAGE, run("gpu"));
        assertTrue(err.toString().contains("'gpu info' or 'gpu bench'"), err.toString());
        assertEquals(0, run("gpu", "bench", "--help"));
        assertTrue(out.toString().contains("--seconds"), out.toString());
    }
}
