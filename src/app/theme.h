// Colours, fonts and spacing: one look for the whole page, light or dark.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace recert::app {

struct Palette {
    ImVec4 bg, surface, surface_alt, text, muted, primary, on_primary, border, met, risk, late, planned, focus;
};

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    ImFont* big = nullptr;  // the welcome's line only: the base characters (glyphs.h)
    ImFont* small = nullptr;
};

struct FontData {
    std::vector<unsigned char> regular, semibold, icons;
};

const Palette& palette();
const Fonts& fonts();
// Rebuilds fonts at this pixel density and text size, and the style for the palette.
// Call between frames: it replaces the font atlas.
// `accent`: a host's colour for the primary and focus colours (config.h), made to read.
void apply_theme(const FontData& data, float dpr, float text_scale, bool dark, std::optional<std::uint32_t> accent);
// Scales a length in CSS pixels at text size 1 to screen pixels now.
float px(float css);

ImU32 col(const ImVec4& c, float alpha = 1.0f);
inline ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t);
}

}  // namespace recert::app
