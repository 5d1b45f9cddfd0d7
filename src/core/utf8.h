// UTF-8 checks for text that came from outside. Everything the core keeps or shows must be
// valid UTF-8: nlohmann::json refuses to serialise anything else (it throws), and a message
// that quotes half a character shows garbage.
#pragma once
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace recert {

// Length of the well-formed UTF-8 sequence starting at s[i] (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), or 0 if the bytes there are not one.
inline std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80) return 1;
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + n > s.size() || b(i + 1) < lo || b(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
    return n;
}

// Where the first byte that is not well-formed UTF-8 is, or npos when all of it is.
inline std::size_t utf8_error_at(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence(s, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

// At most `max_bytes` of s for quoting in a message: cut on a character boundary, every byte
// that is not UTF-8 shown as U+FFFD, and "..." when something was cut off.
inline std::string utf8_excerpt(std::string_view s, std::size_t max_bytes) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_sequence(s, i);
        const std::string_view piece = n ? s.substr(i, n) : std::string_view("\xEF\xBF\xBD");
        if (out.size() + piece.size() > max_bytes) return out + "...";
        out += piece;
        i += n ? n : 1;
    }
    return out;
}

// Characters as a person counts them (code points; combining marks and wide scripts aside),
// for text columns: a byte count misaligns accented titles and can split a character.
inline std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) i += std::max<std::size_t>(1, utf8_sequence(s, i));
    return n;
}

// The first `max_chars` characters of s, never half of one.
inline std::string utf8_cut(std::string_view s, std::size_t max_chars) {
    std::size_t i = 0;
    for (std::size_t shown = 0; i < s.size() && shown < max_chars; ++shown) i += std::max<std::size_t>(1, utf8_sequence(s, i));
    return std::string(s.substr(0, i));
}

}  // namespace recert
