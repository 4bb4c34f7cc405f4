#version 450
// Separable Gaussian blur, vertical pass: the horizontal pass's vec4 per pixel in, RGBA8 out.
// a = (width, height, radius); aux holds 2 * radius + 1 float weights. Edges clamp.
layout(local_size_x = 16, local_size_y = 16) in;
layout(std430, binding = 0) readonly buffer Src { vec4 src[]; };
layout(std430, binding = 1) readonly buffer Aux { float weights[]; };
layout(std430, binding = 2) writeonly buffer Dst { uint dst[]; };
layout(push_constant) uniform Params { ivec4 a; ivec4 b; vec4 c; vec4 d; } p;

void main() {
    int x = int(gl_GlobalInvocationID.x), y = int(gl_GlobalInvocationID.y);
    int w = p.a.x, h = p.a.y, r = p.a.z;
    if (x >= w || y >= h) return;
    vec4 sum = vec4(0.0);
    for (int k = -r; k <= r; k++) {
        sum += weights[k + r] * src[clamp(y + k, 0, h - 1) * w + x];
    }
    uvec4 u = uvec4(clamp(floor(sum + 0.5), 0.0, 255.0));
    dst[y * w + x] = u.x | (u.y << 8) | (u.z << 16) | (u.w << 24);
}
