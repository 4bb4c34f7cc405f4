package org.tsperf.api.optimize;

import java.util.Objects;

/**
 * What applying one recommendation did.
 *
 * @param setting what
 * @param before  the value before, in the setting's form
 * @param after   the value now (equal to {@code before} when nothing changed)
 * @param applied whether it was changed through the module's service
 * @param note    when not applied: why, and what to do instead (e.g. a start option); when applied, what to know
 *                (e.g. "takes effect after a restart"), else empty
 */
public record Change(Setting setting, String before, String after, boolean applied, String note) {

    public Change {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(note, "note");
    }

    public boolean changed() {
        return applied && !before.equals(after);
    }
}
