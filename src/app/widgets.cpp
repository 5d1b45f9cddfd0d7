#include "widgets.h"

#include <imgui_internal.h>
#include <imgui_stdlib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdarg>
#include <cstdio>

#include "format.h"
#include "icons.h"
#include "theme.h"

namespace recert::app {

namespace {
bool tracking = false;
float tracking_dpr = 1;
nlohmann::json rects = nlohmann::json::object();
}  // namespace

void begin_tracking(bool enabled, float dpr) {
    tracking = enabled;
    tracking_dpr = dpr;
    if (enabled) rects = nlohmann::json::object();
}

void track(const std::string& name) {
    if (!tracking || !ImGui::IsItemVisible()) return;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    rects[name] = {{"x", a.x / tracking_dpr}, {"y", a.y / tracking_dpr}, {"w", (b.x - a.x) / tracking_dpr}, {"h", (b.y - a.y) / tracking_dpr}};
}

std::string tracked_json() { return rects.dump(); }

bool press_started() {
    return ImGui::IsItemActivated() || (ImGui::IsItemHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) ||
           (ImGui::IsItemFocused() && (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_Space, false)));
}

namespace {
bool filled_button(const char* label, const ImVec4& fill, ImVec2 size) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Button, fill);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, mix(fill, p.text, 0.15f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, mix(fill, p.text, 0.3f));
    ImGui::PushStyleColor(ImGuiCol_Text, p.on_primary);
    ImGui::PushStyleColor(ImGuiCol_Border, fill);
    const bool pressed = ImGui::Button(label, size);
    ImGui::PopStyleColor(5);
    return pressed;
}
}  // namespace

bool primary_button(const char* label, ImVec2 size) { return filled_button(label, palette().primary, size); }
bool danger_button(const char* label, ImVec2 size) { return filled_button(label, palette().late, size); }

bool begin_dialog(const char* id, bool* open, float width) {
    const ImVec2 vp = ImGui::GetMainViewport()->Size;
    ImGui::SetNextWindowPos(ImVec2(vp.x / 2, vp.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(px(width), vp.x - px(24)), 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(vp.x, vp.y - px(24)));
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(24), px(20)));
    const bool shown = ImGui::BeginPopupModal(id, open, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleVar();
    return shown;
}

bool icon_button(const char* icon, const char* id, const char* tip) {
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
    const bool pressed = ImGui::Button(icon);
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("%s", tip);
    ImGui::PopID();
    return pressed;
}

void field_error(const std::string& message) {
    if (message.empty()) return;
    ImGui::PushFont(fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().late);
    ImGui::TextWrapped(ICON_EXCLAMATION_CIRCLE " %s", message.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void muted(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
    ImGui::TextWrappedV(fmt, args);
    ImGui::PopStyleColor();
    va_end(args);
}

void help_tip(const std::string& text) {
    ImGui::SameLine();
    ImGui::TextColored(palette().muted, ICON_INFO);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNone)) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(px(380));
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

bool date_input(const char* label, std::string& iso, float width, Date today) {
    ImGui::PushID(label);
    bool changed = false;
    const float button = ImGui::GetFrameHeight() + px(6);
    ImGui::SetNextItemWidth(width - button - ImGui::GetStyle().ItemInnerSpacing.x);
    changed |= ImGui::InputTextWithHint("##iso", "YYYY-MM-DD", &iso, ImGuiInputTextFlags_CharsNoBlank);
    track(std::string(label) + ".text");
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    // The month this field's calendar shows, kept per field in ImGui's storage (days since 1970).
    ImGuiStorage& storage = *ImGui::GetStateStorage();
    const ImGuiID shown_id = ImGui::GetID("shown");
    Date shown{date::sys_days{date::days{storage.GetInt(shown_id, 0)}}};
    if (ImGui::Button(ICON_CALENDAR, ImVec2(button, 0))) {
        shown = parse_date(iso).value_or(today);
        ImGui::OpenPopup("calendar");
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("Pick a date");
    track(std::string(label) + ".calendar");
    if (ImGui::BeginPopup("calendar")) {
        const auto ym = date::year_month{shown.year(), shown.month()};
        if (ImGui::Button(ICON_CHEVRON_LEFT)) shown = Date{(ym - date::months{1}) / date::day{1}};
        ImGui::SameLine();
        ImGui::PushFont(fonts().bold);
        const std::string title = month_in_words(ym);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (px(7 * 40) - ImGui::CalcTextSize(title.c_str()).x) / 2 - px(30));
        ImGui::TextUnformatted(title.c_str());
        ImGui::PopFont();
        ImGui::SameLine(px(7 * 40) - px(10));
        if (ImGui::Button(ICON_CHEVRON_RIGHT)) shown = Date{(ym + date::months{1}) / date::day{1}};
        if (ImGui::BeginTable("days", 7, ImGuiTableFlags_SizingFixedSame)) {
            for (const char* d : {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}) {
                ImGui::TableNextColumn();
                ImGui::TextColored(palette().muted, "%s", d);
            }
            const date::sys_days first{ym / date::day{1}};
            const unsigned lead = (date::weekday{first}.c_encoding() + 6) % 7;
            for (unsigned i = 0; i < lead; ++i) ImGui::TableNextColumn();
            const unsigned last = static_cast<unsigned>(date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day());
            const auto picked = parse_date(iso);
            for (unsigned d = 1; d <= last; ++d) {
                ImGui::TableNextColumn();
                const Date day{ym.year(), ym.month(), date::day{d}};
                char buf[8];
                std::snprintf(buf, sizeof buf, "%u", d);
                if (ImGui::Selectable(buf, picked && *picked == day, 0, ImVec2(px(30), 0))) {
                    iso = to_iso(day);
                    changed = true;
                    ImGui::CloseCurrentPopup();
                }
            }
            ImGui::EndTable();
        }
        ImGui::EndPopup();
    }
    storage.SetInt(shown_id, static_cast<int>(date::sys_days{shown}.time_since_epoch().count()));
    ImGui::PopID();
    return changed;
}

void progress_bar(float value, float ahead, const ImVec4& colour, float height) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 b(a.x + w, a.y + height);
    const float r = height / 2;
    dl->AddRectFilled(a, b, col(palette().surface_alt), r);
    auto fill = [&](float v, ImU32 c) {
        v = ImClamp(v, 0.0f, 1.0f);
        if (v > 0) dl->AddRectFilled(a, ImVec2(a.x + std::max(height, w * v), b.y), c, r);
    };
    fill(ahead, col(colour, 0.3f));
    fill(value, col(colour));
    ImGui::Dummy(ImVec2(w, height));
}

void status_pill(const char* icon, const std::string& text, const ImVec4& colour) {
    const std::string label = std::string(icon) + "  " + text;
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    const ImVec2 pad(px(10), px(4));
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + size.x + 2 * pad.x, a.y + size.y + 2 * pad.y), col(colour, 0.14f), px(20));
    dl->AddText(ImVec2(a.x + pad.x, a.y + pad.y), col(colour), label.c_str());
    ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
}

}  // namespace recert::app
