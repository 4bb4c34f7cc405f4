package org.tsperf.timeline.ui;

import javax.swing.SwingUtilities;
import javax.swing.event.ChangeListener;
import javax.swing.undo.CannotRedoException;
import javax.swing.undo.CannotUndoException;
import org.openide.awt.UndoRedo;
import org.openide.util.ChangeSupport;
import org.tsperf.api.timeline.Edit;
import org.tsperf.api.timeline.TimelineDocument;

/**
 * The platform's Edit &gt; Undo and Redo on a document's own history: the menu items name the edit ("Undo Move
 * Clip": the platform's action puts "Undo" before the name given here) and follow the document, whichever thread
 * changed it.
 */
final class DocumentUndoRedo implements UndoRedo {

    private final TimelineDocument document;
    private final ChangeSupport changes = new ChangeSupport(this);

    DocumentUndoRedo(TimelineDocument document) {
        this.document = document;
        document.addListener(p -> changed());
    }

    /** Tells the menu to look again, on the event thread where its listeners expect it. */
    void changed() {
        if (SwingUtilities.isEventDispatchThread()) {
            changes.fireChange();
        } else {
            SwingUtilities.invokeLater(changes::fireChange);
        }
    }

    @Override
    public boolean canUndo() {
        return document.canUndo();
    }

    @Override
    public boolean canRedo() {
        return document.canRedo();
    }

    @Override
    public void undo() throws CannotUndoException {
        if (!document.canUndo()) {
            throw new CannotUndoException();
        }
        document.undo();
    }

    @Override
    public void redo() throws CannotRedoException {
        if (!document.canRedo()) {
            throw new CannotRedoException();
        }
        document.redo();
    }

    @Override
    public void addChangeListener(ChangeListener l) {
        changes.addChangeListener(l);
    }

    @Override
    public void removeChangeListener(ChangeListener l) {
        changes.removeChangeListener(l);
    }

    @Override
    public String getUndoPresentationName() {
        return document.undoEdit().map(Edit::displayName).orElse("");
    }

    @Override
    public String getRedoPresentationName() {
        return document.redoEdit().map(Edit::displayName).orElse("");
    }
}
