// Small building blocks the screens share.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dates.h"
#include "semantics.h"

namespace recert::app {

// ---- The semantic tree (semantics.h) --------------------------------------------------
// Every Dear ImGui item that has a label (a button, a field, a checkbox, a tab, a menu item)
// records a node by itself: Dear ImGui reports each one to its test-engine hooks, which
// widgets.cpp implements. So nothing interactive can be drawn without a node.
// track() then gives the last item its stable id (also its name in the browser tests),
// and the role where the label alone does not tell it (a tab, a radio button, an option).
void track(const std::string& name);
void track(const std::string& name, Role role, std::uint8_t states = 0);
// The last node's accessible name and value, where the widget's label is an icon or missing
// (a combo's label is drawn apart from it).
void name_last(const std::string& name, const std::string& value = "");
// The last node as a progress bar: `now` of `max`, read as `value` ("14.5 of 30 credits").
void progress_last(const std::string& name, double now, double max, const std::string& value);
// What a node cannot show on its own: content that is no ImGui item.
void semantic_heading(const std::string& id, const std::string& text, int level);
void semantic_text(const std::string& id, const std::string& text, Role role = Role::text);
// A node that holds the nodes recorded until end_node(): a table, its rows and cells, a list and
// its items, a radio group, a menu. Its DOM element is their parent, as a table's rows and cells
// must be for a screen reader to read them as one table. Its rectangle is what is drawn inside
// (a Dear ImGui group), or with `drawn` false the union of the nodes it holds (a row: no group
// spans a table's columns). Returns the node, to set its level or value; end_node() returns
// its rectangle.
SemanticNode& begin_node(const std::string& id, Role role, const std::string& name = "", bool drawn = true);
Rect end_node();
// Scrolls the current window so that `node` (a rectangle end_node() returned) and its own
// height either side are in view, below `top` pixels of frozen header.
void keep_in_view(const Rect& node, float top);
// The id of the DOM element that took the browser's focus since the last frame, if any.
std::optional<std::string> focus_moved();
void begin_tracking(bool test_mode, float dpr);
std::string tracked_json();  // test mode: every node's rectangle by id, for clicking like a person
// The page's natural height, for a host's frame (embed.js): each scrolling part says where its
// content would end, unscrolled, in screen pixels; content_end() is the lowest this frame.
// A list reports its rows' full height, never the space it was given, so a frame that grows
// never makes the content want more.
void content_ends_at(float screen_y);
void content_ends_here();  // the current window's cursor, unscrolled, and its bottom padding
float content_end();
Semantics& semantics();

// A text field whose DOM element is a real input: tapping it raises a phone's keyboard, and
// IME, dictation, autocorrect and paste work, as in any web form. While it has the browser's
// focus, the input leads and its text lands in `value`. `label` is the visible label drawn
// next to it; `input` says which keyboard fits. Width from SetNextItemWidth, as ImGui's.
enum class Input { text, code, decimal, numeric, date, search };
bool text_field(const std::string& id, const std::string& label, std::string& value, const char* hint = "",
                Input input = Input::text, ImGuiInputTextFlags flags = 0, float multiline_height = 0);
// Enter pressed in one of this frame's one-line fields so far: the form is sent, as a web
// form is. It comes by the field's id, after the text typed before it, so a quick Enter
// never sends the form without its last keystrokes.
bool field_entered();
// Runs what the DOM asked for (activating a button, typing into a real input) and returns
// the difference to publish. Call after the frame's widgets.
SemanticPatch end_semantics();

// The next item on this line, ending at the content's right edge. SameLine(x) would count x
// from an open group's start (begin_node draws one), and push the item past the edge.
void right_align(float width);
// True in the frame the last item is pressed down (mouse or key), before its release
// returns true: what a browser file picker needs, as it opens only inside that gesture.
bool press_started();
bool primary_button(const char* label, ImVec2 size = ImVec2(0, 0));
bool danger_button(const char* label, ImVec2 size = ImVec2(0, 0));
// A centred modal dialog without a title bar, at most `width` CSS pixels wide, shown while
// *open, named `title` for screen readers; call end_dialog() when it returns true. Call it
// every frame, open or not. `role` alertdialog: a question that interrupts (discard changes?).
bool begin_dialog(const char* id, const std::string& title, bool* open, float width, Role role = Role::dialog);
void end_dialog();
// The fields of a long dialog, scrolling above a footer that stays in view (Save and Cancel):
// begin_dialog_body(), the fields, end_dialog_body(), then the footer, then end_dialog().
// The dialog keeps the height its content needs, up to the screen's.
void begin_dialog_body(const char* id);
void end_dialog_body();
// Escape pressed for the popup or dialog being drawn: Escape closes only the innermost one,
// so it is this one's only when nothing was open above it.
bool escape_here();

// ---- Popups the ARIA way ------------------------------------------------------------------
// A combo box (ARIA's combobox and listbox): a box named `label` showing choices[current];
// open, a listbox (node `id`.list) whose options are its choices, with their ids. Arrows,
// Home and End move the highlight that the drawn list and the DOM's focus share; Enter or
// Space picks. Width from SetNextItemWidth. Returns the index picked this frame, or -1.
// With `current` no choice, the box shows `placeholder` ("Choose…") and opens on the first.
struct Choice {
    std::string id, text;
};
int combo(const std::string& id, const std::string& label, const std::vector<Choice>& choices, int current,
          const std::string& placeholder = "");
// The last item opens the popup node `popup_id` (a `kind`: menu, dialog), open or not.
void opens_popup(const std::string& popup_id, Role kind, bool open);
// A popup menu (BeginPopup) whose items are menu items in the DOM, under a menu named `name`.
bool begin_menu(const char* popup, const std::string& id, const std::string& name);
void end_menu();
// The current tab bar as a tablist node: tabs tracked between begin_tablist and end_tablist
// are its children. Call begin_tablist again (same id) to add tabs after a tab's content.
void begin_tablist(const std::string& id, const std::string& name);
void end_tablist();
// A button that shows or hides what follows it (a disclosure, as GOV.UK's details): its
// label after a chevron, aria-expanded, and while open aria-controls naming node `region`.
// Returns true when pressed; the caller keeps whether it is open.
bool disclosure(const std::string& id, const std::string& label, bool open, const std::string& region);
// A checkbox whose label wraps within the content's width (a long topic on a phone), the
// label clickable too. Starts a new line when it does not fit after the items before it.
bool wrapped_checkbox(const std::string& id, const std::string& label, bool* on, bool line_start);
// A radio button whose label wraps the same way (a long choice in a phone's dialog); true when
// pressed, the label clicked too.
bool wrapped_radio(const std::string& id, const std::string& label, bool active);
// An icon with a tooltip; `name` is what a screen reader says ("Delete “Ethics webinar”"), the tip by default.
bool icon_button(const char* icon, const char* id, const char* tip, const std::string& name = "");
// The message under a field; `field` is the id of the field's node, which it marks invalid.
void field_error(const std::string& message, const std::string& field = "");
// A line of reading (a sentence, a date, a fee), wrapped, and in the semantic tree as text
// too: Dear ImGui's text has no id, so its hooks never see it, and a screen reader would
// hear nothing of what the canvas says. muted() is the same in the muted colour.
void say(const std::string& text);
void say(const std::string& text, const ImVec4& colour);
void muted(const char* fmt, ...) IM_FMTARGS(1);
void help_tip(const std::string& text);  // an (i) that explains on hover
// A date as typed (YYYY-MM-DD) with a calendar to pick from, named `label`. True when it
// changed. `today` is where the calendar opens when the field holds no date.
bool date_input(const char* id, const std::string& label, std::string& iso, float width, Date today);
// A filled bar: `value` of 1 is full; `ahead` shades the part planned activities would add.
void progress_bar(float value, float ahead, const ImVec4& colour, float height);
// Text with a coloured background that stays readable without colour: the icon says it too.
void status_pill(const char* icon, const std::string& text, const ImVec4& colour);
// One line of `text` in `colour`, ending in an ellipsis (…) where it would pass `width`
// rather than cut mid-glyph. True when it was shortened: the whole text is then for a tooltip.
bool ellipsized(const std::string& text, float width, const ImVec4& colour);
// Pills in `colour`, one per text, filling the line and wrapping to the next where the next
// would pass the content's edge; one wider than the line ends in an ellipsis (then true).
bool chips(const std::vector<std::string>& texts, const ImVec4& colour);
// A tooltip of `text`, wrapped: at the mouse, or at `at` (screen pixels) when the keyboard's
// focus calls for it. Recorded as tooltip node `id` at the page's root, as a DOM tooltip is.
void tooltip(const std::string& id, const std::string& text, const ImVec2* at = nullptr);

}  // namespace recert::app
