// The colours the canvas draws text in, against every background it draws them on, in both
// themes: WCAG 2.1 AA, 4.5:1 for text, 3:1 for the focus ring against what it surrounds.
#include <doctest/doctest.h>

#include <string>

#include "palette.h"

using namespace recert::app;

namespace {
void check_theme(const char* theme, const Colours& c) {
    const Rgb row_alt = blend(c.surface, c.surface_alt, row_alt_tint);
    const struct { const char* name; Rgb rgb; } grounds[] = {
        {"bg", c.bg}, {"surface", c.surface}, {"surface_alt", c.surface_alt}, {"alternate row", row_alt}};
    const struct { const char* name; Rgb rgb; } inks[] = {
        {"text", c.text}, {"muted", c.muted},  {"primary", c.primary}, {"met", c.met},
        {"risk", c.risk}, {"late", c.late}, {"planned", c.planned}};
    for (const auto& ink : inks) {
        for (const auto& ground : grounds) {
            CAPTURE(std::string(theme) + ": " + ink.name + " on " + ground.name);
            CHECK(contrast(ink.rgb, ground.rgb) >= 4.5);
        }
        // A status pill (the phase, dashboard.cpp): the colour's words on its own tint, on the card.
        CAPTURE(std::string(theme) + ": " + ink.name + " pill");
        CHECK(contrast(ink.rgb, blend(c.surface, ink.rgb, pill_tint)) >= 4.5);
    }
    CAPTURE(theme);
    CHECK(contrast(c.on_primary, c.primary) >= 4.5);  // a primary button's label
    CHECK(contrast(c.on_primary, c.late) >= 4.5);     // a danger button's label
    for (const auto& ground : grounds) CHECK(contrast(c.focus, ground.rgb) >= 3.0);
}
}  // namespace

TEST_CASE("Palette: the contrast ratio is WCAG's (black on white 21, a colour on itself 1)") {
    CHECK(contrast(0x000000, 0xFFFFFF) == doctest::Approx(21.0));
    CHECK(contrast(0x777777, 0x777777) == doctest::Approx(1.0));
    CHECK(contrast(0x767676, 0xFFFFFF) == doctest::Approx(4.54).epsilon(0.01));  // the known AA grey
    CHECK(blend(0x000000, 0xFFFFFF, 0.5f) == 0x808080);
}

TEST_CASE("Palette: every text colour reads at 4.5:1 on every background, light and dark") {
    check_theme("light", light_colours);
    check_theme("dark", dark_colours);
}

TEST_CASE("Palette: a host's accent is kept when it reads, and darkened or lightened until it does") {
    // NAMSS-like blue reads on the light theme's backgrounds as it is.
    CHECK(with_accent(light_colours, 0x005A9C).primary == 0x005A9C);
    for (const Rgb accent : {Rgb{0x005A9C}, Rgb{0xFFCC00}, Rgb{0xFFFFFF}, Rgb{0x000000}, Rgb{0x777777}, Rgb{0x00FF00}, Rgb{0xE4002B}}) {
        CAPTURE(accent);
        const Colours light = with_accent(light_colours, accent), dark = with_accent(dark_colours, accent);
        check_theme("light with accent", light);
        check_theme("dark with accent", dark);
        CHECK(light.focus == light.primary);
    }
    // Yellow on white cannot read: it is darkened, not dropped.
    const Rgb yellow = with_accent(light_colours, 0xFFCC00).primary;
    CHECK(yellow != 0xFFCC00);
    CHECK(yellow != light_colours.text);
}
