#version 450
// Colour adjust of RGBA8 (alpha kept): a = (width, height), c = (brightness, contrast, saturation, 1/gamma).
// v' = ((v - 0.5) * contrast + 0.5 + brightness), saturation around Rec.709 luma, clamp, then v'^(1/gamma).
layout(local_size_x = 16, local_size_y = 16) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) readonly buffer Aux { uint aux[]; };
layout(std430, binding = 2) writeonly buffer Dst { uint dst[]; };
layout(push_constant) uniform Params { ivec4 a; ivec4 b; vec4 c; vec4 d; } p;

void main() {
    uint x = gl_GlobalInvocationID.x, y = gl_GlobalInvocationID.y;
    if (x >= uint(p.a.x) || y >= uint(p.a.y)) return;
    uint i = y * uint(p.a.x) + x;
    uint v = src[i];
    vec3 c = vec3(float(v & 0xFFu), float((v >> 8) & 0xFFu), float((v >> 16) & 0xFFu)) / 255.0;
    c = (c - 0.5) * p.c.y + 0.5 + p.c.x;
    float luma = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
    c = luma + (c - luma) * p.c.z;
    c = clamp(c, 0.0, 1.0);
    c = pow(c, vec3(p.c.w));
    uvec3 u = uvec3(clamp(floor(c * 255.0 + 0.5), 0.0, 255.0));
    dst[i] = u.x | (u.y << 8) | (u.z << 16) | (v & 0xFF000000u);
}
