package org.tsperf.api.proxy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Proxies made in a folder of their own (a store only one job uses, such as a job folder a worker of a render
 * cluster writes into) and then taken into a proxy store as if they had been made there. Provided by the proxy
 * module. Thread-safe; every method reads or writes files: not on the event thread.
 */
public interface ProxyTransfer {

    /**
     * The proxies of {@code source} already in {@code settings.store()} (up to date, or relinked after a rename), as
     * {@link ProxyService#generateNow} would answer at once; empty when they must be made.
     *
     * @throws IOException the source cannot be read or the store's index cannot be opened, saying which
     */
    Optional<ProxyResult> ready(Path source, ProxySettings settings) throws IOException;

    /**
     * Makes the proxies of {@code source} into {@code folder} (a store of its own, created when missing) as
     * {@link ProxyService#generateNow} does, waits for them, and closes that folder's index, so its files can be
     * handed on. Never throws for a bad source: the result says what is wrong.
     */
    ProxyResult makeInto(Path folder, Path source, ProxySettings settings) throws InterruptedException;

    /**
     * The files {@link #makeInto} left in {@code folder} that {@link #adopt} takes: the proxies and the plan's
     * description.
     *
     * @throws IOException when {@code folder} holds no whole description of these proxies
     */
    List<Path> madeFiles(Path folder, Path source, ProxySettings settings) throws IOException;

    /**
     * Takes the proxies {@link #makeInto} made in {@code folder} into {@code settings.store()}: each checked against
     * its description, copied aside and renamed into place, then described and recorded in the store's index in one
     * commit, as a proxy job of this machine records its own. The files in {@code folder} are left as they are.
     *
     * @return the outcome, {@link ProxyResult.Status#GENERATED} with the proxies' paths in the store
     * @throws IOException what is wrong with the made proxies, or the store that cannot take them
     */
    ProxyResult adopt(Path folder, Path source, ProxySettings settings) throws IOException;
}
