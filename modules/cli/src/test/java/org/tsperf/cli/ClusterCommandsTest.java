package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tsperf worker}, {@code render --cluster} and {@code proxy --cluster}: the refusals, before anything listens. */
class ClusterCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void clusterOptionsWithoutAClusterOrASecretAreUsageErrors() {
        assertEquals(Main.USAGE, run("render", "p.json", "--out", "o.mp4", "--member", "127.0.0.1:5701"));
        assertTrue(err.toString().contains("go with --cluster NAME"), err.toString());
        assertEquals(Main.USAGE, run("render", "p.json", "--out", "o.mp4", "--cluster", "c"));
        assertTrue(err.toString().contains("--cluster needs --secret-file"), err.toString());
        // --preview --cluster is a command of its own (issue 17): without a project it fails, it is no usage error
        assertEquals(Main.FAILURE, run("render", dir.resolve("missing.json").toString(), "--preview", "--cluster",
                "c", "--secret-file", dir.resolve("s").toString()));
        assertEquals(Main.USAGE, run("worker", "--cluster", "c", "--secret-file", "s"));
        assertTrue(err.toString().contains("--media-root"), err.toString());
        assertEquals(Main.USAGE, run("proxy", "a.mp4", "--member", "127.0.0.1:5701"));
        assertEquals(Main.USAGE, run("proxy", "a.mp4", "--cluster", "c"));
        assertEquals(Main.USAGE, run("proxy", "a.mp4", "--cluster", "c", "--secret-file", "s", "--jobs", "2"));
        assertTrue(err.toString().contains("--jobs sets this machine's proxy workers"), err.toString());
    }

    @Test
    void aWorkerWithoutItsSecretFileOrMediaRootSaysWhatToDo() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        assertEquals(Main.FAILURE, run("worker", "--cluster", "c", "--media-root", media.toString(),
                "--secret-file", dir.resolve("missing").toString()));
        assertTrue(err.toString().contains("the secret file " + dir.resolve("missing") + " does not exist"),
                err.toString());
        Path secret = Files.writeString(dir.resolve("secret"), "0123456789abcdef0123");
        assertEquals(Main.FAILURE, run("worker", "--cluster", "c", "--media-root", dir.resolve("none").toString(),
                "--secret-file", secret.toString()));
        assertTrue(err.toString().contains("is not a folder"), err.toString());
    }
}
