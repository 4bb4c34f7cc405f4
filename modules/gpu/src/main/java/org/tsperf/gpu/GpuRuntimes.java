package org.tsperf.gpu;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.gpu.BenchmarkReport;
import org.tsperf.gpu.vulkan.VulkanOptions;

/**
 * The GPU module's runtime registry: the one {@link GpuRuntime} of the process, opened at its first use with the
 * user's {@link DeviceChoice} (system properties win), replaced when that choice changes ({@link #restart()}), and
 * closed with the module ({@link GpuLifecycle}) or, in a plain JVM (the command line), by a JVM shutdown hook so the
 * pipeline cache is saved there too. Found through Lookup ({@link #get()}); its only owner is the module. Thread-safe.
 */
@ServiceProvider(service = GpuRuntimes.class)
public final class GpuRuntimes {

    private static final Logger LOG = Logger.getLogger(GpuRuntimes.class.getName());

    private GpuRuntime current;
    private Thread shutdownHook;
    /** The newest finished benchmark of this process: a runtime opened later follows it too. */
    private BenchmarkReport latestBenchmark;
    /** Set when the module goes (disabled, uninstalled, the application exits): no runtime opens again. */
    private boolean shutDown;

    /** The module's registry, from the global Lookup. */
    public static GpuRuntimes get() {
        GpuRuntimes r = Lookup.getDefault().lookup(GpuRuntimes.class);
        if (r == null) {
            throw new IllegalStateException("the GPU module is not enabled");
        }
        return r;
    }

    /** The runtime in use, opened now when there is none (system properties and the device choice decide). */
    public synchronized GpuRuntime runtime() {
        if (shutDown) {
            throw new IllegalStateException("the GPU module is switched off");
        }
        if (current == null) {
            // the window's choice, unless a system property decides (the property wins)
            String choice = DeviceChoice.overriddenBy() == null ? DeviceChoice.get() : DeviceChoice.AUTOMATIC;
            VulkanOptions options = VulkanOptions.fromSystemProperties();
            if (!choice.equals(DeviceChoice.AUTOMATIC) && !choice.equals(DeviceChoice.CPU)) {
                options = options.withDeviceOverride(choice);
            }
            current = new GpuRuntime(options, System.getProperty("tsperf.gpu.path", "auto"), choice);
            if (latestBenchmark != null) {
                current.followBenchmark(latestBenchmark);
            }
            shutdownHook = new Thread(this::close, "tsperf-gpu-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        return current;
    }

    /**
     * A benchmark finished on {@code runtime}: the runtime follows it (where its path is automatic) and later runtimes
     * will too. Returns the report with the path as it is now.
     */
    public BenchmarkReport benchmarked(GpuRuntime runtime, BenchmarkReport report) {
        synchronized (this) {
            latestBenchmark = report;
        }
        BenchmarkReport now = report.withStatus(runtime.followBenchmark(report));
        synchronized (this) {
            latestBenchmark = now;
        }
        return now;
    }

    /** The newest finished benchmark of this process, or null. */
    public synchronized BenchmarkReport latestBenchmark() {
        return latestBenchmark;
    }

    /** Whether a runtime is open now (the command line checks that it released it before exiting). */
    public synchronized boolean isOpen() {
        return current != null;
    }

    /**
     * The module is going (disabled or uninstalled at runtime, or the application exits): closes the runtime and
     * opens none again, so that a window or sampler still running until the module's windows close and its services
     * leave Lookup cannot open Vulkan again behind it ({@link #runtime()} then fails; samplers ask
     * {@link #isShutDown()} first). A module enabled again has a new registry.
     */
    public void shutDown() {
        synchronized (this) {
            shutDown = true;
        }
        close();
    }

    /** Whether the module went ({@link #shutDown()}): its samplers report "switched off" instead of using it. */
    public synchronized boolean isShutDown() {
        return shutDown;
    }

    /** A shut-down registry usable again: for the unit tests, which run the module's lifecycle in one JVM. */
    synchronized void reopenForTests() {
        shutDown = false;
    }

    /** Whether the JVM shutdown hook that would close the runtime is registered now. */
    synchronized boolean shutdownHookRegistered() {
        return shutdownHook != null;
    }

    /**
     * Applies a new {@link DeviceChoice}: closes the runtime once the calls running on it are done (Vulkan released,
     * pipeline cache saved); the next use opens a new one with the choice, which follows the newest benchmark too.
     * Not on the event thread (it waits).
     */
    public void restart() {
        closeRuntime();
    }

    /**
     * Closes the runtime (module disabled, application exit, one-shot commands) and forgets the newest benchmark; a
     * later use opens a new one, which measures its path again.
     */
    public void close() {
        synchronized (this) {
            latestBenchmark = null;
        }
        closeRuntime();
    }

    private void closeRuntime() {
        GpuRuntime r;
        synchronized (this) {
            r = current;
            current = null;
            if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    LOG.log(Level.FINE, "JVM already shutting down", e);
                }
            }
            shutdownHook = null;
        }
        if (r != null) {
            r.close();
        }
    }
}
