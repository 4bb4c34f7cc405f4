package org.tsperf.playback.ui;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.io.File;
import javax.swing.JFileChooser;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionReferences;
import org.openide.awt.ActionRegistration;
import org.openide.util.NbBundle.Messages;
import org.openide.util.NbPreferences;
import org.openide.windows.WindowManager;

/** File &gt; Open Media (Ctrl+O): picks a file and plays it in the Viewer. */
@ActionID(category = "File", id = "org.tsperf.playback.ui.OpenMediaAction")
@ActionRegistration(displayName = "#CTL_OpenMediaAction")
@ActionReferences({
    @ActionReference(path = "Menu/File", position = 100),
    @ActionReference(path = "Shortcuts", name = "D-O")
})
@Messages({"CTL_OpenMediaAction=Open Media...", "OpenMedia_title=Open Media", "OpenMedia_filter=Video files"})
public final class OpenMediaAction implements ActionListener {

    private static final String LAST_FOLDER = "lastMediaFolder";

    @Override
    public void actionPerformed(ActionEvent e) {
        JFileChooser chooser = new JFileChooser(NbPreferences.forModule(OpenMediaAction.class).get(LAST_FOLDER,
                System.getProperty("user.home")));
        chooser.setDialogTitle(Bundle.OpenMedia_title());
        chooser.setFileFilter(new FileNameExtensionFilter(Bundle.OpenMedia_filter(), "mp4", "mov", "mkv", "mxf",
                "m4v", "avi", "mts", "m2ts", "ts", "webm"));
        if (chooser.showOpenDialog(WindowManager.getDefault().getMainWindow()) == JFileChooser.APPROVE_OPTION) {
            File f = chooser.getSelectedFile();
            if (f.getParentFile() != null) {
                NbPreferences.forModule(OpenMediaAction.class).put(LAST_FOLDER, f.getParent());
            }
            ViewerOpener.showInViewer(f.toPath());
        }
    }
}
