package org.tsperf.timeline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.cluster.ClusterSettings;
import org.tsperf.api.timeline.ExportFormat;

/** The export dialog's validation and what it remembers. */
class ExportChoicesTest {

    @TempDir
    Path dir;

    private ExportChoices cluster(String members, String secret) {
        return new ExportChoices(dir.resolve("film.mp4").toString(), ExportFormat.H264, true, "studio", members,
                secret, "");
    }

    private Path secret(String content) throws Exception {
        return Files.writeString(dir.resolve("secret"), content);
    }

    @Test
    void thisMachineNeedsOnlyAFileInAFolderThatExists() {
        ExportChoices local = new ExportChoices(dir.resolve("film.mp4").toString(), ExportFormat.H264, false, "",
                "", "", "");
        assertEquals(Optional.empty(), local.problem(), "no cluster fields asked on this machine");
        assertEquals(Optional.of("Choose the file to write."), new ExportChoices(" ", ExportFormat.H264, false, "",
                "", "", "").problem());
        assertTrue(new ExportChoices(dir.resolve("missing/film.mp4").toString(), ExportFormat.H264, false, "", "",
                "", "").problem().orElseThrow().startsWith("The folder "));
    }

    @Test
    void aClusterNeedsMembers() throws Exception {
        String secret = secret("a secret of more than sixteen bytes").toString();
        assertEquals(Optional.of("Name at least one member of the cluster (HOST:PORT, e.g. 10.0.0.7:5701)."),
                cluster("", secret).problem());
        assertEquals(Optional.of("Name at least one member of the cluster (HOST:PORT, e.g. 10.0.0.7:5701)."),
                cluster(" ,  ", secret).problem());
        assertEquals(Optional.of("Not a member address (HOST:PORT or HOST): 10.0.0.7:port"),
                cluster("10.0.0.7:port", secret).problem());
        assertEquals(Optional.empty(), cluster("10.0.0.7:5701, 10.0.0.8 127.0.0.1:5702", secret).problem());
        assertEquals(List.of("10.0.0.7:5701", "10.0.0.8", "127.0.0.1:5702"),
                cluster("10.0.0.7:5701, 10.0.0.8 127.0.0.1:5702", secret).memberList());
    }

    @Test
    void aClusterNeedsASecretFileThatExistsAndHoldsSixteenBytes() throws Exception {
        assertEquals(Optional.of("Choose the cluster's secret file (the same file every worker was started with)."),
                cluster("10.0.0.7:5701", " ").problem());
        Path missing = dir.resolve("no-such-secret");
        assertEquals(Optional.of("The secret file " + missing + " does not exist."),
                cluster("10.0.0.7:5701", missing.toString()).problem());
        assertEquals(Optional.of("The secret file " + dir + " does not exist."),
                cluster("10.0.0.7:5701", dir.toString()).problem(), "a folder is no secret file");
        Path shortSecret = secret("too short");
        assertEquals(Optional.of("The secret file " + shortSecret + " holds fewer than 16 bytes."),
                cluster("10.0.0.7:5701", shortSecret.toString()).problem());
        assertEquals(Optional.of("Name the cluster (the name its workers were started with)."),
                new ExportChoices(dir.resolve("f.mp4").toString(), ExportFormat.H264, true, " ", "h", "s", "")
                        .problem());
    }

    @Test
    void clusterSettingsListenOnThisMachineUnlessToldOtherwise() throws Exception {
        String secret = secret("a secret of more than sixteen bytes").toString();
        ClusterSettings s = cluster("10.0.0.7:5701", secret).clusterSettings();
        assertEquals("studio", s.name());
        assertEquals(List.of("10.0.0.7:5701"), s.members());
        assertEquals("127.0.0.1", s.bind());
        assertEquals(Path.of(secret), s.secretFile());
    }

    @Test
    void preferencesKeepTheSecretFilesPathNeverTheSecret() throws Exception {
        Path secret = secret("the secret itself, 35 bytes long...");
        Preferences node = Preferences.userRoot().node("tsperf-test-" + System.nanoTime());
        try {
            ExportPreferences prefs = new ExportPreferences(node);
            ExportChoices first = prefs.load("x.mp4");
            assertEquals(false, first.onCluster(), "this machine is the default");
            assertEquals(ExportFormat.H264, first.format());
            prefs.save(new ExportChoices(dir.resolve("film.mov").toString(), ExportFormat.PRORES_PROXY, true,
                    "studio", "10.0.0.7:5701 10.0.0.8:5701", secret.toString(), "10.0.0.2"));
            ExportChoices again = prefs.load("y.mov");
            assertEquals(new ExportChoices("y.mov", ExportFormat.PRORES_PROXY, true, "studio",
                    "10.0.0.7:5701, 10.0.0.8:5701", secret.toString(), "10.0.0.2"), again);
            assertEquals(dir.toString(), prefs.folder("home"));
            for (String key : node.keys()) {
                assertTrue(!node.get(key, "").contains("the secret itself"), key + " holds the secret");
            }
        } finally {
            node.removeNode();
        }
    }
}
