package org.tsperf.proxy.ui;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.JComponent;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.TransferHandler;
import org.openide.util.NbBundle.Messages;

/**
 * The Proxy Manager's drag and drop: accepts files and folders dropped from a file manager, and drags the selected
 * sources out as a file list, which the Timeline (or any file drop target) takes as clips.
 */
@Messages({
    "# {0} - why",
    "MediaFileDrop_unreadable=The dropped items could not be read: {0}"
})
final class MediaFileDrop extends TransferHandler {

    private static final Logger LOG = Logger.getLogger(MediaFileDrop.class.getName());
    private final Consumer<List<Path>> add;
    private final Consumer<String> say;
    private final Supplier<List<Path>> selected;
    /** A drag of our own rows is under way: dropping it back on the list would add nothing. */
    private boolean dragging;

    /**
     * @param add      what to do with the dropped paths
     * @param say      where to tell the user that a drop could not be read
     * @param selected the selected sources, which a drag takes out
     */
    MediaFileDrop(Consumer<List<Path>> add, Consumer<String> say, Supplier<List<Path>> selected) {
        this.add = add;
        this.say = say;
        this.selected = selected;
    }

    @Override
    public boolean canImport(TransferSupport support) {
        return !dragging && support.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
    }

    @Override
    public int getSourceActions(JComponent c) {
        return COPY;
    }

    @Override
    protected Transferable createTransferable(JComponent c) {
        List<File> files = selected.get().stream().map(Path::toFile).toList();
        if (files.isEmpty()) {
            return null;
        }
        dragging = true;
        return new FileList(files);
    }

    @Override
    protected void exportDone(JComponent source, Transferable data, int action) {
        dragging = false;
    }

    /** The dragged sources, as file managers and the Timeline read them. */
    private record FileList(List<File> files) implements Transferable {

        @Override
        public DataFlavor[] getTransferDataFlavors() {
            return new DataFlavor[] {DataFlavor.javaFileListFlavor};
        }

        @Override
        public boolean isDataFlavorSupported(DataFlavor flavor) {
            return DataFlavor.javaFileListFlavor.equals(flavor);
        }

        @Override
        public Object getTransferData(DataFlavor flavor) throws UnsupportedFlavorException {
            if (!isDataFlavorSupported(flavor)) {
                throw new UnsupportedFlavorException(flavor);
            }
            return files;
        }
    }

    @Override
    public boolean importData(TransferSupport support) {
        if (!canImport(support)) {
            return false;
        }
        try {
            @SuppressWarnings("unchecked")
            List<File> files = (List<File>) support.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
            add.accept(files.stream().map(File::toPath).toList());
            return true;
        } catch (UnsupportedFlavorException | java.io.IOException ex) {
            LOG.log(Level.INFO, "the drop could not be read", ex);
            say.accept(Bundle.MediaFileDrop_unreadable(ex.getMessage()));
            return false;
        }
    }
}
