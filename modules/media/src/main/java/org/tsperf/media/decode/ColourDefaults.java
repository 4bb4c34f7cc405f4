package org.tsperf.media.decode;

import org.bytedeco.ffmpeg.global.avutil;
import org.tsperf.api.gpu.FrameOperation.YuvMatrix;
import org.tsperf.api.gpu.FrameOperation.YuvRange;

/** The YUV matrix and range to convert a stream with: what it says, else the broadcast conventions. */
final class ColourDefaults {

    private ColourDefaults() {
    }

    static YuvMatrix matrix(int space, int height) {
        if (space == avutil.AVCOL_SPC_BT709) {
            return YuvMatrix.BT709;
        }
        if (space == avutil.AVCOL_SPC_BT470BG || space == avutil.AVCOL_SPC_SMPTE170M
                || space == avutil.AVCOL_SPC_FCC) {
            return YuvMatrix.BT601;
        }
        if (space == avutil.AVCOL_SPC_BT2020_NCL || space == avutil.AVCOL_SPC_BT2020_CL) {
            // the processors have no BT.2020 matrix; BT.709 is the closer of the two they have
            return YuvMatrix.BT709;
        }
        // unspecified: HD and larger is BT.709, SD BT.601 (what players assume)
        return height >= 720 ? YuvMatrix.BT709 : YuvMatrix.BT601;
    }

    static YuvRange range(int range, int pixelFormat) {
        boolean full = range == avutil.AVCOL_RANGE_JPEG || pixelFormat == avutil.AV_PIX_FMT_YUVJ420P
                || pixelFormat == avutil.AV_PIX_FMT_YUVJ422P || pixelFormat == avutil.AV_PIX_FMT_YUVJ444P;
        return full ? YuvRange.FULL : YuvRange.LIMITED;
    }
}
