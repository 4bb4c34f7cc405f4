package org.tsperf.api.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How this machine takes part in a render cluster. Nothing listens on the network until a {@link ClusterService}
 * starts a worker or a coordinator with these settings.
 *
 * @param name       the cluster's name: members of other names are never joined (a name is not a secret)
 * @param members    the other members, {@code HOST:PORT} (or {@code HOST}, port 5701 and up); TCP-IP join only,
 *                   multicast is off
 * @param bind       the interface address to listen on; {@code 127.0.0.1} unless the user says otherwise
 * @param port       the port to listen on (the next free one above it when taken)
 * @param mediaRoots the folders of shared storage a worker reads media from and writes job folders into; a task
 *                   naming a path outside them is refused (the coordinator needs none)
 * @param secretFile the file holding the secret every member shares (at least 16 bytes); every task and every
 *                   result carries an HMAC-SHA256 made with it
 */
public record ClusterSettings(String name, List<String> members, String bind, int port, List<Path> mediaRoots,
        Path secretFile) {

    /** The interface a cluster member listens on unless told otherwise: this machine only. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Hazelcast's usual first port. */
    public static final int DEFAULT_PORT = 5701;

    public ClusterSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretFile, "secretFile");
        if (name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("a cluster name must be 1 to 64 characters: \"" + name + "\"");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535, not " + port);
        }
        bind = bind == null || bind.isBlank() ? DEFAULT_BIND : bind.trim();
        members = List.copyOf(members);
        mediaRoots = List.copyOf(mediaRoots);
        for (String m : members) {
            if (m.isBlank() || m.contains(" ")) {
                throw new IllegalArgumentException("a member is HOST:PORT or HOST, not \"" + m + "\"");
            }
        }
    }
}
