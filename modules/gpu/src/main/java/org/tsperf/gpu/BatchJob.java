package org.tsperf.gpu;

import java.nio.ByteBuffer;
import java.util.List;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;

/**
 * One chain of a batch: small chains (thumbnails, small-frame operations) run together, recorded into one command
 * buffer and waited for with one fence.
 *
 * @param input      the frame to process
 * @param operations the chain
 * @param target     where the output is written
 */
public record BatchJob(Frame input, List<FrameOperation> operations, ByteBuffer target) {

    public BatchJob {
        operations = List.copyOf(operations);
    }
}
