package org.tsperf.api.gpu;

/** Queues of the GPU scheduler, most urgent first: the frame on screen goes before everything else. */
public enum GpuPriority {
    /** The frame the viewer shows next. */
    VIEWER,
    /** Render and export frames. */
    RENDER,
    /** Proxies, thumbnails, analysis. */
    BACKGROUND
}
