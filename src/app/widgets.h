// Small building blocks the screens share.
#pragma once
#include <imgui.h>

#include <string>

#include "dates.h"

namespace recert::app {

// In test mode, remembers the last item's rectangle (CSS pixels) under `name`,
// so browser tests can click what a person would click.
void track(const std::string& name);
void begin_tracking(bool enabled, float dpr);
std::string tracked_json();

// True in the frame the last item is pressed down (mouse or key), before its release
// returns true: what a browser file picker needs, as it opens only inside that gesture.
bool press_started();
bool primary_button(const char* label, ImVec2 size = ImVec2(0, 0));
bool danger_button(const char* label, ImVec2 size = ImVec2(0, 0));
// A centred modal dialog without a title bar, at most `width` CSS pixels wide; call
// ImGui::EndPopup when it returns true.
bool begin_dialog(const char* id, bool* open, float width);
bool icon_button(const char* icon, const char* id, const char* tip);
void field_error(const std::string& message);
void muted(const char* fmt, ...) IM_FMTARGS(1);
void help_tip(const std::string& text);  // an (i) that explains on hover
// A date as typed (YYYY-MM-DD) with a calendar to pick from. True when it changed.
// `today` is where the calendar opens when the field holds no date.
bool date_input(const char* label, std::string& iso, float width, Date today);
// A filled bar: `value` of 1 is full; `ahead` shades the part planned activities would add.
void progress_bar(float value, float ahead, const ImVec4& colour, float height);
// Text with a coloured background that stays readable without colour: the icon says it too.
void status_pill(const char* icon, const std::string& text, const ImVec4& colour);

}  // namespace recert::app
