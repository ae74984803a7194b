#pragma once
// Morton (Z-order) codes: interleaving the bits of three cell coordinates gives numbers that are
// close for cells close in space, so sorting or hashing by them keeps neighbours together.
#include <cstdint>

namespace smp {

namespace morton_detail {
// 7 bits spread to every third bit, for three lookups per coordinate.
struct SpreadTable {
  std::uint64_t bits[128];
  constexpr SpreadTable() : bits{} {
    for (std::uint64_t v = 0; v < 128; ++v)
      for (int b = 0; b < 7; ++b) bits[v] |= ((v >> b) & 1) << (3 * b);
  }
};
inline constexpr SpreadTable kSpread;
inline std::uint64_t spread(std::uint32_t v) {
  return kSpread.bits[v & 127] | kSpread.bits[(v >> 7) & 127] << 21 | kSpread.bits[(v >> 14) & 127] << 42;
}
}  // namespace morton_detail

// The code of cell (x, y, z); each coordinate's low 21 bits are used.
inline std::uint64_t morton_code(std::uint32_t x, std::uint32_t y, std::uint32_t z) {
  return morton_detail::spread(x) | morton_detail::spread(y) << 1 | morton_detail::spread(z) << 2;
}

}  // namespace smp
