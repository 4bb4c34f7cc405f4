package org.tsperf.media.decode;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecHWConfig;
import org.bytedeco.ffmpeg.avutil.AVBufferRef;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Finds a hardware decoder for a codec: VA-API, then CUDA. A device that opens is only a candidate; the source keeps
 * it once it decoded the first frame (see {@link VideoDecoder}). With no device the reasons say why, for
 * {@code DecoderInfo.reason()}.
 */
final class HardwareDecoding {

    static final List<String> APIS = List.of("vaapi", "cuda");

    /** A device attached to a decoder context, or why none was. */
    record Attempt(String api, int hwPixelFormat, String reason) {
        boolean attached() {
            return !api.isEmpty();
        }
    }

    private HardwareDecoding() {
    }

    /** Attaches the first hardware device that opens and that the codec can decode on. Before avcodec_open2. */
    static Attempt attach(AVCodecContext cc, AVCodec codec) {
        List<String> why = new ArrayList<>();
        for (String api : APIS) {
            int type = avutil.av_hwdevice_find_type_by_name(api);
            if (type == avutil.AV_HWDEVICE_TYPE_NONE) {
                why.add(api + " not built into this FFmpeg");
                continue;
            }
            int pixFmt = pixelFormat(codec, type);
            if (pixFmt < 0) {
                why.add(api + " cannot decode " + AvInput.string(codec.name()));
                continue;
            }
            PointerPointer<AVBufferRef> device = new PointerPointer<>(1);
            int err = avutil.av_hwdevice_ctx_create(device, type, (BytePointer) null, null, 0);
            if (err < 0) {
                why.add(api + " device not found (" + AvInput.error(err) + ")");
                continue;
            }
            AVBufferRef ref = new AVBufferRef(device.get(0));
            // the codec keeps its own reference; FFmpeg's default get_format then picks the device's format
            cc.hw_device_ctx(avutil.av_buffer_ref(ref));
            avutil.av_buffer_unref(device);
            return new Attempt(api, pixFmt, "");
        }
        return new Attempt("", -1, "no working hardware decoder: " + String.join(", ", why));
    }

    private static int pixelFormat(AVCodec codec, int deviceType) {
        for (int i = 0;; i++) {
            AVCodecHWConfig config = avcodec.avcodec_get_hw_config(codec, i);
            if (config == null || config.isNull()) {
                return -1;
            }
            if ((config.methods() & avcodec.AV_CODEC_HW_CONFIG_METHOD_HW_DEVICE_CTX) != 0
                    && config.device_type() == deviceType) {
                return config.pix_fmt();
            }
        }
    }
}
