package org.tsperf.timeline.ui;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openide.util.NbBundle.Messages;
import org.tsperf.api.cluster.ClusterSettings;
import org.tsperf.api.timeline.ExportFormat;

/**
 * What the export dialog asks: the file and format, and whether to render on this machine (the default) or on a
 * render cluster, with the cluster's name, members and secret file. {@link #problem()} says what stops an export.
 *
 * @param output     the file to write, as typed
 * @param format     the codec and container
 * @param onCluster  render on the cluster instead of this machine
 * @param cluster    the cluster's name
 * @param members    the members, {@code HOST:PORT} or {@code HOST}, separated by commas or spaces
 * @param secretFile the file holding the cluster's shared secret (its path; the secret is never kept)
 * @param bind       the address this workbench listens on for the cluster; blank: {@code 127.0.0.1}, this machine
 *                   only (give the machine's address on the cluster's network to reach other machines)
 */
@Messages({
    "ExportChoices_noOutput=Choose the file to write.",
    "# {0} - folder", "ExportChoices_noFolder=The folder {0} does not exist.",
    "# {0} - path", "ExportChoices_badPath=Not a file name: {0}",
    "ExportChoices_noName=Name the cluster (the name its workers were started with).",
    "ExportChoices_noMembers=Name at least one member of the cluster (HOST:PORT, e.g. 10.0.0.7:5701).",
    "# {0} - member", "ExportChoices_badMember=Not a member address (HOST:PORT or HOST): {0}",
    "ExportChoices_noSecret=Choose the cluster's secret file (the same file every worker was started with).",
    "# {0} - file", "ExportChoices_missingSecret=The secret file {0} does not exist.",
    "# {0} - file", "ExportChoices_shortSecret=The secret file {0} holds fewer than 16 bytes."
})
record ExportChoices(String output, ExportFormat format, boolean onCluster, String cluster, String members,
        String secretFile, String bind) {

    /** The members as typed, split at commas and spaces. */
    List<String> memberList() {
        return Arrays.stream(members.trim().split("[,\\s]+")).filter(m -> !m.isEmpty()).toList();
    }

    /** What stops the export, in words, or empty when it can start: {@link #formProblem} then {@link #fileProblem}. */
    Optional<String> problem() {
        Optional<String> form = formProblem();
        return form.isPresent() ? form : fileProblem();
    }

    /** What is wrong in the form itself, read from no disk: cheap enough for the event thread at every keystroke. */
    Optional<String> formProblem() {
        if (output.isBlank()) {
            return Optional.of(Bundle.ExportChoices_noOutput());
        }
        try {
            Path.of(output.trim());
        } catch (InvalidPathException ex) {
            return Optional.of(Bundle.ExportChoices_badPath(output));
        }
        if (!onCluster) {
            return Optional.empty();
        }
        if (cluster.isBlank()) {
            return Optional.of(Bundle.ExportChoices_noName());
        }
        List<String> list = memberList();
        if (list.isEmpty()) {
            return Optional.of(Bundle.ExportChoices_noMembers());
        }
        for (String m : list) {
            if (!m.matches("[^:]+(:\\d{1,5})?")) {
                return Optional.of(Bundle.ExportChoices_badMember(m));
            }
        }
        if (secretFile.isBlank()) {
            return Optional.of(Bundle.ExportChoices_noSecret());
        }
        try {
            Path.of(secretFile.trim());
        } catch (InvalidPathException ex) {
            return Optional.of(Bundle.ExportChoices_badPath(secretFile));
        }
        return Optional.empty();
    }

    /**
     * What the disks say against a form without {@link #formProblem}: the output's folder exists, the secret file
     * exists and holds at least 16 bytes (its size is read, not its content). Off the event thread: a folder on a
     * network mount that hangs hangs this call.
     */
    Optional<String> fileProblem() {
        Path out = Path.of(output.trim()).toAbsolutePath();
        if (out.getParent() == null || !Files.isDirectory(out.getParent())) {
            return Optional.of(Bundle.ExportChoices_noFolder(out.getParent()));
        }
        if (!onCluster) {
            return Optional.empty();
        }
        Path secret = Path.of(secretFile.trim());
        if (!Files.isRegularFile(secret)) {
            return Optional.of(Bundle.ExportChoices_missingSecret(secret));
        }
        try {
            if (Files.size(secret) < 16) {
                return Optional.of(Bundle.ExportChoices_shortSecret(secret));
            }
        } catch (java.io.IOException ex) {
            return Optional.of(Bundle.ExportChoices_missingSecret(secret));
        }
        return Optional.empty();
    }

    Path outputPath() {
        return Path.of(output.trim()).toAbsolutePath();
    }

    /** The coordinator's settings: it listens on {@link #bind}, port 5701 or the next free one. */
    ClusterSettings clusterSettings() {
        return new ClusterSettings(cluster.trim(), memberList(), bind,
                ClusterSettings.DEFAULT_PORT, List.of(), Path.of(secretFile.trim()));
    }
}
