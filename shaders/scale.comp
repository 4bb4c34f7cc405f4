#version 450
// Scales RGBA8: a = (srcW, srcH, dstW, dstH), b.x = filter: 0 bilinear, 1 bicubic (Catmull-Rom). Edges clamp.
// Bicubic is area-aware when it downscales: along an axis shrunk by s > 1 the kernel is widened by s (support 2s,
// about 4s taps) and its weights normalised, as ffmpeg's swscale and Pillow do; without it a 4x downscale aliases.
// The CPU reference (CpuFrameProcessor.scale) computes the same weights with the same float arithmetic.
layout(local_size_x = 16, local_size_y = 16) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) readonly buffer Aux { uint aux[]; };
layout(std430, binding = 2) writeonly buffer Dst { uint dst[]; };
layout(push_constant) uniform Params { ivec4 a; ivec4 b; vec4 c; vec4 d; } p;

vec4 texel(int x, int y) {
    x = clamp(x, 0, p.a.x - 1); y = clamp(y, 0, p.a.y - 1);
    uint v = src[y * p.a.x + x];
    return vec4(float(v & 0xFFu), float((v >> 8) & 0xFFu), float((v >> 16) & 0xFFu), float(v >> 24));
}

float cubic(float t) {
    t = abs(t);
    if (t < 1.0) return (1.5 * t - 2.5) * t * t + 1.0;
    if (t < 2.0) return ((-0.5 * t + 2.5) * t - 4.0) * t + 2.0;
    return 0.0;
}

uint pack(vec4 c) {
    uvec4 u = uvec4(clamp(floor(c + 0.5), 0.0, 255.0));
    return u.x | (u.y << 8) | (u.z << 16) | (u.w << 24);
}

void main() {
    int x = int(gl_GlobalInvocationID.x), y = int(gl_GlobalInvocationID.y);
    if (x >= p.a.z || y >= p.a.w) return;
    float sx = (float(x) + 0.5) * float(p.a.x) / float(p.a.z) - 0.5;
    float sy = (float(y) + 0.5) * float(p.a.y) / float(p.a.w) - 0.5;
    float fx = floor(sx), fy = floor(sy);
    int ix = int(fx), iy = int(fy);
    float tx = sx - fx, ty = sy - fy;
    vec4 result;
    if (p.b.x == 0) {
        vec4 top = texel(ix, iy) * (1.0 - tx) + texel(ix + 1, iy) * tx;
        vec4 bottom = texel(ix, iy + 1) * (1.0 - tx) + texel(ix + 1, iy + 1) * tx;
        result = top * (1.0 - ty) + bottom * ty;
    } else if (p.a.x > p.a.z || p.a.y > p.a.w) {
        float scx = max(1.0, float(p.a.x) / float(p.a.z));
        float scy = max(1.0, float(p.a.y) / float(p.a.w));
        int x0 = int(floor(sx - 2.0 * scx)) + 1, x1 = int(floor(sx + 2.0 * scx));
        int y0 = int(floor(sy - 2.0 * scy)) + 1, y1 = int(floor(sy + 2.0 * scy));
        float sumx = 0.0, sumy = 0.0;
        for (int i = x0; i <= x1; i++) sumx += cubic((float(i) - sx) / scx);
        for (int j = y0; j <= y1; j++) sumy += cubic((float(j) - sy) / scy);
        result = vec4(0.0);
        for (int j = y0; j <= y1; j++) {
            vec4 row = vec4(0.0);
            for (int i = x0; i <= x1; i++) {
                row += texel(i, j) * (cubic((float(i) - sx) / scx) / sumx);
            }
            result += row * (cubic((float(j) - sy) / scy) / sumy);
        }
    } else {
        result = vec4(0.0);
        for (int j = -1; j <= 2; j++) {
            vec4 row = vec4(0.0);
            for (int i = -1; i <= 2; i++) {
                row += texel(ix + i, iy + j) * cubic(float(i) - tx);
            }
            result += row * cubic(float(j) - ty);
        }
    }
    dst[y * p.a.z + x] = pack(result);
}
