// The page's colours as plain values, light and dark, and the WCAG contrast ratio they are
// chosen by. No Dear ImGui here, so tests/model/palette_test.cpp checks every pair the page
// draws text with (axe cannot: the visible text is the canvas's, not the DOM's).
#pragma once
#include <cmath>
#include <cstdint>

namespace recert::app {

using Rgb = std::uint32_t;  // 0xRRGGBB

struct Colours {
    Rgb bg, surface, surface_alt, text, muted, primary, on_primary, border, met, risk, late, planned, focus;
};

inline constexpr Colours light_colours{0xF3F5F8, 0xFFFFFF, 0xEEF1F5, 0x17202B, 0x505B69, 0x1F5FD6, 0xFFFFFF,
                                       0xD9DEE5, 0x137543, 0x915600, 0xC2292E, 0x6B4FBB, 0x1F5FD6};
inline constexpr Colours dark_colours{0x0F1319, 0x171D25, 0x1F2631, 0xE7EBF0, 0xA3ADBA, 0x6E9CF5, 0x0B1220,
                                      0x2C3541, 0x48C785, 0xF0B44C, 0xFF7A7A, 0xB49CFF, 0x8DB3FF};

// A status pill's background: its colour at this much over the surface (widgets.cpp).
inline constexpr float pill_tint = 0.14f;
// The table's alternate rows: halfway from the surface to surface_alt (theme.cpp).
inline constexpr float row_alt_tint = 0.5f;

// `a` moved toward `b` by t, per channel, as the GPU blends them.
inline Rgb blend(Rgb a, Rgb b, float t) {
    Rgb out = 0;
    for (int shift : {16, 8, 0}) {
        const float x = static_cast<float>((a >> shift) & 0xff), y = static_cast<float>((b >> shift) & 0xff);
        out |= static_cast<Rgb>(std::lround(x + (y - x) * t)) << shift;
    }
    return out;
}

// WCAG 2's contrast ratio, from 1 (none) to 21 (black on white).
inline double contrast(Rgb a, Rgb b) {
    auto luminance = [](Rgb c) {
        double l = 0;
        const double weight[] = {0.2126, 0.7152, 0.0722};
        int k = 0;
        for (int shift : {16, 8, 0}) {
            const double s = ((c >> shift) & 0xff) / 255.0;
            l += weight[k++] * (s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4));
        }
        return l;
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::fmax(la, lb) + 0.05) / (std::fmin(la, lb) + 0.05);
}

// The palette with a host's accent colour (config.h) as its primary and focus colour: moved
// toward the theme's text colour, as little as needed, until it reads at 4.5:1 on every
// background and on its own pill tint, and a primary button's label reads at 4.5:1 on it.
// The text colour passes all of these (palette_test.cpp), so the search always ends.
inline Colours with_accent(Colours c, Rgb accent) {
    const Rgb grounds[] = {c.bg, c.surface, c.surface_alt, blend(c.surface, c.surface_alt, row_alt_tint)};
    auto reads = [&](Rgb ink) {
        for (Rgb g : grounds)
            if (contrast(ink, g) < 4.5) return false;
        return contrast(ink, blend(c.surface, ink, pill_tint)) >= 4.5 && contrast(c.on_primary, ink) >= 4.5;
    };
    Rgb ink = accent;
    for (int step = 1; step <= 20 && !reads(ink); ++step) ink = blend(accent, c.text, static_cast<float>(step) / 20);
    c.primary = c.focus = ink;
    return c;
}

}  // namespace recert::app
