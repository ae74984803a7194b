#version 330 core
// One triangle that covers the screen (its corners at (-1,-1), (3,-1), (-1,3)), for passes that
// shade every pixel: the backdrop, edge smoothing. No vertex buffer needed.
out vec2 v_uv;  // (0, 0) at the bottom left of the screen, (1, 1) at the top right

void main() {
  vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  v_uv = corner;
  gl_Position = vec4(corner * 2.0 - 1.0, 1.0, 1.0);  // on the far plane: behind everything
}
