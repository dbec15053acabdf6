#include <catch2/catch.hpp>

#include "support/sha256.h"
#include "support/text.h"

TEST_CASE("sha256 matches the FIPS 180-4 examples") {
  CHECK(clause::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(clause::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(clause::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // 55 and 56 bytes straddle the one-block / two-block padding boundary.
  CHECK(clause::sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(clause::sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
}

TEST_CASE("edit distance and suggestions") {
  CHECK(clause::edit_distance("busines", "business") == 1);
  CHECK(clause::edit_distance("", "abc") == 3);
  std::vector<std::string> plans{"basic", "business", "premium"};
  CHECK(clause::closest_match("busines", plans) == "business");
  CHECK(clause::closest_match("premum", plans) == "premium");
  CHECK_FALSE(clause::closest_match("gold", plans).has_value());
}

TEST_CASE("json escaping") {
  CHECK(clause::json_quote("a\"b\\c\n\x01") == "\"a\\\"b\\\\c\\n\\u0001\"");
}
