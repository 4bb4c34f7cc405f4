package org.tsperf.timeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.timeline.Edit;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineDocument;

/**
 * A project with its undo history. Each step keeps the whole project before and after (projects are immutable and
 * share their unchanged tracks), so an undo gives back exactly the old project: equal clips, equal fingerprints.
 */
final class Document implements TimelineDocument {

    private static final Logger LOG = Logger.getLogger(Document.class.getName());

    /** Steps kept for undo; the oldest are forgotten beyond it. */
    static final int HISTORY = 500;

    private record Step(Edit edit, Project before, Project after) {
    }

    private final Object lock = new Object();
    private final List<Consumer<Project>> listeners = new CopyOnWriteArrayList<>();
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private Project project;
    private Path file;
    /** The project as last read or saved; null when never saved. */
    private Project saved;

    Document(Project project, Path file) {
        this.project = Objects.requireNonNull(project, "project");
        this.file = file == null ? null : file.toAbsolutePath().normalize();
        this.saved = file == null ? null : project;
    }

    @Override
    public Project project() {
        synchronized (lock) {
            return project;
        }
    }

    @Override
    public Optional<Path> file() {
        synchronized (lock) {
            return Optional.ofNullable(file);
        }
    }

    @Override
    public void apply(Edit edit) {
        Objects.requireNonNull(edit, "edit");
        Project after;
        synchronized (lock) {
            after = Edits.apply(project, edit);
            undo.push(new Step(edit, project, after));
            if (undo.size() > HISTORY) {
                undo.removeLast();
            }
            redo.clear();
            project = after;
        }
        fire(after);
    }

    @Override
    public boolean canUndo() {
        synchronized (lock) {
            return !undo.isEmpty();
        }
    }

    @Override
    public boolean canRedo() {
        synchronized (lock) {
            return !redo.isEmpty();
        }
    }

    @Override
    public Optional<Edit> undoEdit() {
        synchronized (lock) {
            return Optional.ofNullable(undo.peek()).map(Step::edit);
        }
    }

    @Override
    public Optional<Edit> redoEdit() {
        synchronized (lock) {
            return Optional.ofNullable(redo.peek()).map(Step::edit);
        }
    }

    @Override
    public void undo() {
        Project now;
        synchronized (lock) {
            Step step = undo.poll();
            if (step == null) {
                throw new IllegalStateException("nothing to undo in project " + project.name());
            }
            redo.push(step);
            project = step.before();
            now = project;
        }
        fire(now);
    }

    @Override
    public void redo() {
        Project now;
        synchronized (lock) {
            Step step = redo.poll();
            if (step == null) {
                throw new IllegalStateException("nothing to redo in project " + project.name());
            }
            undo.push(step);
            project = step.after();
            now = project;
        }
        fire(now);
    }

    @Override
    public boolean isModified() {
        synchronized (lock) {
            return saved == null || !saved.equals(project);
        }
    }

    @Override
    public void saveAs(Path target) throws IOException {
        Project now = project();
        AtomicFiles.write(target, ProjectWriter.toBytes(now));
        synchronized (lock) {
            file = target.toAbsolutePath().normalize();
            saved = now;
        }
    }

    @Override
    public void addListener(Consumer<Project> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(Consumer<Project> listener) {
        listeners.remove(listener);
    }

    /** Outside the lock, so that a listener may read the document (or edit it) without a deadlock. */
    private void fire(Project now) {
        for (Consumer<Project> l : listeners) {
            try {
                l.accept(now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a listener of project " + now.name() + " failed; the others still hear it", e);
            }
        }
    }
}
