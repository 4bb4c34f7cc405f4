#version 450
// Separable Gaussian blur, one pass: a = (width, height, radius, pass). aux holds 2 * radius + 1 float weights.
// pass 0 (horizontal): RGBA8 in, 4 floats per pixel out; pass 1 (vertical): 4 floats in, RGBA8 out. Edges clamp.
layout(local_size_x = 16, local_size_y = 16) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) readonly buffer Aux { float weights[]; };
layout(std430, binding = 2) writeonly buffer Dst { uint dst[]; };
layout(push_constant) uniform Params { ivec4 a; ivec4 b; vec4 c; vec4 d; } p;

void main() {
    int x = int(gl_GlobalInvocationID.x), y = int(gl_GlobalInvocationID.y);
    int w = p.a.x, h = p.a.y, r = p.a.z;
    if (x >= w || y >= h) return;
    vec4 sum = vec4(0.0);
    if (p.a.w == 0) {
        for (int k = -r; k <= r; k++) {
            uint v = src[y * w + clamp(x + k, 0, w - 1)];
            sum += weights[k + r] * vec4(float(v & 0xFFu), float((v >> 8) & 0xFFu), float((v >> 16) & 0xFFu), float(v >> 24));
        }
        uint o = uint(y * w + x) * 4u;
        dst[o] = floatBitsToUint(sum.x); dst[o + 1u] = floatBitsToUint(sum.y);
        dst[o + 2u] = floatBitsToUint(sum.z); dst[o + 3u] = floatBitsToUint(sum.w);
    } else {
        for (int k = -r; k <= r; k++) {
            uint o = uint(clamp(y + k, 0, h - 1) * w + x) * 4u;
            sum += weights[k + r] * vec4(uintBitsToFloat(src[o]), uintBitsToFloat(src[o + 1u]),
                    uintBitsToFloat(src[o + 2u]), uintBitsToFloat(src[o + 3u]));
        }
        uvec4 u = uvec4(clamp(floor(sum + 0.5), 0.0, 255.0));
        dst[y * w + x] = u.x | (u.y << 8) | (u.z << 16) | (u.w << 24);
    }
}
