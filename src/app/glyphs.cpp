#include "glyphs.h"

#include <imgui_internal.h>

#include <algorithm>
#include <bitset>
#include <memory>

#include "theme.h"

// Only to ask a font file whether it has a character, before the atlas is built from it.
// Static, like the copy in imgui_draw.cpp, so the two never clash.
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <imstb_truetype.h>

namespace recert::app {

namespace {

// What the atlas always holds: Latin-1 and the punctuation, arrows and marks the page
// writes (dashes, ellipses, ticks), and the box drawn for characters no font has.
constexpr ImWchar base_ranges[] = {0x20, 0xFF, 0x2000, 0x206F, 0x2190, 0x21FF, 0x2212, 0x2212,
                                   missing_glyph, missing_glyph, 0x2713, 0x2713, 0x2715, 0x2715};

bool in_base(unsigned c) {
    for (std::size_t i = 0; i < std::size(base_ranges); i += 2)
        if (c >= base_ranges[i] && c <= base_ranges[i + 1]) return true;
    return false;
}

struct FontFile {
    std::vector<unsigned char> bytes;
    stbtt_fontinfo info{};
    bool ok = false;
    explicit FontFile(std::vector<unsigned char> b) : bytes(std::move(b)) {
        const int offset = bytes.empty() ? -1 : stbtt_GetFontOffsetForIndex(bytes.data(), 0);
        ok = offset >= 0 && stbtt_InitFont(&info, bytes.data(), offset) != 0;
    }
    bool has(unsigned c) const { return ok && stbtt_FindGlyphIndex(&info, static_cast<int>(c)) != 0; }
};

struct State {
    std::unique_ptr<FontFile> primary;
    std::vector<FontFile> fallbacks;
    std::vector<FallbackFont> fallback_bytes;                // what fallback_fonts() hands out
    std::bitset<0x10000> seen;                               // noted once, then in one list below
    std::vector<ImWchar> extra;                              // in the atlas beyond the base
    std::vector<unsigned> unmatched, requests;               // in no loaded font; not yet asked
    bool outdated = false;
    std::vector<ImWchar> primary_ranges, fallback_ranges;
    double last_build_ms = 0;
    int builds = 0;
};
State& state() {
    static State s;
    return s;
}

bool in_fallback(const State& s, unsigned c) {
    for (const auto& f : s.fallbacks)
        if (f.has(c)) return true;
    return false;
}

void place(State& s, unsigned c) {
    if ((s.primary && s.primary->has(c)) || in_fallback(s, c)) {
        s.extra.push_back(static_cast<ImWchar>(c));
        s.outdated = true;
    } else {
        s.unmatched.push_back(c);
        s.requests.push_back(c);
    }
}

// ImGui's ranges: pairs of first and last, zero-terminated; consecutive characters merged.
void ranges_of(std::vector<ImWchar> chars, std::vector<ImWchar>& out) {
    std::sort(chars.begin(), chars.end());
    for (std::size_t i = 0; i < chars.size();) {
        std::size_t j = i;
        while (j + 1 < chars.size() && chars[j + 1] == chars[j] + 1) ++j;
        out.push_back(chars[i]);
        out.push_back(chars[j]);
        i = j + 1;
    }
    out.push_back(0);
}

}  // namespace

void set_primary_font(const std::vector<unsigned char>& ttf) { state().primary = std::make_unique<FontFile>(ttf); }

void add_fallback_font(FallbackFont font) {
    State& s = state();
    FontFile f(font.regular);
    if (!f.ok) return;  // not a font: the characters stay boxes
    s.fallback_bytes.push_back(std::move(font));
    s.fallbacks.push_back(std::move(f));
    // Those this font lacks are asked again: the browser may have another one for them.
    std::vector<unsigned> waiting;
    waiting.swap(s.unmatched);
    for (unsigned c : waiting) place(s, c);
}

const std::vector<FallbackFont>& fallback_fonts() { return state().fallback_bytes; }

void note_text(std::string_view utf8) {
    State& s = state();
    const char* p = utf8.data();
    const char* end = p + utf8.size();
    while (p < end) {
        if (static_cast<unsigned char>(*p) < 0x80) {  // ASCII, nearly all of it: always there
            ++p;
            continue;
        }
        unsigned c = 0;
        p += ImTextCharFromUtf8(&c, p, end);
        if (c > 0xFFFF || s.seen[c] || in_base(c)) continue;
        s.seen.set(c);
        place(s, c);
    }
}

std::vector<unsigned> take_requests() {
    std::vector<unsigned> r;
    r.swap(state().requests);
    return r;
}

bool atlas_outdated() { return state().outdated; }

void atlas_rebuilt(double ms) {
    State& s = state();
    s.outdated = false;
    s.last_build_ms = ms;
    ++s.builds;
}

const ImWchar* primary_ranges() {
    State& s = state();
    s.primary_ranges.assign(std::begin(base_ranges), std::end(base_ranges));
    ranges_of(s.extra, s.primary_ranges);
    return s.primary_ranges.data();
}

const ImWchar* base_glyph_ranges() {
    static const std::vector<ImWchar> ranges = [] {
        std::vector<ImWchar> r(std::begin(base_ranges), std::end(base_ranges));
        r.push_back(0);
        return r;
    }();
    return ranges.data();
}

const ImWchar* fallback_ranges() {
    State& s = state();
    s.fallback_ranges.clear();
    ranges_of(s.extra, s.fallback_ranges);
    return s.fallback_ranges.size() > 1 ? s.fallback_ranges.data() : nullptr;
}

std::string glyph_report(std::string_view utf8) {
    const Fonts& f = fonts();
    const ImFont* all[] = {f.body, f.small, f.bold, f.heading};
    std::string missing;
    const char* p = utf8.data();
    const char* end = p + utf8.size();
    while (p < end) {
        unsigned c = 0;
        p += ImTextCharFromUtf8(&c, p, end);
        if (c == '\n' || c == '\t') continue;
        for (const ImFont* font : all)
            if (!font || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) {
                missing += (missing.empty() ? "" : ",") + std::to_string(c);
                break;
            }
    }
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const State& s = state();
    return "{\"missing\":[" + missing + "],\"fallback\":" + std::to_string(f.body ? f.body->FallbackChar : 0) +
           ",\"fallbackFonts\":" + std::to_string(s.fallbacks.size()) + ",\"atlas\":{\"width\":" + std::to_string(atlas->TexWidth) +
           ",\"height\":" + std::to_string(atlas->TexHeight) + ",\"glyphs\":" + std::to_string(s.extra.size()) +
           ",\"builds\":" + std::to_string(s.builds) + ",\"lastBuildMs\":" + std::to_string(s.last_build_ms) +
           ",\"outdated\":" + (s.outdated ? "true" : "false") + "}}";
}

}  // namespace recert::app
