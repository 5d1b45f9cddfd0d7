// Small text helpers the core, the CLI and the page share.
#pragma once
#include <string>

namespace recert {

// ASCII case folding, as the C locale does it: the same in every build (native or
// WebAssembly) whatever locale the process runs in. Other bytes stay as they are.
constexpr char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline std::string lower(std::string s) {
    for (auto& c : s) c = lower(c);
    return s;
}

// The first letter in upper case ("hours" -> "Hours"), for a word used as a heading.
inline std::string capitalized(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

}  // namespace recert
