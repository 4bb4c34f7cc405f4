package org.tsperf.api.optimize;

import java.util.List;

/**
 * What the user edits.
 *
 * @param media          the sources the Proxy Manager knows (or the user described)
 * @param projectSeconds a typical project's length of source footage, in seconds; 0 when unknown
 */
public record WorkloadDescription(List<MediaDescription> media, double projectSeconds) {

    public WorkloadDescription {
        media = List.copyOf(media);
        if (projectSeconds < 0) {
            throw new IllegalArgumentException("negative project length");
        }
    }
}
