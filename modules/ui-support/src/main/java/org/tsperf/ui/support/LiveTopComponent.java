package org.tsperf.ui.support;

import java.util.Objects;
import org.openide.windows.TopComponent;

/**
 * A window that renders a {@link LiveSampler}'s model, sampled only while it can be seen: the sampler starts when the
 * window shows and stops when it is hidden (a window in a tab behind another reads nothing) or closed. The subclass
 * hands its sampler over in its constructor ({@link #sampleWhileShowing}); one that overrides a lifecycle method calls
 * {@code super}. The {@code readProperties}/{@code writeProperties} of {@code @ConvertAsProperties} stay in each
 * window: the platform looks for them on the class itself.
 */
public abstract class LiveTopComponent extends TopComponent {

    private static final long serialVersionUID = 1L;

    private transient LiveSampler<?> sampler;

    /** Event thread, in the constructor: the sampler whose model this window renders. */
    protected final void sampleWhileShowing(LiveSampler<?> liveSampler) {
        sampler = Objects.requireNonNull(liveSampler);
    }

    /** @return whether sampling may start now; false, for example, while the service it reads is missing */
    protected boolean canSample() {
        return true;
    }

    @Override
    protected void componentShowing() {
        if (sampler != null && canSample()) {
            sampler.start();
        }
    }

    @Override
    protected void componentHidden() {
        stopSampling();
    }

    @Override
    protected void componentClosed() {
        stopSampling();
        ModuleWindows.releaseToolTip();
    }

    private void stopSampling() {
        if (sampler != null) {
            sampler.stop();
        }
    }
}
