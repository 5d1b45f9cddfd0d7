// The page's semantic tree: what each widget is (role, name, value, states, rectangle), as a
// screen reader, a keyboard, a phone's text input and a test see it. The canvas is one box
// to the browser; this tree is mirrored into real DOM elements over it (platform_semantics.js),
// as Flutter's web engine does for its canvas.
//
// Widgets record a node each frame (widgets.cpp); at the frame's end the tree is compared
// with the one last published, and only the difference reaches the DOM, so an idle frame or
// a frame that changes nothing costs nothing. What the person does to a DOM element (a click
// from a screen reader, typing into a real input) comes back by the node's id.
//
// No Dear ImGui here: the tree and its difference are plain values, tested natively.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace recert::app {

// One table: the role, its ARIA role, and the DOM element that carries it.
enum class Role { button, link, tab, tablist, checkbox, radio, combobox, option, listbox, textbox, dialog, heading, progressbar,
                  table, row, cell, columnheader, alert, status, text, menu, menuitem, group, region, radiogroup, list, listitem,
                  alertdialog, grid, gridcell, tooltip, img };
std::string_view to_string(Role r);  // the ARIA role: "button", "progressbar"...

enum State : std::uint8_t {
    focused = 1 << 0,
    checked = 1 << 1,
    expanded = 1 << 2,
    selected = 1 << 3,
    disabled = 1 << 4,
    invalid = 1 << 5,
    required = 1 << 6,
    multiline = 1 << 7,  // a textbox that takes newlines
};

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;  // CSS pixels, from the canvas's top left
    bool operator==(const Rect&) const = default;
};

struct SemanticNode {
    std::string id;      // stable across frames: "entry.title", "row.e3.delete"
    std::string parent;  // the dialog, table or row it belongs to; empty: the page
    Role role = Role::text;
    std::string name;         // the visible label, the same words
    std::string description;  // help and error text
    std::string value;        // a field's text, a combo's choice, a progress bar's words
    int level = 0;            // heading level; a table's row count or a list's size; a row's or an item's position (1-based)
    double now = 0, max = 0;  // progress bar
    std::uint8_t states = 0;
    std::string input;        // textbox: "decimal", "numeric", "date", "text"; "code" (no autocorrect)
    std::string controls;     // the popup this opens (its node's id), while it is open: aria-controls
    Role popup = Role::text;  // what it opens (listbox, dialog, menu): aria-haspopup; text: nothing
    Rect rect;
    unsigned item = 0;        // the Dear ImGui item it describes, to activate it; 0: none
    bool operator==(const SemanticNode&) const = default;
};

// What to change in the DOM to go from one tree to the next.
struct SemanticPatch {
    std::vector<SemanticNode> upsert;  // new or changed nodes
    std::vector<std::string> remove;   // ids gone
    std::vector<std::string> order;    // every id in reading order, when the order changed
    bool empty() const { return upsert.empty() && remove.empty() && order.empty(); }
};
SemanticPatch diff(const std::vector<SemanticNode>& before, const std::vector<SemanticNode>& after);
std::string to_json(const SemanticPatch& p);

// What the person did to a DOM element, for the widget with that id to act on next frame.
// key: a key the DOM element leaves to its widget (an arrow in a calendar or a listbox).
enum class Request { activate, focus, set_text, key };
struct SemanticRequest {
    std::string id;
    Request what = Request::activate;
    std::string text;  // set_text: the input's whole text; key: the key's name ("ArrowDown", "Home")
};

// The tree being recorded this frame, the one last published, and requests waiting.
struct Semantics {
    std::vector<SemanticNode> recording, published;
    std::vector<SemanticRequest> requests;
    std::vector<std::string> parents;  // the open dialog, table, row...
    std::string focus;                 // a node to give the browser's focus once published

    void begin_frame();
    // Records a node under the innermost open parent; returns it to fill in.
    SemanticNode& add(std::string id, Role role, std::string name);
    void push_parent(std::string id) { parents.push_back(std::move(id)); }
    void pop_parent() { if (!parents.empty()) parents.pop_back(); }
    // The union of the rectangles recorded from `first` on: what a node recorded at `first - 1`
    // holds, as parents nest. Empty ones (nothing drawn) count for nothing.
    Rect bounds_from(std::size_t first) const;
    // The difference from what was last published, which it then becomes.
    SemanticPatch end_frame();
    // Takes the request for `id` of that kind, if one is waiting.
    std::optional<SemanticRequest> take(std::string_view id, Request what);
};

}  // namespace recert::app
