#version 450
// Cross-fade of two RGBA8 frames of one size: a = (width, height), c.x = amount (0 = src, 1 = aux).
layout(local_size_x = 16, local_size_y = 16) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) readonly buffer Aux { uint aux[]; };
layout(std430, binding = 2) writeonly buffer Dst { uint dst[]; };
layout(push_constant) uniform Params { ivec4 a; ivec4 b; vec4 c; vec4 d; } p;

void main() {
    uint x = gl_GlobalInvocationID.x, y = gl_GlobalInvocationID.y;
    if (x >= uint(p.a.x) || y >= uint(p.a.y)) return;
    uint i = y * uint(p.a.x) + x;
    uint s = src[i], t = aux[i];
    uint o = 0u;
    for (uint k = 0u; k < 32u; k += 8u) {
        float va = float((s >> k) & 0xFFu), vb = float((t >> k) & 0xFFu);
        o |= uint(clamp(floor(va + (vb - va) * p.c.x + 0.5), 0.0, 255.0)) << k;
    }
    dst[i] = o;
}
