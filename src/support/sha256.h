// SHA-256 (FIPS 180-4), for the decision's `revision`: which policy text decided.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace clause {

std::array<std::uint8_t, 32> sha256(std::string_view data);

// Lower-case hex of the digest.
std::string sha256_hex(std::string_view data);

}  // namespace clause
