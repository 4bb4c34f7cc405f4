package org.tsperf.api.tasks;

/**
 * The background task system's settings, kept in the user directory. Provided by the tasks module; thread-safe and
 * cheap (reading touches no file and does not start the task system). A stored value that is corrupt or out of range
 * reads as its default, with a WARNING that names it.
 */
public interface TaskConfiguration {

    /** The settings as stored, defaults where nothing (or nothing usable) is stored. */
    TaskConfig config();

    /** The settings when the user set nothing (workers from this machine's cores). */
    TaskConfig defaults();

    /**
     * Saves the settings. Worker counts apply to the running task system at once ({@link TaskService#setWorkers});
     * the longest deferral and the stall timeout take effect after a restart. Not on the event thread.
     *
     * @return whether everything that changed took effect at once (false: something waits for a restart)
     * @throws org.tsperf.api.util.SettingsNotSavedException when the settings file cannot be written (e.g. a full
     *         disk): nothing changed, and the message names the file, the disk and what to do
     */
    boolean setConfig(TaskConfig config);
}
