package org.tsperf.api.timeline;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A project being edited, with its undo history. Thread-safe; listeners hear each new project (after an edit, undo or
 * redo) on the thread that made it.
 */
public interface TimelineDocument {

    Project project();

    /** The file it was read from or last saved to; empty for a new, unsaved project. */
    Optional<Path> file();

    /**
     * Applies an edit and records it for undo (clearing the redo history).
     *
     * @throws IllegalArgumentException saying why the edit cannot be made; the project is unchanged
     */
    void apply(Edit edit);

    boolean canUndo();

    boolean canRedo();

    /** The edit {@link #undo} would take back, for "Undo Move Clip". */
    Optional<Edit> undoEdit();

    Optional<Edit> redoEdit();

    void undo();

    void redo();

    /** True when the project differs from the file's (or was never saved). */
    boolean isModified();

    /** Writes the project to {@code file} atomically (a complete file or the old one, never half) and remembers it. */
    void saveAs(Path file) throws java.io.IOException;

    void addListener(Consumer<Project> listener);

    void removeListener(Consumer<Project> listener);
}
