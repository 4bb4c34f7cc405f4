#version 450
// YUV 4:2:0 (I420 8 bit, NV12 8 bit, I420 10 bit little-endian) to RGBA8. Chroma is sampled at (x/2, y/2).
// a = (width, height, format, 0): format 0 = I420, 1 = NV12, 2 = I420 10 bit
// c = (yOffset, yRange, cOffset, cRange) in code values; d = (rFromV, gFromU, gFromV, bFromU)
layout(local_size_x = 16, local_size_y = 16) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) readonly buffer Aux { uint aux[]; };
layout(std430, binding = 2) writeonly buffer Dst { uint dst[]; };
layout(push_constant) uniform Params { ivec4 a; ivec4 b; vec4 c; vec4 d; } p;

uint byteAt(uint i) { return (src[i >> 2] >> ((i & 3u) * 8u)) & 0xFFu; }
uint shortAt(uint i) { return (src[i >> 1] >> ((i & 1u) * 16u)) & 0xFFFFu; }

uint channel(float v) { return uint(clamp(floor(v * 255.0 + 0.5), 0.0, 255.0)); }

void main() {
    uint x = gl_GlobalInvocationID.x, y = gl_GlobalInvocationID.y;
    uint w = uint(p.a.x), h = uint(p.a.y);
    if (x >= w || y >= h) return;
    uint cw = (w + 1u) / 2u, ch = (h + 1u) / 2u;
    uint ci = (y / 2u) * cw + x / 2u;
    uint yi = y * w + x;
    float Y, U, V;
    if (p.a.z == 0) {
        Y = float(byteAt(yi)); U = float(byteAt(w * h + ci)); V = float(byteAt(w * h + cw * ch + ci));
    } else if (p.a.z == 1) {
        Y = float(byteAt(yi)); U = float(byteAt(w * h + 2u * ci)); V = float(byteAt(w * h + 2u * ci + 1u));
    } else {
        Y = float(shortAt(yi)); U = float(shortAt(w * h + ci)); V = float(shortAt(w * h + cw * ch + ci));
    }
    float yn = (Y - p.c.x) / p.c.y;
    float un = (U - p.c.z) / p.c.w;
    float vn = (V - p.c.z) / p.c.w;
    float r = yn + p.d.x * vn;
    float g = yn - p.d.y * un - p.d.z * vn;
    float bl = yn + p.d.w * un;
    dst[yi] = channel(r) | (channel(g) << 8) | (channel(bl) << 16) | (255u << 24);
}
