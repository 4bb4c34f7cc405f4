package org.tsperf.gpu.cpu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation.ConvertToRgba;
import org.tsperf.gpu.Chains;

/** The CPU reference of YUV 4:2:0 (I420, NV12, 10 bit) to RGBA8: the arithmetic of yuv_to_rgba.comp. */
final class YuvToRgba {

    private YuvToRgba() {
    }

    static void convert(Frame in, ConvertToRgba op, ByteBuffer dst, CpuFrameProcessor.Bands rows) {
        ByteBuffer src = in.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        float[] range = Chains.yuvRange(op, in.format());
        float[] m = Chains.yuvMatrix(op);
        int w = in.width(), h = in.height(), cw = (w + 1) / 2, ch = (h + 1) / 2;
        int format = Chains.yuvFormatCode(in.format());
        // rows are read in bulk into arrays and written in bulk: per-sample buffer calls cost more than the maths
        rows.run(h, (y0, y1) -> {
            int[] yRow = new int[w];
            int[] uRow = new int[cw];
            int[] vRow = new int[cw];
            byte[] bytes = new byte[Math.max(2 * w, 2 * 2 * cw)];
            int[] out = new int[w];
            java.nio.IntBuffer target = dst.asIntBuffer();
            // reciprocals: a multiplication instead of three divisions a pixel (the last bit may differ: the
            // reference and Vulkan agree within 1 code value, not bit for bit)
            float yScale = 1f / range[1];
            float cScale = 1f / range[3];
            // the chroma terms once per chroma sample instead of once per pixel; the same float operations in the
            // same order as yuv_to_rgba.comp, so the results are the same bits
            float[] rv = new float[cw];
            float[] gu = new float[cw];
            float[] gv = new float[cw];
            float[] bu = new float[cw];
            for (int y = y0; y < y1; y++) {
                readRows(src, format, w, h, cw, ch, y, yRow, uRow, vRow, bytes);
                for (int x = 0; x < cw; x++) {
                    float un = (uRow[x] - range[2]) * cScale;
                    float vn = (vRow[x] - range[2]) * cScale;
                    rv[x] = m[0] * vn;
                    gu[x] = m[1] * un;
                    gv[x] = m[2] * vn;
                    bu[x] = m[3] * un;
                }
                for (int x = 0; x < w; x++) {
                    float yn = (yRow[x] - range[0]) * yScale;
                    int c = x >> 1;
                    out[x] = CpuFrameProcessor.channel(yn + rv[c]) | CpuFrameProcessor.channel(yn - gu[c] - gv[c]) << 8 | CpuFrameProcessor.channel(yn + bu[c]) << 16
                            | 0xFF << 24;
                }
                target.put(y * w, out);
            }
        });
    }

    /** Reads row {@code y} of the luma plane and its chroma row into sample arrays. */
    private static void readRows(ByteBuffer src, int format, int w, int h, int cw, int ch, int y, int[] yRow,
            int[] uRow, int[] vRow, byte[] bytes) {
        int c = y / 2;
        if (format == 2) {
            src.get(2 * y * w, bytes, 0, 2 * w);
            for (int x = 0; x < w; x++) {
                yRow[x] = (bytes[2 * x] & 0xFF) | (bytes[2 * x + 1] & 0xFF) << 8;
            }
            src.get(2 * (w * h + c * cw), bytes, 0, 2 * cw);
            for (int x = 0; x < cw; x++) {
                uRow[x] = (bytes[2 * x] & 0xFF) | (bytes[2 * x + 1] & 0xFF) << 8;
            }
            src.get(2 * (w * h + cw * ch + c * cw), bytes, 0, 2 * cw);
            for (int x = 0; x < cw; x++) {
                vRow[x] = (bytes[2 * x] & 0xFF) | (bytes[2 * x + 1] & 0xFF) << 8;
            }
            return;
        }
        src.get(y * w, bytes, 0, w);
        for (int x = 0; x < w; x++) {
            yRow[x] = bytes[x] & 0xFF;
        }
        if (format == 1) {
            src.get(w * h + 2 * c * cw, bytes, 0, 2 * cw);
            for (int x = 0; x < cw; x++) {
                uRow[x] = bytes[2 * x] & 0xFF;
                vRow[x] = bytes[2 * x + 1] & 0xFF;
            }
        } else {
            src.get(w * h + c * cw, bytes, 0, cw);
            for (int x = 0; x < cw; x++) {
                uRow[x] = bytes[x] & 0xFF;
            }
            src.get(w * h + cw * ch + c * cw, bytes, 0, cw);
            for (int x = 0; x < cw; x++) {
                vRow[x] = bytes[x] & 0xFF;
            }
        }
    }

}
