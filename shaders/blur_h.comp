#version 450
// Separable Gaussian blur, horizontal pass: RGBA8 in, one vec4 of floats per pixel out (kept unrounded for the
// vertical pass). a = (width, height, radius); aux holds 2 * radius + 1 float weights. Edges clamp.
layout(local_size_x = 16, local_size_y = 16) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) readonly buffer Aux { float weights[]; };
layout(std430, binding = 2) writeonly buffer Dst { vec4 dst[]; };
layout(push_constant) uniform Params { ivec4 a; ivec4 b; vec4 c; vec4 d; } p;

void main() {
    int x = int(gl_GlobalInvocationID.x), y = int(gl_GlobalInvocationID.y);
    int w = p.a.x, h = p.a.y, r = p.a.z;
    if (x >= w || y >= h) return;
    vec4 sum = vec4(0.0);
    for (int k = -r; k <= r; k++) {
        uint v = src[y * w + clamp(x + k, 0, w - 1)];
        sum += weights[k + r] * vec4(float(v & 0xFFu), float((v >> 8) & 0xFFu), float((v >> 16) & 0xFFu), float(v >> 24));
    }
    dst[y * w + x] = sum;
}
