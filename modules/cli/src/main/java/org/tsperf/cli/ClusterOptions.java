package org.tsperf.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tsperf.api.cluster.ClusterSettings;
import picocli.CommandLine.Option;

/** The options that say how to reach a render cluster, shared by {@code worker} and {@code render --cluster}. */
final class ClusterOptions {

    @Option(names = "--member", paramLabel = "HOST:PORT", arity = "1..*", split = ",",
            description = "Members to join (any that run; repeat or list several). TCP-IP join only: nothing is"
                    + " discovered by multicast.")
    List<String> members = new ArrayList<>();

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "The file holding the secret every member shares (at least 16 bytes): every task and"
                    + " result is signed with it, and a member without it gets no work.")
    Path secretFile;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = ClusterSettings.DEFAULT_BIND,
            description = "The interface address to listen on; default: ${DEFAULT-VALUE} (this machine only).")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "5701",
            description = "The port to listen on (the next free one above it when taken); default: ${DEFAULT-VALUE}.")
    int port;

    ClusterSettings settings(String name, List<Path> mediaRoots) {
        return new ClusterSettings(name, members, bind, port, mediaRoots, secretFile);
    }
}
