#include "widgets.h"

#include <imgui_internal.h>
#include <imgui_stdlib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <optional>
#include <unordered_map>

#include "format.h"
#include "palette.h"
#include "icons.h"
#include "theme.h"

namespace recert::app {

namespace {
// ---- The semantic tree ---------------------------------------------------------------------
Semantics tree;
bool test_mode = false;
float css_per_pixel = 1;
ImGuiID window_item = 0;  // Begin() reports windows as items too: those are not widgets
struct Open {
    std::size_t index;  // in tree.recording: the vector grows, so no reference
    bool drawn;
};
std::vector<Open> open_nodes;
int popups_last_frame = 0;  // popups open when the last frame ended: which one an Escape is for
int menu_depth = 0;         // inside begin_menu: items are menu items
bool entered = false;       // Enter pressed in a one-line real input this frame
std::unordered_map<std::string, int> said;  // say()'s ids this frame, to number repeats

// The scrolling body of a dialog being drawn (begin_dialog_body), and the node that took the
// DOM's focus, to scroll to.
ImGuiWindow* body_window = nullptr;
std::string body_focus;

Rect css(ImRect r) {
    // In a dialog's body every item has a node, scrolled out of view or not (Tab reaches
    // it); one out of view is cut to the part in view, none, so it takes no taps.
    if (body_window && ImGui::GetCurrentContext()->CurrentWindow == body_window) r.ClipWithFull(body_window->InnerClipRect);
    return {r.Min.x * css_per_pixel, r.Min.y * css_per_pixel, r.GetWidth() * css_per_pixel, r.GetHeight() * css_per_pixel};
}

// A label as a person reads it: without "##id" and the icon font's glyphs (U+F000 to U+F2FF).
std::string visible_words(const char* label) {
    std::string out;
    for (const char* c = label; *c; ++c) {
        if (c[0] == '#' && c[1] == '#') break;
        const auto b = static_cast<unsigned char>(*c);
        const auto b1 = static_cast<unsigned char>(c[1]);
        if (b == 0xEF && b1 >= 0x80 && b1 <= 0x8B && c[2]) { c += 2; continue; }  // EF 80..8B xx
        out += *c;
    }
    const auto first = out.find_first_not_of(' ');
    const auto last = out.find_last_not_of(' ');
    return first == std::string::npos ? "" : out.substr(first, last - first + 1);
}
}  // namespace

float content_bottom = 0;  // content_ends_at(): this frame's lowest

Semantics& semantics() { return tree; }

void begin_tracking(bool test, float dpr) {
    test_mode = test;
    css_per_pixel = 1 / dpr;
    tree.begin_frame();
    open_nodes.clear();
    entered = false;
    said.clear();
    content_bottom = 0;
}

void content_ends_at(float screen_y) { content_bottom = std::max(content_bottom, screen_y); }
void content_ends_here() { content_ends_at(ImGui::GetCursorScreenPos().y + ImGui::GetScrollY() + ImGui::GetStyle().WindowPadding.y); }
float content_end() { return content_bottom; }

bool field_entered() { return entered; }

SemanticNode& begin_node(const std::string& id, Role role, const std::string& name, bool drawn) {
    if (drawn) ImGui::BeginGroup();
    open_nodes.push_back({tree.recording.size(), drawn});
    SemanticNode& n = tree.add(id, role, name);
    tree.push_parent(id);
    return n;
}

Rect end_node() {
    if (open_nodes.empty()) return {};
    const Open o = open_nodes.back();
    open_nodes.pop_back();
    tree.pop_parent();
    Rect& r = tree.recording[o.index].rect;
    if (o.drawn) {
        ImGui::EndGroup();
        r = css(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
    } else {
        r = tree.bounds_from(o.index + 1);
    }
    return r;
}

void keep_in_view(const Rect& node, float top) {
    const float y0 = node.y / css_per_pixel, y1 = (node.y + node.h) / css_per_pixel, margin = y1 - y0;
    const float first = ImGui::GetWindowPos().y + top, last = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    if (y0 - margin < first) ImGui::SetScrollY(ImGui::GetScrollY() - (first - (y0 - margin)));
    else if (y1 + margin > last) ImGui::SetScrollY(ImGui::GetScrollY() + (y1 + margin - last));
}

std::optional<std::string> focus_moved() {
    std::optional<std::string> id;
    for (const auto& r : tree.requests)
        if (r.what == Request::focus) id = r.id;  // the last one holds it now
    return id;
}

void track(const std::string& name) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    // The node Dear ImGui's hook recorded for this item, or one for what has no label (a combo).
    const ImGuiID item = g.LastItemData.ID;
    SemanticNode* n = item && !tree.recording.empty() && tree.recording.back().item == item ? &tree.recording.back() : nullptr;
    // A node already named stays itself: a second name ("notice" after "reload") is another node.
    if (n && n->id.rfind("item.", 0) != 0 && n->id != name) n = nullptr;
    if (!n) {
        if (!ImGui::IsItemVisible()) return;
        n = &tree.add(name, Role::group, "");
        n->item = item;
    }
    n->id = name;
    // The item's rectangle as Dear ImGui gives it to callers: a tab reports its label before
    // its rectangle is final.
    n->rect = css(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
    if (body_window && name == body_focus) ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
}

void track(const std::string& name, Role role, std::uint8_t states) {
    track(name);
    if (tree.recording.empty() || tree.recording.back().id != name) return;
    tree.recording.back().role = role;
    tree.recording.back().states |= states;
}

namespace {
// The node of the last item, if it has one: an item scrolled out of view records none, and
// naming the node before it (the dialog it is in) would rename that.
SemanticNode* last_item_node() {
    if (tree.recording.empty() || tree.recording.back().item != ImGui::GetCurrentContext()->LastItemData.ID) return nullptr;
    return &tree.recording.back();
}
}  // namespace

void name_last(const std::string& name, const std::string& value) {
    SemanticNode* n = last_item_node();
    if (!n) return;
    n->name = name;
    n->value = value;
}

void progress_last(const std::string& name, double now, double max, const std::string& value) {
    if (!last_item_node()) return;
    SemanticNode& n = tree.recording.back();
    n.role = Role::progressbar;
    n.name = name;
    n.now = now;
    n.max = max;
    n.value = value;
}

void semantic_heading(const std::string& id, const std::string& text, int level) {
    SemanticNode& n = tree.add(id, Role::heading, text);
    n.level = level;
    n.rect = css(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
}

void semantic_text(const std::string& id, const std::string& text, Role role) {
    tree.add(id, role, text).rect = css(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
}

bool text_field(const std::string& id, const std::string& label, std::string& value, const char* hint, Input input,
                ImGuiInputTextFlags flags, float multiline_height) {
    const std::string imgui_id = "##" + id;
    bool changed = false;
    std::optional<SemanticRequest> typed;
    while (auto r = tree.take(id, Request::set_text)) typed = std::move(r);  // several inputs between frames: the last holds all
    if (typed) {
        // The real input leads; Dear ImGui's own editing of this field, if any, gives way.
        if (ImGui::GetActiveID() == ImGui::GetID(imgui_id.c_str())) ImGui::ClearActiveID();
        changed = value != typed->text;
        value = typed->text;
    }
    // After the text it follows, in the order the input sent them.
    while (auto k = tree.take(id, Request::key)) entered |= k->text == "Enter" && multiline_height == 0;
    changed |= multiline_height > 0 ? ImGui::InputTextMultiline(imgui_id.c_str(), &value, ImVec2(ImGui::CalcItemWidth(), multiline_height), flags)
                                    : ImGui::InputTextWithHint(imgui_id.c_str(), hint, &value, flags);
    // One way to edit text, the real input: when Dear ImGui's field becomes active (a click
    // before the input existed, SetKeyboardFocusHere), the input takes over at once.
    if (ImGui::IsItemActive()) {
        ImGui::ClearActiveID();
        tree.focus = id;
    }
    track(id, Role::textbox, multiline_height > 0 ? State::multiline : 0);
    if (!tree.recording.empty() && tree.recording.back().id == id) {
        SemanticNode& n = tree.recording.back();
        n.name = label;
        n.value = value;
        static constexpr const char* inputs[] = {"text", "code", "decimal", "numeric", "date", "search"};
        n.input = inputs[static_cast<int>(input)];
        if (hint) n.description = visible_words(hint);
    }
    return changed;
}

std::string tracked_json() {
    nlohmann::json rects = nlohmann::json::object();
    for (const auto& n : tree.published) {
        rects[n.id] = {{"x", n.rect.x}, {"y", n.rect.y}, {"w", n.rect.w}, {"h", n.rect.h}};
        if (n.states & State::focused) rects[n.id]["focused"] = true;  // Dear ImGui's own focus: what the canvas highlights
    }
    return rects.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {
ImGuiID element_pressed = 0;  // the item an element's press activates in this frame (end_semantics)
}  // namespace

SemanticPatch end_semantics() {
    // A DOM element activated (Enter on a focused button, a screen reader's click): Dear ImGui
    // activates that item when it next draws it, as if clicked.
    element_pressed = 0;
    for (const auto& r : tree.requests)
        if (r.what == Request::activate)
            for (const auto& n : tree.published)
                if (n.id == r.id && n.item) {
                    ImGui::ActivateItemByID(n.item);
                    element_pressed = n.item;
                }
    std::erase_if(tree.requests, [](const SemanticRequest& r) { return r.what == Request::activate; });
    popups_last_frame = ImGui::GetCurrentContext()->OpenPopupStack.Size;
    return tree.end_frame();
}

void right_align(float width) {
    ImGui::SameLine();
    ImGui::SetCursorPosX(ImGui::GetContentRegionMax().x - width);
}

bool press_started() {
    // An element's press reaches the item as Dear ImGui's activation in the next frame, which a
    // menu item loses at once (the menu closes as it is chosen): asked by its id as well.
    return ImGui::IsItemActivated() || (element_pressed != 0 && ImGui::GetItemID() == element_pressed) || (ImGui::IsItemHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) ||
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

namespace {
float body_end = -1;  // where the dialog's scrolling body ended this frame, to measure its footer
ImGuiID body_ids(const char* what) { return ImGui::GetCurrentWindow()->GetID(what); }
}  // namespace

bool begin_dialog(const char* id, const std::string& title, bool* open, float width, Role role) {
    // Closed by the model (a form saved, an import done): ImGui still holds the popup open
    // until BeginPopupModal sees *open false once.
    if (!*open && !ImGui::IsPopupOpen(id)) return false;
    const ImVec2 vp = ImGui::GetMainViewport()->Size;
    ImGui::SetNextWindowPos(ImVec2(vp.x / 2, vp.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(px(width), vp.x - px(24)), 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(vp.x, vp.y - px(24)));
    if (*open && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(24), px(20)));
    const bool shown = ImGui::BeginPopupModal(id, open, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleVar();
    if (shown) {
        // Everything drawn in the dialog is inside its node: the DOM's dialog holds it, and the
        // page behind it is inert while it is open.
        const std::string node = std::string("dialog.") + id;
        tree.add(node, role, title).rect = css(ImGui::GetCurrentWindow()->Rect());
        tree.push_parent(node);
    }
    return shown;
}

void end_dialog() {
    if (body_end >= 0) ImGui::GetStateStorage()->SetFloat(body_ids("##body.footer"), ImGui::GetCursorPosY() - body_end);
    body_end = -1;
    tree.pop_parent();
    ImGui::EndPopup();
}

void begin_dialog_body(const char* id) {
    ImGuiWindow& dialog = *ImGui::GetCurrentWindow();
    ImGuiStorage& s = *ImGui::GetStateStorage();
    // Last frame's heights: the content's and the footer's (a first frame guesses two rows).
    const float footer = s.GetFloat(body_ids("##body.footer"), ImGui::GetFrameHeightWithSpacing() * 2);
    const float room = ImGui::GetMainViewport()->Size.y - px(24) - ImGui::GetCursorPosY() - dialog.WindowPadding.y - footer;
    const float content = s.GetFloat(body_ids("##body.content"), room);
    ImGui::BeginChild(id, ImVec2(0, std::max(std::min(content, room), ImGui::GetFrameHeight() * 3)), ImGuiChildFlags_None,
                      content > room ? 0 : ImGuiWindowFlags_NoScrollbar);
    body_window = ImGui::GetCurrentWindow();
    body_focus = focus_moved().value_or("");
    // Dear ImGui skips the items out of a window's view, and so would the semantic tree, and
    // Tab would jump from the last field in view to Save. While it logs, it skips none (the
    // drawing is still clipped); the log's text is dropped.
    ImGui::GetCurrentContext()->LogEnabled = true;
}

void end_dialog_body() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g.LogEnabled = false;
    g.LogBuffer.clear();
    body_window = nullptr;
    const float content = ImGui::GetCursorPosY();  // from the body's top, scrolled or not
    ImGui::EndChild();
    ImGui::GetStateStorage()->SetFloat(body_ids("##body.content"), content);
    body_end = ImGui::GetCursorPosY();
}

bool escape_here() {
    // Dear ImGui closes the topmost popup on Escape while starting the frame, before any is
    // drawn: the count at the last frame's end still holds it.
    return ImGui::IsKeyPressed(ImGuiKey_Escape, false) && popups_last_frame <= ImGui::GetCurrentContext()->BeginPopupStack.Size;
}

namespace {
// Dear ImGui's keyboard focus (the ring it draws) on the last item, as the DOM's focus moved there.
void draw_focus_on_last() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGui::SetFocusID(g.LastItemData.ID, g.CurrentWindow);
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
    ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleCenterY);
}

// The highlight after `key`, from option `at` of `n`.
int list_step(int at, const std::string& key, int n) {
    if (key == "ArrowDown") return std::min(at + 1, n - 1);
    if (key == "ArrowUp") return std::max(at - 1, 0);
    if (key == "Home") return 0;
    if (key == "End") return n - 1;
    return at;
}
}  // namespace

int combo(const std::string& id, const std::string& label, const std::vector<Choice>& choices, int current,
          const std::string& placeholder) {
    ImGui::PushID(id.c_str());
    const int n = static_cast<int>(choices.size());
    const bool valid = current >= 0 && current < n;
    const ImGuiID frame = ImGui::GetID("##combo");
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImRect box(at, ImVec2(at.x + ImGui::CalcItemWidth(), at.y + ImGui::GetFrameHeight()));
    ImGuiStorage& storage = *ImGui::GetStateStorage();
    // Which option the DOM's focus is on, and whether the DOM still has to be moved there.
    const ImGuiID highlight_id = ImGui::GetID("highlight"), move_id = ImGui::GetID("move");
    int highlight = storage.GetInt(highlight_id, -1);
    bool move_dom = storage.GetBool(move_id, false);
    int picked = -1;
    const std::string& shown = valid ? choices[static_cast<std::size_t>(current)].text : placeholder;
    const bool open = ImGui::BeginCombo("##combo", shown.c_str(), ImGuiComboFlags_HeightLargest);
    // Recorded here, not by Dear ImGui's hook: a combo reports no label of its own.
    SemanticNode& node = tree.add(id, Role::combobox, label);
    node.item = frame;
    node.rect = css(box);
    node.value = shown;
    node.controls = id + ".list";
    node.popup = Role::listbox;
    if (open) node.states |= State::expanded;
    if (open) {
        // Opened on nothing chosen, the focus goes to the first option (the DOM finds no selected one).
        if (ImGui::IsWindowAppearing()) highlight = valid ? -1 : 0, move_dom = !valid;
        const std::string list = id + ".list";
        tree.add(list, Role::listbox, label).rect = css(ImGui::GetCurrentWindow()->Rect());
        tree.push_parent(list);
        int sync = -1;  // the option to draw Dear ImGui's focus on
        for (int i = 0; i < n; ++i) {
            const std::string& option = choices[static_cast<std::size_t>(i)].id;
            if (tree.take(option, Request::focus)) sync = highlight = i;
            while (auto key = tree.take(option, Request::key)) {
                sync = highlight = list_step(i, key->text, n);
                move_dom = true;
            }
        }
        for (int i = 0; i < n; ++i) {
            const Choice& c = choices[static_cast<std::size_t>(i)];
            ImGui::PushID(i);
            if (ImGui::Selectable(c.text.c_str(), i == current)) picked = i;
            ImGui::PopID();
            if (i == current && ImGui::IsWindowAppearing()) ImGui::SetScrollHereY();  // a long list opens on its choice
            track(c.id, Role::option, i == current ? State::selected : 0);
            if (i == sync) draw_focus_on_last();
            // Moved from the DOM's keys: its focus follows once the option has an element (a
            // list longer than the screen draws only what it shows).
            if (i == highlight && move_dom && !tree.recording.empty() && tree.recording.back().id == c.id) {
                tree.focus = c.id;
                move_dom = false;
            }
        }
        tree.pop_parent();
        if (escape_here()) ImGui::CloseCurrentPopup();
        ImGui::EndCombo();
    }
    storage.SetInt(highlight_id, highlight);
    storage.SetBool(move_id, move_dom);
    ImGui::PopID();
    return picked;
}

void opens_popup(const std::string& popup_id, Role kind, bool open) {
    if (!last_item_node()) return;
    SemanticNode& n = tree.recording.back();
    n.controls = popup_id;
    n.popup = kind;
    if (open) n.states |= State::expanded;
}

bool begin_menu(const char* popup, const std::string& id, const std::string& name) {
    if (!ImGui::BeginPopup(popup)) return false;
    tree.add(id, Role::menu, name).rect = css(ImGui::GetCurrentWindow()->Rect());
    tree.push_parent(id);
    ++menu_depth;
    return true;
}

void end_menu() {
    --menu_depth;
    tree.pop_parent();
    ImGui::EndPopup();
}

void begin_tablist(const std::string& id, const std::string& name) {
    const bool recorded = std::any_of(tree.recording.begin(), tree.recording.end(), [&](const SemanticNode& n) { return n.id == id; });
    if (const ImGuiTabBar* bar = ImGui::GetCurrentContext()->CurrentTabBar; bar && !recorded)
        tree.add(id, Role::tablist, name).rect = css(bar->BarRect);
    tree.push_parent(id);
}

void end_tablist() { tree.pop_parent(); }

bool disclosure(const std::string& id, const std::string& label, bool open, const std::string& region) {
    ImGui::PushID(id.c_str());
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
    const bool pressed = ImGui::Button((std::string(open ? ICON_CHEVRON_DOWN : ICON_CHEVRON_RIGHT) + "  " + label).c_str());
    ImGui::PopStyleColor(2);
    ImGui::PopID();
    track(id, Role::button, open ? State::expanded : 0);
    name_last(label);
    // Controls without a popup: a disclosure to platform_semantics.js, no aria-haspopup.
    if (SemanticNode* n = last_item_node(); n && n->id == id) n->controls = region;
    return pressed;
}

namespace {
// A control's label after it, its lines starting after the control, the first on its text line,
// wrapped within the content's width; true when clicked.
bool wrapped_label(const std::string& label) {
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopTextWrapPos();
    return ImGui::IsItemClicked();
}
}  // namespace

bool wrapped_checkbox(const std::string& id, const std::string& label, bool* on, bool line_start) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetContentRegionMax().x;
    const float box = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x;
    if (!line_start) {
        ImGui::SameLine(0, style.ItemSpacing.x * 3);
        if (ImGui::GetCursorPosX() + box + ImGui::CalcTextSize(label.c_str()).x > right) ImGui::NewLine();
    }
    bool changed = ImGui::Checkbox(("##" + id).c_str(), on);
    track(id);
    name_last(label);
    if (wrapped_label(label)) {
        *on = !*on;
        changed = true;
    }
    return changed;
}

bool wrapped_radio(const std::string& id, const std::string& label, bool active) {
    const bool pressed = ImGui::RadioButton(("##" + id).c_str(), active);
    track(id);
    name_last(label);
    return wrapped_label(label) || pressed;
}

bool icon_button(const char* icon, const char* id, const char* tip, const std::string& name) {
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
    const bool pressed = ImGui::Button(icon);
    name_last(name.empty() ? tip : name);
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("%s", tip);
    ImGui::PopID();
    return pressed;
}

void field_error(const std::string& message, const std::string& field) {
    if (message.empty()) return;
    ImGui::PushFont(fonts().small);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().late);
    ImGui::TextWrapped(ICON_EXCLAMATION_CIRCLE " %s", message.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    // A screen reader hears it with its field (invalid, described by the message) and reads it
    // where it stands.
    const auto it = std::find_if(tree.recording.rbegin(), tree.recording.rend(), [&](const SemanticNode& n) { return n.id == field; });
    if (it != tree.recording.rend()) {
        it->states |= State::invalid;
        it->description = message;
    }
    semantic_text((field.empty() ? "field" : field) + ".error", message);
}

void say(const std::string& text, const ImVec4& colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    const std::string words = visible_words(text.c_str());
    if (words.empty()) return;
    // Named by its words, so it keeps its element while they stay; the same words twice in
    // one place get a number.
    std::string id = "text." + std::to_string(ImGui::GetID(words.c_str()));
    if (const int seen = said[id]++) id += "." + std::to_string(seen);
    semantic_text(id, words);
}
void say(const std::string& text) { say(text, palette().text); }

void muted(const char* fmt, ...) {
    char buf[1024];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    say(buf, palette().muted);
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

namespace {
// The day a key moves a calendar's focus to: arrows by day and week, Home and End to the
// week's ends, Page Up and Page Down by month (with Shift, by year), as ARIA's date picker.
Date add_months(Date d, int k) {
    const auto ym = date::year_month{d.year(), d.month()} + date::months{k};
    return Date{ym.year(), ym.month(), std::min(d.day(), date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day())};
}

Date day_step(Date d, const std::string& key) {
    const date::sys_days day{d};
    const unsigned weekday = (date::weekday{day}.c_encoding() + 6) % 7;  // Monday 0
    if (key == "ArrowLeft") return Date{day - date::days{1}};
    if (key == "ArrowRight") return Date{day + date::days{1}};
    if (key == "ArrowUp") return Date{day - date::days{7}};
    if (key == "ArrowDown") return Date{day + date::days{7}};
    if (key == "Home") return Date{day - date::days{weekday}};
    if (key == "End") return Date{day + date::days{6 - weekday}};
    if (key == "PageUp") return add_months(d, -1);
    if (key == "PageDown") return add_months(d, 1);
    if (key == "Shift+PageUp") return add_months(d, -12);
    if (key == "Shift+PageDown") return add_months(d, 12);
    return d;
}

int days_of(Date d) { return static_cast<int>(date::sys_days{d}.time_since_epoch().count()); }
Date from_days(int n) { return Date{date::sys_days{date::days{n}}}; }
}  // namespace

bool date_input(const char* label, const std::string& name, std::string& iso, float width, Date today) {
    ImGui::PushID(label);
    bool changed = false;
    const std::string id = label;
    const float button = ImGui::GetFrameHeight() + px(6);
    ImGui::SetNextItemWidth(width - button - ImGui::GetStyle().ItemInnerSpacing.x);
    changed |= text_field(id + ".text", name, iso, "YYYY-MM-DD", Input::date, ImGuiInputTextFlags_CharsNoBlank);
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    // This field's calendar, kept per field in Dear ImGui's storage: the day its focus is on
    // (days since 1970; its month is the one shown), and whether the DOM's focus must follow.
    ImGuiStorage& storage = *ImGui::GetStateStorage();
    const ImGuiID focus_id = ImGui::GetID("focus"), move_id = ImGui::GetID("move");
    Date focus = from_days(storage.GetInt(focus_id, 0));
    bool move_dom = storage.GetBool(move_id, false);
    if (ImGui::Button(ICON_CALENDAR, ImVec2(button, 0))) {
        focus = parse_date(iso).value_or(today);
        move_dom = true;
        ImGui::OpenPopup("calendar");
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("Pick a date");
    track(id + ".calendar");
    name_last("Pick a date for " + name);
    const std::string picker = id + ".picker";
    opens_popup(picker, Role::dialog, ImGui::IsPopupOpen("calendar"));
    if (ImGui::BeginPopup("calendar")) {
        tree.add(picker, Role::dialog, "Pick a date for " + name).rect = css(ImGui::GetCurrentWindow()->Rect());
        tree.push_parent(picker);
        const date::year_month ym{focus.year(), focus.month()};
        if (ImGui::Button(ICON_CHEVRON_LEFT)) focus = add_months(focus, -1);
        track(id + ".previous-month");
        name_last("Previous month");
        ImGui::SameLine();
        ImGui::PushFont(fonts().bold);
        const std::string month = month_name(ym.month());
        // The month's name centred in the room the widest name needs, so the year stays put.
        const float room = ImGui::CalcTextSize("September").x + px(16);
        const float text_w = ImGui::CalcTextSize(month.c_str()).x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (room - text_w) / 2);
        ImGui::TextUnformatted(month.c_str());
        ImGui::PopFont();
        ImGui::SameLine(0, (room - text_w) / 2);
        if (ImGui::Button(ICON_CHEVRON_RIGHT)) focus = add_months(focus, 1);
        track(id + ".next-month");
        name_last("Next month");
        // The year straight from a list: three years back is a few keys, not 36 months.
        ImGui::SameLine();
        const int shown_year = static_cast<int>(ym.year());
        const int first_year = std::min(shown_year, static_cast<int>(today.year()) - 40);
        const int last_year = std::max(shown_year, static_cast<int>(today.year()) + 5);
        std::vector<Choice> years;
        for (int y = first_year; y <= last_year; ++y) years.push_back({id + ".year." + std::to_string(y), std::to_string(y)});
        ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000").x + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2);
        if (const int y = combo(id + ".year", "Year", years, shown_year - first_year); y >= 0) focus = add_months(focus, 12 * (first_year + y - shown_year));

        // Keys the DOM's day cells leave to the calendar.
        const unsigned last = static_cast<unsigned>(date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day());
        auto day_id = [&](Date d) { return id + ".day." + to_iso(d); };
        for (unsigned d = 1; d <= last; ++d)
            while (auto key = tree.take(day_id(Date{ym.year(), ym.month(), date::day{d}}), Request::key)) {
                focus = day_step(focus, key->text);
                move_dom = true;
            }
        const date::year_month grid_month{focus.year(), focus.month()};
        if (ImGui::BeginTable("days", 7, ImGuiTableFlags_SizingFixedSame)) {
            for (const char* d : {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"}) {
                ImGui::TableNextColumn();
                ImGui::TextColored(palette().muted, "%s", d);
            }
            const date::sys_days grid_first{grid_month / date::day{1}};
            const unsigned lead = (date::weekday{grid_first}.c_encoding() + 6) % 7;
            const unsigned days = static_cast<unsigned>(date::year_month_day_last{grid_month.year(), date::month_day_last{grid_month.month()}}.day());
            const auto picked = parse_date(iso);
            const std::string grid = id + ".days";
            tree.add(grid, Role::grid, month_in_words(grid_month)).rect = css(ImGui::GetCurrentWindow()->Rect());
            tree.push_parent(grid);
            std::size_t week_node = 0;  // the row being filled, by index: the recording grows
            for (unsigned i = 0; i < lead; ++i) ImGui::TableNextColumn();
            for (unsigned d = 1; d <= days; ++d) {
                ImGui::TableNextColumn();
                const unsigned column = (lead + d - 1) % 7;
                if (d == 1 || column == 0) {
                    if (d != 1) tree.pop_parent();
                    const std::string week = id + ".week." + std::to_string((lead + d - 1) / 7 + 1);
                    week_node = tree.recording.size();
                    tree.add(week, Role::row, "");
                    tree.push_parent(week);
                }
                const Date day{grid_month.year(), grid_month.month(), date::day{d}};
                char buf[8];
                std::snprintf(buf, sizeof buf, "%u", d);
                const bool chosen = picked && *picked == day;
                if (ImGui::Selectable(buf, chosen, 0, ImVec2(px(30), 0))) {
                    iso = to_iso(day);
                    changed = true;
                    ImGui::CloseCurrentPopup();
                }
                track(day_id(day), Role::gridcell, (chosen ? State::selected : 0));
                if (!tree.recording.empty() && tree.recording.back().id == day_id(day)) {
                    SemanticNode& cell = tree.recording.back();
                    cell.name = date_in_words(day);
                    // One cell of the grid is in the Tab order: the focused day.
                    cell.states = static_cast<std::uint8_t>((cell.states & ~State::focused) | (day == focus ? State::focused : 0));
                    Rect& row = tree.recording[week_node].rect;  // the week's row spans its cells
                    if (row.w == 0) row = cell.rect;
                    else row.w = cell.rect.x + cell.rect.w - row.x;
                    if (day == focus && move_dom) {
                        draw_focus_on_last();
                        tree.focus = cell.id;
                        move_dom = false;
                    }
                }
            }
            tree.pop_parent();  // the last week
            tree.pop_parent();  // the grid
            ImGui::EndTable();
        }
        tree.pop_parent();
        if (escape_here()) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    storage.SetInt(focus_id, days_of(focus));
    storage.SetBool(move_id, move_dom);
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
    dl->AddRectFilled(a, ImVec2(a.x + size.x + 2 * pad.x, a.y + size.y + 2 * pad.y), col(colour, pill_tint), px(20));
    dl->AddText(ImVec2(a.x + pad.x, a.y + pad.y), col(colour), label.c_str());
    ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
}

bool ellipsized(const std::string& text, float width, const ImVec4& colour) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + std::max(0.0f, std::min(size.x, width)), a.y + size.y);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), a, b, b.x, b.x, text.c_str(), text.c_str() + text.size(), &size);
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(b.x - a.x, size.y));
    return size.x > width;
}

bool chips(const std::vector<std::string>& texts, const ImVec4& colour) {
    const ImVec2 pad(px(8), px(2));
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    bool cut = false;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string& t = texts[i];
        const ImVec2 size = ImGui::CalcTextSize(t.c_str());
        if (i > 0) {
            ImGui::SameLine(0, px(4));
            if (ImGui::GetCursorScreenPos().x + size.x + 2 * pad.x > right) ImGui::NewLine();
        }
        const ImVec2 a = ImGui::GetCursorScreenPos();
        const ImVec2 b(std::min(a.x + size.x + 2 * pad.x, right), a.y + size.y + 2 * pad.y);
        dl->AddRectFilled(a, b, col(colour, pill_tint), px(20));
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::RenderTextEllipsis(dl, ImVec2(a.x + pad.x, a.y + pad.y), ImVec2(b.x - pad.x, b.y), b.x - pad.x, b.x - pad.x, t.c_str(),
                                  t.c_str() + t.size(), &size);
        ImGui::PopStyleColor();
        ImGui::Dummy(ImVec2(b.x - a.x, b.y - a.y));
        cut |= a.x + size.x + 2 * pad.x > right;
    }
    return cut;
}

void tooltip(const std::string& id, const std::string& text, const ImVec2* at) {
    if (at) ImGui::SetNextWindowPos(*at);
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(px(420));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    ImGui::EndTooltip();
    // Not inside the cell it explains: a cell's name is its content, which would then say it twice.
    std::vector<std::string> open = std::move(tree.parents);
    tree.parents.clear();
    tree.add(id, Role::tooltip, text).rect = css(ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y)));
    tree.parents = std::move(open);
}

}  // namespace recert::app

// Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE): called for every item it adds,
// and with the label and state of every widget. Here they record the semantic tree.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID id, const ImRect&, const ImGuiLastItemData* item) {
    if (!item) recert::app::window_item = id;  // Begin(): a window, not a widget
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    using namespace recert::app;
    if (id == window_item || !label) return;
    const std::string name = visible_words(label);
    char fallback[16];
    std::snprintf(fallback, sizeof fallback, "item.%08x", id);
    const Role role = (flags & ImGuiItemStatusFlags_Inputable) ? Role::textbox
                      : (flags & ImGuiItemStatusFlags_Checkable) ? Role::checkbox
                      : (flags & ImGuiItemStatusFlags_Openable) ? Role::menu
                                                                : Role::button;
    // A menu's items are menu items, though Dear ImGui reports them as checkable.
    const bool in_menu = menu_depth > 0 && (role == Role::button || role == Role::checkbox);
    // One item, one node: a widget built of another (a menu item of a selectable) reports the
    // same item twice, the inner one without its label.
    const bool again = !tree.recording.empty() && tree.recording.back().item == id;
    SemanticNode& n = again ? tree.recording.back() : tree.add(fallback, role, name);
    n.role = in_menu ? Role::menuitem : role;
    if (!name.empty()) n.name = name;
    n.item = id;
    n.rect = css(ctx->LastItemData.Rect);
    if ((flags & ImGuiItemStatusFlags_Checked) && !in_menu) n.states |= State::checked;
    if (ctx->LastItemData.InFlags & ImGuiItemFlags_Disabled) n.states |= State::disabled;
    if (ImGui::GetFocusID() == id) n.states |= State::focused;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
