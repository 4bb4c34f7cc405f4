package org.tsperf.proxy.ui;

import java.awt.datatransfer.DataFlavor;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.TransferHandler;
import org.openide.util.NbBundle.Messages;

/** The Proxy Manager's drop target: accepts files and folders dropped from a file manager. */
@Messages({
    "# {0} - why",
    "MediaFileDrop_unreadable=The dropped items could not be read: {0}"
})
final class MediaFileDrop extends TransferHandler {

    private static final Logger LOG = Logger.getLogger(MediaFileDrop.class.getName());
    private final Consumer<List<Path>> add;
    private final Consumer<String> say;

    /**
     * @param add what to do with the dropped paths
     * @param say where to tell the user that a drop could not be read
     */
    MediaFileDrop(Consumer<List<Path>> add, Consumer<String> say) {
        this.add = add;
        this.say = say;
    }

    @Override
    public boolean canImport(TransferSupport support) {
        return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
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
        } catch (java.awt.datatransfer.UnsupportedFlavorException | java.io.IOException ex) {
            LOG.log(Level.INFO, "the drop could not be read", ex);
            say.accept(Bundle.MediaFileDrop_unreadable(ex.getMessage()));
            return false;
        }
    }
}
