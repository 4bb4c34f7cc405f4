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
            int chromaRow = -1;
            for (int y = y0; y < y1; y++) {
                readLuma(src, format, w, y, yRow, bytes);
                if (y / 2 != chromaRow) {
                    // two luma rows share a chroma row: read once
                    chromaRow = y / 2;
                    readChroma(src, format, w, h, cw, ch, chromaRow, uRow, vRow, bytes);
                }
                convertRow(w, yRow, uRow, vRow, range, m, yScale, cScale, out);
                target.put(y * w, out);
            }
        });
    }

    /**
     * One row, in a method of its own (called hundreds of times a frame, it is compiled after the first frames). The
     * chroma terms once per pair of pixels that share them, with the same float operations in the same order as
     * yuv_to_rgba.comp, so the results are the same bits.
     */
    private static void convertRow(int w, int[] yRow, int[] uRow, int[] vRow, float[] range, float[] m,
            float yScale, float cScale, int[] out) {
        float y0 = range[0];
        float c0 = range[2];
        float m0 = m[0], m1 = m[1], m2 = m[2], m3 = m[3];
        for (int x = 0; x < w; x += 2) {
            int c = x >> 1;
            float un = (uRow[c] - c0) * cScale;
            float vn = (vRow[c] - c0) * cScale;
            float rv = m0 * vn;
            float gu = m1 * un;
            float gv = m2 * vn;
            float bu = m3 * un;
            float ya = (yRow[x] - y0) * yScale;
            out[x] = rgba(ya + rv, ya - gu - gv, ya + bu);
            if (x + 1 < w) {
                float yb = (yRow[x + 1] - y0) * yScale;
                out[x + 1] = rgba(yb + rv, yb - gu - gv, yb + bu);
            }
        }
    }

    private static int rgba(float r, float g, float b) {
        return CpuFrameProcessor.channel(r) | CpuFrameProcessor.channel(g) << 8 | CpuFrameProcessor.channel(b) << 16
                | 0xFF << 24;
    }

    /** Reads row {@code y} of the luma plane into samples. */
    private static void readLuma(ByteBuffer src, int format, int w, int y, int[] yRow, byte[] bytes) {
        if (format == 2) {
            src.get(2 * y * w, bytes, 0, 2 * w);
            for (int x = 0; x < w; x++) {
                yRow[x] = (bytes[2 * x] & 0xFF) | (bytes[2 * x + 1] & 0xFF) << 8;
            }
            return;
        }
        src.get(y * w, bytes, 0, w);
        for (int x = 0; x < w; x++) {
            yRow[x] = bytes[x] & 0xFF;
        }
    }

    /** Reads chroma row {@code c} (shared by luma rows 2c and 2c + 1) into samples. */
    private static void readChroma(ByteBuffer src, int format, int w, int h, int cw, int ch, int c, int[] uRow,
            int[] vRow, byte[] bytes) {
        if (format == 2) {
            src.get(2 * (w * h + c * cw), bytes, 0, 2 * cw);
            for (int x = 0; x < cw; x++) {
                uRow[x] = (bytes[2 * x] & 0xFF) | (bytes[2 * x + 1] & 0xFF) << 8;
            }
            src.get(2 * (w * h + cw * ch + c * cw), bytes, 0, 2 * cw);
            for (int x = 0; x < cw; x++) {
                vRow[x] = (bytes[2 * x] & 0xFF) | (bytes[2 * x + 1] & 0xFF) << 8;
            }
        } else if (format == 1) {
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
