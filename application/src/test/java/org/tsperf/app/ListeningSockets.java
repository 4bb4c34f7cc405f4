package org.tsperf.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP sockets this process listens on, read from /proc as {@code ss -ltnp} does: the socket inodes among the
 * process's open files, matched against the LISTEN entries (state 0A) of /proc/net/tcp and tcp6.
 */
final class ListeningSockets {

    private ListeningSockets() {
    }

    /** "address:port" of each listening socket, empty when there is none. */
    static List<String> ofThisProcess() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException ex) {
                    // closed since the listing: not open any more
                }
            }
        }
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            List<String> lines = Files.readAllLines(p);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && "0A".equals(f[3]) && inodes.contains(f[9])) {
                    listening.add(f[1]);
                }
            }
        }
        return listening;
    }

    /** Whether an address of /proc/net/tcp(6) is the loopback one (127.x.x.x or ::1). */
    static boolean loopback(String addressAndPort) {
        String address = addressAndPort.substring(0, addressAndPort.indexOf(':'));
        return address.endsWith("7F") && address.length() == 8 || "00000000000000000000000001000000".equals(address);
    }
}
