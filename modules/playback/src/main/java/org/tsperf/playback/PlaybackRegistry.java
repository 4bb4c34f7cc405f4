package org.tsperf.playback;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The players of this process and which one played last (the monitor shows that one). Owned by the service. */
final class PlaybackRegistry {

    private final List<FilePlayer> open = new CopyOnWriteArrayList<>();
    private volatile FilePlayer active;

    void opened(FilePlayer player) {
        open.add(player);
    }

    void closed(FilePlayer player) {
        open.remove(player);
        if (active == player) {
            active = null;
        }
    }

    void active(FilePlayer player) {
        active = player;
    }

    FilePlayer active() {
        return active;
    }

    /** Closes every player (the module is disabled). */
    void closeAll() {
        for (FilePlayer p : List.copyOf(open)) {
            p.close();
        }
    }
}
