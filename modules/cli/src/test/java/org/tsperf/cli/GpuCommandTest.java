package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tsperf.gpu.GpuRuntimes;
import org.tsperf.gpu.vulkan.VulkanDevice;

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
    void infoAndBenchReleaseVulkanBeforeReturning() {
        assertEquals(0, run("gpu", "info"), err.toString());
        assertFalse(GpuRuntimes.get().isOpen(), "gpu info left the GPU runtime open for a shutdown hook to close");
        assertEquals(0, run("gpu", "bench", "--seconds", "0.02", "--width", "64", "--height", "36"), err.toString());
        assertFalse(GpuRuntimes.get().isOpen(), "gpu bench left the GPU runtime open for a shutdown hook to close");
    }

    /**
     * The commands in their own JVM, as {@code ./tsperf} runs them, with the Vulkan validation layer on: exit code 0
     * and not one validation message (they are logged as warnings on stderr).
     */
    @Test
    void infoAndBenchExitCleanlyWithTheValidationLayerOn() throws Exception {
        assumeTrue(VulkanDevice.validationLayerInstalled(), "validation layer not installed (vulkan-validationlayers)");
        for (List<String> args : List.of(List.of("gpu", "info"),
                List.of("gpu", "bench", "--seconds", "0.05", "--width", "320", "--height", "180"))) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Dtsperf.gpu.validation=true", "-Dtsperf.gpu.cacheDir="
                    + Files.createTempDirectory("gpu-cache"), "-cp", System.getProperty("java.class.path"),
                    Main.class.getName()));
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            String stderr = read(p.getErrorStream());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), args + " did not end");
            assertEquals(0, p.exitValue(), args + ": " + stderr + stdout.get());
            assertFalse(stderr.contains("Vulkan validation"), args + ": " + stderr);
            assertFalse(stderr.contains("Exception"), args + ": " + stderr);
            assertTrue(stdout.get().contains("Frame operations") || stdout.get().contains("ratio"), stdout.get());
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
