// Which characters the font atlas holds. Dear ImGui 1.90.1 bakes a fixed set of glyphs into
// one texture, so a character outside it would be drawn as the fallback glyph. The atlas
// starts with the Latin-1 text the page writes; characters met in the text the page shows
// (the log, every field and label) join it at the next rebuild when a loaded font has them,
// or are asked of the browser, which fetches the fallback font that covers them (the rest
// of Inter's Latin, its Greek and Cyrillic; Chinese, Japanese and Korean) and hands it back.
// A character no font has is drawn as a box (U+25A1), never as "?": the text itself is
// kept as it is, so the semantic tree, copy and a screen reader read it right.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace recert::app {

inline constexpr ImWchar missing_glyph = 0x25A1;  // WHITE SQUARE, in Inter

// The primary font's bytes (Inter: every weight covers the same characters).
void set_primary_font(const std::vector<unsigned char>& ttf);
// A fallback font from the browser, with its semibold when it has one (Inter's); the atlas
// takes the characters asked for that it has.
struct FallbackFont {
    std::vector<unsigned char> regular, semibold;
};
void add_fallback_font(FallbackFont font);
const std::vector<FallbackFont>& fallback_fonts();

// Notes the characters of text the page shows.
void note_text(std::string_view utf8);
// Characters no loaded font has, not yet asked of the browser (then forgotten until a
// fallback font arrives, when those it lacks are asked again).
std::vector<unsigned> take_requests();
// The atlas lacks characters a loaded font has: rebuild it (apply_theme) between frames.
bool atlas_outdated();
void atlas_rebuilt(double ms);

// Zero-terminated glyph ranges for ImGui: the primary font's, and the fallbacks' (null when
// no character needs them). Valid until the next note_text or atlas rebuild. A font that
// only ever draws the page's own English takes the base ranges alone.
const ImWchar* primary_ranges();
const ImWchar* fallback_ranges();
const ImWchar* base_glyph_ranges();

// Test mode: for each character of `utf8`, whether every font that draws the person's text
// (all but the welcome's large one) draws it with a glyph of its own, as JSON {"missing": [code points], "fallback": 9633, "atlas": {...}}.
std::string glyph_report(std::string_view utf8);

}  // namespace recert::app
