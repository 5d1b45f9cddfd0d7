#include "theme.h"

#include <GLES3/gl3.h>
#include <imgui_impl_opengl3.h>

#include "glyphs.h"
#include "palette.h"

namespace recert::app {

namespace {
Palette current;
Fonts loaded;
float scale = 1.0f;

ImVec4 hex(Rgb rgb) {
    return ImVec4(((rgb >> 16) & 0xff) / 255.0f, ((rgb >> 8) & 0xff) / 255.0f, (rgb & 0xff) / 255.0f, 1.0f);
}

Palette from(const Colours& c) {
    return {hex(c.bg),     hex(c.surface), hex(c.surface_alt), hex(c.text), hex(c.muted),   hex(c.primary), hex(c.on_primary),
            hex(c.border), hex(c.met),     hex(c.risk),        hex(c.late), hex(c.planned), hex(c.focus)};
}

// own_text: the font holds no characters beyond the base (glyphs.h). The welcome's large line
// draws only the page's own English: ideographs at that size would take as much of the atlas
// as all the other sizes together.
ImFont* add(const std::vector<unsigned char>& ttf, const std::vector<unsigned char>& icons, float size, bool semibold,
            bool own_text = false) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the atlas is rebuilt on every density change
    cfg.OversampleH = 2;
    ImFont* f = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(ttf.data()), static_cast<int>(ttf.size()), size, &cfg,
                                               own_text ? base_glyph_ranges() : primary_ranges());
    f->FallbackChar = missing_glyph;  // a box, not ImGui's "?"
    static const ImWchar icon_ranges[] = {0xf000, 0xf2ff, 0};
    ImFontConfig merge;
    merge.FontDataOwnedByAtlas = false;
    merge.MergeMode = true;
    merge.GlyphMinAdvanceX = size;  // icons line up in columns
    merge.GlyphOffset = ImVec2(0, size * 0.05f);
    if (!icons.empty())
        io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(icons.data()), static_cast<int>(icons.size()), size * 0.9f,
                                       &merge, icon_ranges);
    // Characters beyond Inter's Latin-1, from the fallback fonts: only those the page has shown.
    // Inter's own (Greek, Cyrillic...) are oversampled as its Latin is; ideographs are wide and
    // dense enough to need none, which would double their area.
    if (const ImWchar* ranges = own_text ? nullptr : fallback_ranges()) {
        for (const auto& fallback : fallback_fonts()) {
            const bool has_weights = !fallback.semibold.empty();
            const auto& bytes = semibold && has_weights ? fallback.semibold : fallback.regular;
            ImFontConfig more;
            more.FontDataOwnedByAtlas = false;
            more.MergeMode = true;
            more.OversampleH = has_weights ? 2 : 1;
            io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size()), size, &more, ranges);
        }
    }
    return f;
}
}  // namespace

const Palette& palette() { return current; }
const Fonts& fonts() { return loaded; }
float px(float css) { return css * scale; }
ImU32 col(const ImVec4& c, float alpha) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

void apply_theme(const FontData& data, float dpr, float text_scale, bool is_dark, std::optional<Rgb> accent) {
    scale = dpr * text_scale;
    const Colours& base = is_dark ? dark_colours : light_colours;
    current = from(accent ? with_accent(base, *accent) : base);
    ImGuiIO& io = ImGui::GetIO();
    // Thousands of distinct ideographs at a phone's density could outgrow the largest texture
    // the GPU takes (WebGL2 promises only 2048 pixels a side); then the small and heading
    // sizes, and at last every size, do without the characters beyond the base, which are
    // drawn as boxes there rather than the whole text as garbage.
    GLint max_texture = 2048;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_texture);
    for (int shed = 0; shed < 3; ++shed) {
        io.Fonts->Clear();
        if (!data.regular.empty()) {
            const auto& semibold = data.semibold.empty() ? data.regular : data.semibold;
            loaded.body = add(data.regular, data.icons, px(16), false, shed > 1);
            loaded.small = add(data.regular, data.icons, px(13.5f), false, shed > 0);
            loaded.bold = add(semibold, data.icons, px(16), true, shed > 1);
            loaded.heading = add(semibold, data.icons, px(21), true, shed > 0);
            loaded.big = add(semibold, data.icons, px(30), true, true);
        } else {
            ImFontConfig cfg;
            cfg.SizePixels = px(16);
            loaded.body = loaded.small = loaded.bold = loaded.heading = loaded.big = io.Fonts->AddFontDefault(&cfg);
        }
        io.FontDefault = loaded.body;
        io.Fonts->Build();
        if (io.Fonts->TexWidth <= max_texture && io.Fonts->TexHeight <= max_texture) break;
    }
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();

    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    const Palette& p = current;
    style.WindowPadding = ImVec2(20, 18);
    style.FramePadding = ImVec2(10, 7);
    style.ItemSpacing = ImVec2(10, 10);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(8, 7);
    style.ScrollbarSize = 14;
    style.GrabMinSize = 12;
    style.WindowRounding = 10;
    style.ChildRounding = 10;
    style.FrameRounding = 7;
    style.PopupRounding = 8;
    style.ScrollbarRounding = 8;
    style.GrabRounding = 6;
    style.TabRounding = 7;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 1;
    style.ScaleAllSizes(scale);
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.muted;
    c[ImGuiCol_WindowBg] = p.bg;
    c[ImGuiCol_ChildBg] = p.surface;
    c[ImGuiCol_PopupBg] = p.surface;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = p.surface;
    c[ImGuiCol_FrameBgHovered] = p.surface_alt;
    c[ImGuiCol_FrameBgActive] = p.surface_alt;
    c[ImGuiCol_Button] = p.surface_alt;
    c[ImGuiCol_ButtonHovered] = mix(p.surface_alt, p.primary, 0.18f);
    c[ImGuiCol_ButtonActive] = mix(p.surface_alt, p.primary, 0.3f);
    c[ImGuiCol_Header] = mix(p.surface, p.primary, 0.12f);
    c[ImGuiCol_HeaderHovered] = mix(p.surface, p.primary, 0.18f);
    c[ImGuiCol_HeaderActive] = mix(p.surface, p.primary, 0.25f);
    c[ImGuiCol_CheckMark] = p.primary;
    c[ImGuiCol_SliderGrab] = p.primary;
    c[ImGuiCol_SliderGrabActive] = p.primary;
    c[ImGuiCol_Tab] = p.surface_alt;
    c[ImGuiCol_TabHovered] = mix(p.surface_alt, p.primary, 0.2f);
    c[ImGuiCol_TabActive] = p.surface;
    c[ImGuiCol_TabUnfocused] = p.surface_alt;
    c[ImGuiCol_TabUnfocusedActive] = p.surface;
    c[ImGuiCol_TableHeaderBg] = p.surface_alt;
    c[ImGuiCol_TableBorderStrong] = p.border;
    c[ImGuiCol_TableBorderLight] = p.border;
    c[ImGuiCol_TableRowBg] = p.surface;
    c[ImGuiCol_TableRowBgAlt] = mix(p.surface, p.surface_alt, row_alt_tint);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = p.border;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.05f, 0.07f, 0.1f, 0.45f);
    c[ImGuiCol_NavHighlight] = p.focus;
    c[ImGuiCol_TextSelectedBg] = mix(p.surface, p.primary, 0.35f);
    c[ImGuiCol_PlotHistogram] = p.primary;
    ImGui::GetStyle() = style;
}

}  // namespace recert::app
