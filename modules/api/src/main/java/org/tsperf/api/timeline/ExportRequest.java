package org.tsperf.api.timeline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to export: frames {@code [in, out)} of a project at its full size, with its audio mixed, to a file.
 *
 * @param project the project as it is now
 * @param output  the file to write; it appears only once complete and probed
 * @param format  the codec and container
 * @param in      first timeline frame, at least 0
 * @param out     the frame after the last one, above {@code in} and at most the project's length
 */
public record ExportRequest(Project project, Path output, ExportFormat format, long in, long out) {

    public ExportRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
        if (in < 0 || out <= in || out > project.length()) {
            throw new IllegalArgumentException("export range " + in + "-" + out + " is outside the project's 0-"
                    + project.length() + " frames");
        }
    }

    /** The whole project. */
    public static ExportRequest whole(Project project, Path output, ExportFormat format) {
        return new ExportRequest(project, output, format, 0, project.length());
    }
}
