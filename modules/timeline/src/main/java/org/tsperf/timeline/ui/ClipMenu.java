package org.tsperf.timeline.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import org.openide.util.NbBundle.Messages;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Edit;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineDocument;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.Transition;

/**
 * A clip's context menu: a cross-fade into the next clip of its track (one second, or shorter where a clip is short),
 * its removal, and Delete. Edits run on the event thread: they only make new immutable projects in memory.
 */
@Messages({
    "ClipMenu_addFade=Add Cross-fade to Next Clip",
    "ClipMenu_removeFade=Remove Cross-fade to Next Clip",
    "ClipMenu_delete=Delete Clip"
})
final class ClipMenu {

    private ClipMenu() {
    }

    /** @param status hears why an edit was refused */
    static JPopupMenu menu(TimelineDocument document, String clipId, Consumer<String> status) {
        JPopupMenu menu = new JPopupMenu();
        menu.setName("clipMenu");
        Project p = document.project();
        Track track = p.trackOf(clipId).orElse(null);
        Clip clip = p.clip(clipId).orElse(null);
        if (track == null || clip == null) {
            return menu;
        }
        Optional<Transition> out = track.transitions().stream().filter(t -> t.fromClip().equals(clipId)).findFirst();
        Optional<Clip> next = track.clips().stream().filter(c -> c.start() == clip.end()).findFirst();
        long length = next.map(n -> Math.min(Math.round(p.rate().fps()),
                Math.min(clip.length(), n.length()) - 1)).orElse(0L);
        JMenuItem add = item(Bundle.ClipMenu_addFade(), "addFade", document, status,
                next.map(n -> new Edit.AddTransition(new Transition(clipId, n.id(), Math.max(1, length))))
                        .orElse(null));
        add.setEnabled(out.isEmpty() && next.isPresent() && length >= 1);
        menu.add(add);
        JMenuItem remove = item(Bundle.ClipMenu_removeFade(), "removeFade", document, status,
                out.map(t -> new Edit.RemoveTransition(t.fromClip(), t.toClip())).orElse(null));
        remove.setEnabled(out.isPresent());
        menu.add(remove);
        menu.addSeparator();
        menu.add(item(Bundle.ClipMenu_delete(), "deleteClip", document, status, new Edit.DeleteClip(clipId)));
        return menu;
    }

    private static JMenuItem item(String text, String name, TimelineDocument document, Consumer<String> status,
            Edit edit) {
        JMenuItem item = new JMenuItem(text);
        item.setName(name);
        item.addActionListener(e -> {
            try {
                document.apply(edit);
            } catch (IllegalArgumentException refused) {
                status.accept(refused.getMessage());
            }
        });
        return item;
    }

    /** The names of the enabled items, for tests. */
    static List<String> enabled(JPopupMenu menu) {
        return java.util.Arrays.stream(menu.getComponents()).filter(c -> c instanceof JMenuItem && c.isEnabled())
                .map(c -> c.getName()).toList();
    }
}
