package org.tsperf.gpu;

import java.nio.ByteBuffer;
import java.util.List;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameShape;
import org.tsperf.api.gpu.ProcessingPath;
import org.tsperf.api.gpu.ProcessorStatus;
import org.tsperf.api.gpu.VideoProcessor;

/** The {@link VideoProcessor} service: Vulkan or the CPU reference, whichever measured faster at first use. */
@ServiceProvider(service = VideoProcessor.class)
public final class AdaptiveVideoProcessor implements VideoProcessor {

    @Override
    public ProcessorStatus status() {
        GpuRuntimes runtimes = GpuRuntimes.get();
        if (runtimes.isShutDown()) { // the module is going: its samplers must not open Vulkan again
            return new ProcessorStatus(ProcessingPath.CPU, "", "the GPU module is switched off", Double.NaN,
                    Double.NaN, true);
        }
        return runtimes.runtime().status();
    }

    @Override
    public FrameShape outputShape(Frame input, List<FrameOperation> operations) {
        return Chains.outputShape(input, operations);
    }

    @Override
    public Frame process(Frame input, List<FrameOperation> operations, ByteBuffer target) {
        return GpuRuntimes.get().runtime().process(input, List.copyOf(operations), target);
    }

    @Override
    public Frame process(Frame input, List<FrameOperation> operations, ByteBuffer target, ProcessingPath path) {
        return GpuRuntimes.get().runtime().processOn(input, List.copyOf(operations), target, path);
    }
}
