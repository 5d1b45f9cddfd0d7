#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <string_view>
#include <unordered_map>

#include "explain.h"
#include "format.h"
#include "icons.h"
#include "screens.h"
#include "text.h"
#include "theme.h"
#include "widgets.h"

namespace recert::app {

namespace {

const char* reason_text(Exclusion x) {
    switch (x) {
        case Exclusion::none: return "";
        case Exclusion::outside_cycle: return "Outside the cycle";
        case Exclusion::planned: return "Planned";
        case Exclusion::duplicate: return "Duplicate";
        case Exclusion::too_short: return "Too short";
        case Exclusion::off_topic: return "No qualifying topic";
        case Exclusion::cap_reached: return "Over the cap";
        case Exclusion::invalid: return "Cannot count";
    }
    return "";
}

// The figure of the credits column: what the entry counts for (0 when it counts for nothing),
// or for a planned one what it will be worth; without a report, the credits it states. Never
// minutes: they are no credits until the program converts them.
std::optional<Credits> credits_shown(const Entry& e, const EntryResult* r) {
    if (r) return r->excluded == Exclusion::planned ? r->amount : r->counted;
    return e.credits;
}

std::string credit_text(const Entry& e, const EntryResult* r) {
    const auto c = credits_shown(e, r);
    return c ? number(*c) : "";
}

void rebuild_rows(App& a, const CredentialReport* r) {
    LogView& v = a.view;
    const std::string key = std::to_string(a.revision) + '|' + std::to_string(a.active) + '|' + v.filter + '|' +
                            std::to_string(v.status_filter) + '|' + std::to_string(static_cast<int>(v.sort)) + (v.ascending ? "a" : "d");
    if (key == v.built_for) return;
    v.built_for = key;
    v.rows.clear();
    v.planned.clear();
    // Results by entry id: the report need not list entries in the log's order.
    std::unordered_map<std::string_view, const EntryResult*> results;
    if (r)
        for (const auto& er : r->entries) results.emplace(er.id, &er);
    const std::string needle = lower(v.filter);
    const auto& entries = a.log.entries;
    for (int i = 0; i < static_cast<int>(entries.size()); ++i) {
        const Entry& e = entries[static_cast<std::size_t>(i)];
        if (!needle.empty() && lower(e.title + " " + e.provider + " " + e.code + " " + e.notes).find(needle) == std::string::npos) continue;
        const auto found = results.find(e.id);
        const Row row{i, found == results.end() ? nullptr : found->second};
        // Only what the projection counts is planned: a date ahead outside the cycle says why it is not.
        if (row.result && row.result->excluded == Exclusion::planned) { v.planned.push_back(row); continue; }
        const bool counted = row.result && row.result->excluded == Exclusion::none;
        if (v.status_filter == 1 && !counted) continue;
        if (v.status_filter == 2 && counted) continue;
        if (v.status_filter == 3 && !e.files.empty()) continue;
        if (v.status_filter == 4 && (!row.result || row.result->missing.empty())) continue;
        v.rows.push_back(row);
    }
    auto entry = [&](const Row& x) -> const Entry& { return entries[static_cast<std::size_t>(x.entry)]; };
    auto less = [&](const Row& x, const Row& y) {
        switch (v.sort) {
            case Sort::title: return lower(entry(x).title) < lower(entry(y).title);
            case Sort::credits: return (x.result ? x.result->counted : Credits{}) < (y.result ? y.result->counted : Credits{});
            case Sort::status: return (x.result ? static_cast<int>(x.result->excluded) : 99) < (y.result ? static_cast<int>(y.result->excluded) : 99);
            case Sort::date: break;
        }
        return entry(x).date < entry(y).date;
    };
    std::stable_sort(v.rows.begin(), v.rows.end(), [&](const Row& x, const Row& y) { return v.ascending ? less(x, y) : less(y, x); });
    std::stable_sort(v.planned.begin(), v.planned.end(), [&](const Row& x, const Row& y) { return entry(x).date < entry(y).date; });
}

std::string requirement_name(const Program* p, const std::string& id) {
    if (p)
        for (const auto& q : p->requirements)
            if (q.id == id) return q.name;
    return id;
}

std::vector<std::string> toward_names(const EntryResult& er, const Program* p) {
    std::vector<std::string> out;
    for (const auto& id : er.toward) out.push_back(requirement_name(p, id));
    return out;
}

// What the status column says, in words: what the entry counts toward, or why it counts for nothing.
std::string status_words(const EntryResult& er, const Program* p) {
    return er.excluded == Exclusion::none ? list_in_words(toward_names(er, p)) : reason_text(er.excluded);
}

// The status, recorded as `node` (the table's cell, or text in a card) holding its warnings:
// a chip per requirement it counts toward, or why it counts for nothing. True when something
// was shortened.
bool draw_status(const EntryResult& er, const Program* p, const std::string& node, Role role) {
    begin_node(node, role, status_words(er, p)).description = er.detail;
    const Palette& pal = palette();
    bool cut = false;
    if (er.excluded == Exclusion::none) {
        // Partly capped is a warning; carried over from the previous cycle, only news.
        const bool warn = !er.detail.empty() && !er.carried;
        if (!er.detail.empty()) {
            ImGui::TextColored(warn ? pal.risk : pal.met, warn ? ICON_WARNING : ICON_INFO);
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) tooltip(node + ".tip", er.detail);
            ImGui::SameLine();
        }
        cut = chips(toward_names(er, p), warn ? pal.risk : pal.met);
    } else {
        cut = ellipsized(ICON_TIMES " " + std::string(reason_text(er.excluded)), ImGui::GetContentRegionAvail().x,
                         er.excluded == Exclusion::planned ? pal.planned : pal.muted);
    }
    // A topic no program knows (a typo): said on the entry, blocking nothing.
    for (const auto& w : er.warnings) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(pal.risk, ICON_WARNING " %s", w.what.c_str());
        ImGui::PopTextWrapPos();
        semantic_text("row." + er.id + ".warning", w.what);
    }
    end_node();
    return cut;
}

// Where the entry went, a line per requirement it fits (explain.h): "Counts toward Total
// hours: 2 hours", "Also fits ...: counted toward ... instead, which needed it more".
std::vector<std::string> where_it_went(const Program* p, const CredentialReport* r, const EntryResult* er) {
    std::vector<std::string> out;
    if (!p || !r || !er) return out;
    const auto index = static_cast<std::size_t>(er - r->entries.data());
    for (const Line& l : entry_lines(*p, *r, index)) {
        const std::string name = requirement_name(p, l.requirement);
        switch (l.share) {
            case Share::counted: out.push_back("Counts toward " + name + ": " + with_unit(l.amount, *p)); break;
            case Share::elsewhere: out.push_back("Also fits " + name + ": " + l.why); break;
            case Share::planned: out.push_back("Planned toward " + name + ": " + with_unit(l.amount, *p) + ", counted in the projection"); break;
            case Share::not_counted: out.push_back("Not counted toward " + name + ": " + l.why); break;
        }
    }
    if (out.empty() && er->excluded != Exclusion::none)
        out.push_back("Not counted: " + (er->detail.empty() ? std::string(reason_text(er->excluded)) : er->detail));
    return out;
}

// What the disclosure and the three actions take, side by side.
float actions_width() {
    const ImGuiStyle& st = ImGui::GetStyle();
    float w = std::max(ImGui::CalcTextSize(ICON_CHEVRON_DOWN).x, ImGui::CalcTextSize(ICON_CHEVRON_RIGHT).x);
    for (const char* icon : {ICON_PENCIL, ICON_COPY, ICON_TRASH}) w += ImGui::CalcTextSize(icon).x;
    return w + 4 * st.FramePadding.x * 2;
}

// The disclosure that shows a row's details under it, then the row's actions; each named with
// the title: "Delete" alone is one of many to a screen reader.
void row_actions(App& a, const Entry& e) {
    const std::string quoted = " \u201C" + e.title + "\u201D";
    const bool open = a.view.expanded.count(e.id) > 0;
    if (icon_button(open ? ICON_CHEVRON_DOWN : ICON_CHEVRON_RIGHT, "more", open ? "Hide details" : "Show details", "Details of" + quoted)) {
        if (open) a.view.expanded.erase(e.id);
        else a.view.expanded.insert(e.id);
    }
    track("row." + e.id + ".expand", Role::button, open ? State::expanded : 0);
    // Only when the button was recorded (a row's button scrolled out of view is not).
    if (auto& rec = semantics().recording; !rec.empty() && rec.back().id == "row." + e.id + ".expand") rec.back().controls = "row." + e.id + ".more";
    ImGui::SameLine(0, 0);
    if (icon_button(ICON_PENCIL, "edit", "Edit", "Edit" + quoted)) emit(a, act::OpenEntry{e.id});
    track("row." + e.id + ".edit");
    ImGui::SameLine(0, 0);
    if (icon_button(ICON_COPY, "dup", "Duplicate", "Duplicate" + quoted)) emit(a, act::OpenEntry{e.id, true});
    track("row." + e.id + ".duplicate");
    ImGui::SameLine(0, 0);
    if (icon_button(ICON_TRASH, "del", "Delete", "Delete" + quoted)) emit(a, act::DeleteEntry{e.id});
    track("row." + e.id + ".delete");
}

// Kind, provider and topics by their names: the line under an entry's title.
std::string details(const Entry& e, const Program* p, const EntryResult* er) {
    std::string sub(label(e.kind));
    if (!e.provider.empty()) sub += "  ·  " + e.provider;
    std::vector<std::string> topics;
    for (const auto& t : e.topics) {
        std::string name = t;  // a topic the program does not know keeps what was typed
        if (p)
            for (const auto& known : p->topics)
                if (known.id == t) name = known.name;
        topics.push_back(std::move(name));
    }
    if (!topics.empty()) sub += "  ·  " + list_in_words(topics);
    if (e.approved && *e.approved) sub += "  ·  approved";
    if (!e.files.empty()) sub += "  ·  " ICON_PAPERCLIP " " + count_of(static_cast<std::int64_t>(e.files.size()), "certificate", "certificates");
    // What an audit would ask of it and it lacks (the program's evidence rules).
    if (p && er && !er->missing.empty()) sub += "  ·  " ICON_WARNING " needs its " + missing_in_words(*p, *er);
    return sub;
}

// The whole of an expanded entry, under its row or in its card: title, details, notes and
// where it went, wrapped, each line a text node under `node`.
// `wrap_at`: where lines wrap, as PushTextWrapPos takes it. `sub` empty: the title and
// details are whole already (a card wraps them).
void draw_expansion(const Entry& e, const std::string& sub, const std::vector<std::string>& went, const std::string& node, float wrap_at) {
    const Palette& pal = palette();
    ImGui::PushTextWrapPos(wrap_at);
    if (!sub.empty()) {
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted(e.title.c_str());
        ImGui::PopFont();
        semantic_text(node + ".title", e.title);
        ImGui::TextColored(pal.muted, "%s", sub.c_str());
        semantic_text(node + ".details", sub);
    }
    if (!e.code.empty()) {
        ImGui::TextColored(pal.muted, "Code: %s", e.code.c_str());
        semantic_text(node + ".code", "Code: " + e.code);
    }
    if (!e.notes.empty()) {
        ImGui::TextUnformatted(e.notes.c_str());
        semantic_text(node + ".notes", e.notes);
    }
    for (std::size_t i = 0; i < went.size(); ++i) {
        ImGui::Bullet();
        ImGui::TextUnformatted(went[i].c_str());
        semantic_text(node + ".went." + std::to_string(i), went[i]);
    }
    ImGui::PopTextWrapPos();
}

// True when `id` is the id of a node of entry `e`'s row ("row.<entry id>.<what>").
bool in_row(const std::string& id, const Entry& e) {
    return id.size() > e.id.size() + 4 && id.compare(0, 4, "row.") == 0 && id.compare(4, e.id.size(), e.id) == 0 && id[4 + e.id.size()] == '.';
}

// Draws the rows on screen only (a 10,000-entry log draws a screenful), each under its
// entry's index as ImGui id, and the row holding the browser's focus with the rows either side
// wherever the list is scrolled. `row_height` 0: Dear ImGui measures the first row. `draw_row`
// gets the row's position and returns its rectangle.
template <class DrawRow>
void visible_rows(App& a, const std::vector<Row>& rows, float row_height, float header, DrawRow draw_row) {
    const int n = static_cast<int>(rows.size());
    int focused = -1;
    if (!a.view.focused.empty())
        for (int k = 0; k < n && focused < 0; ++k)
            if (in_row(a.view.focused, a.log.entries[static_cast<std::size_t>(rows[static_cast<std::size_t>(k)].entry)])) focused = k;
    ImGuiListClipper clipper;
    clipper.Begin(n, row_height > 0 ? row_height : -1.0f);
    if (focused >= 0) clipper.IncludeItemsByIndex(std::max(0, focused - 1), std::min(n, focused + 2));
    // The clipper spaces rows evenly: below an expanded row, taller than the rest, it would draw
    // rows over it and leave the last ones out of reach. With one open, every row is drawn.
    const bool uneven = !a.view.expanded.empty() && std::any_of(rows.begin(), rows.end(), [&](const Row& r) {
        return a.view.expanded.count(a.log.entries[static_cast<std::size_t>(r.entry)].id) > 0;
    });
    if (uneven) clipper.IncludeItemsByIndex(0, n);
    while (clipper.Step())
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            const Row& row = rows[static_cast<std::size_t>(k)];
            ImGui::PushID(row.entry);
            const Rect drawn = draw_row(a.log.entries[static_cast<std::size_t>(row.entry)], row.result, k);
            ImGui::PopID();
            if (k == focused && a.view.scroll_to_focus) keep_in_view(drawn, header);
        }
}

// Narrow screens: one card per entry instead of a table too wide to read. A screen reader reads
// them as a list ("3 of 120"), as they look: a table's column headers would name columns that
// are not on the screen, and a phone's reader moves through list items in one swipe each.
// Cards wrap their text, so they differ in height: the clipper is given the shortest, and
// fills the screen with the taller ones as they come.
void draw_cards(App& a, const char* id, const std::string& name, const std::vector<Row>& rows, const Program* p, const CredentialReport* r,
                float height) {
    begin_node(std::string("list.") + id, Role::list, name).level = static_cast<int>(rows.size());
    ImGui::BeginChild(id, ImVec2(0, height), ImGuiChildFlags_None);
    const Palette& pal = palette();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float card_h = line * 3 + ImGui::GetStyle().ItemSpacing.y * 2;
    const float actions_w = actions_width();
    visible_rows(a, rows, card_h, 0, [&](const Entry& e, const EntryResult* er, int k) {
        begin_node("row." + e.id, Role::listitem).level = k + 1;
        // The title wraps beside the actions; the whole of it is always on the card.
        const float left = ImGui::GetCursorPosX();
        const float title_w = ImGui::GetContentRegionAvail().x - actions_w - px(8);
        ImGui::PushFont(fonts().bold);
        ImGui::PushTextWrapPos(left + title_w);
        ImGui::TextUnformatted(e.title.c_str());
        ImGui::PopTextWrapPos();
        semantic_text("row." + e.id + ".title", e.title);
        ImGui::PopFont();
        const float below_title = ImGui::GetCursorPosY();
        right_align(actions_w);
        row_actions(a, e);
        ImGui::SetCursorPosY(std::max(below_title, ImGui::GetCursorPosY()));
        std::string sub = to_iso(e.date) + "  ·  " + details(e, p, er);
        if (const auto c = credits_shown(e, er)) sub += "  ·  " + (p ? with_unit(*c, *p) : with_unit(*c, "credit", "credits"));
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(pal.muted, "%s", sub.c_str());
        ImGui::PopTextWrapPos();
        semantic_text("row." + e.id + ".details", sub);
        if (er) draw_status(*er, p, "row." + e.id + ".status", Role::text);
        if (a.view.expanded.count(e.id)) {
            begin_node("row." + e.id + ".more", Role::group, "Details of \u201C" + e.title + "\u201D");
            draw_expansion(e, "", where_it_went(p, r, er), "row." + e.id + ".more", 0);
            draw_certificates(a, e.files, "row." + e.id + ".more.files", false);
            end_node();
        }
        const Rect drawn = end_node();
        ImGui::Spacing();
        ImGui::Separator();
        return drawn;
    });
    ImGui::EndChild();
    end_node();
}

// The header row: a column header for each column, holding its sort button where the table sorts.
void header_row(const App& a, const std::string& table, bool sortable) {
    constexpr Sort sorts[] = {Sort::date, Sort::title, Sort::credits, Sort::status};
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    begin_node(table + ".header", Role::row, "", false).level = 1;
    for (int c = 0; c < ImGui::TableGetColumnCount(); ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const bool sorts_by = sortable && c < 4;
        // The actions column shows no title; a screen reader still says what its cells hold.
        const std::string title = c < 4 ? ImGui::TableGetColumnName(c) : "Actions";
        SemanticNode& header = begin_node(table + ".column." + std::to_string(c), Role::columnheader, sorts_by ? "" : title);
        if (sorts_by && a.view.sort == sorts[c]) header.value = a.view.ascending ? "ascending" : "descending";
        ImGui::PushID(c);
        ImGui::TableHeader(ImGui::TableGetColumnName(c));
        ImGui::PopID();
        if (sorts_by) {
            track(table + ".sort." + std::to_string(c), Role::button);
            name_last(title);
        }
        end_node();
    }
    end_node();
}

// A cell holding its whole text, drawn or not (a long title is cut on the canvas).
void begin_cell(const Entry& e, const char* column, const std::string& text) {
    ImGui::TableNextColumn();
    begin_node("row." + e.id + "." + column, Role::cell, text);
}

void draw_table(App& a, const char* id, const std::string& name, const std::vector<Row>& rows, const Program* p, const CredentialReport* r,
                bool sortable, float height) {
    // Not resizable: Dear ImGui rules a resizable table's column borders down through the empty
    // space under the last row. What does not fit ends in an ellipsis and expands instead.
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | (sortable ? ImGuiTableFlags_Sortable : 0);
    const std::string table = std::string("table.") + id;
    begin_node(table, Role::table, name).level = static_cast<int>(rows.size()) + 1;  // with the header row, as ARIA counts
    if (ImGui::BeginTable(id, 5, flags, ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending, px(100), static_cast<ImGuiID>(Sort::date));
        ImGui::TableSetupColumn("Activity", ImGuiTableColumnFlags_WidthStretch, 1.0f, static_cast<ImGuiID>(Sort::title));
        const std::string unit = capitalized(p ? p->unit_plural : "credits");
        ImGui::TableSetupColumn(unit.c_str(), ImGuiTableColumnFlags_WidthFixed, px(72), static_cast<ImGuiID>(Sort::credits));
        ImGui::TableSetupColumn("Counts toward", ImGuiTableColumnFlags_WidthStretch, 1.0f, static_cast<ImGuiID>(Sort::status));
        ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, actions_width());
        header_row(a, table, sortable);
        if (sortable)
            if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty && specs->SpecsCount > 0) {
                a.view.sort = static_cast<Sort>(specs->Specs[0].ColumnUserID);
                a.view.ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
                specs->SpecsDirty = false;
                a.view.built_for.clear();
            }
        const Palette& pal = palette();
        const float header = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
        // The whole text of a row whose cells are cut: hovered, else its disclosure focused.
        std::string hover_tip, focus_tip;
        ImVec2 focus_at;
        visible_rows(a, rows, 0, header, [&](const Entry& e, const EntryResult* er, int k) {
            ImGui::TableNextRow();
            begin_node("row." + e.id, Role::row, "", false).level = k + 2;  // the header row is 1
            begin_cell(e, "date", to_iso(e.date));
            ImGui::TextUnformatted(to_iso(e.date).c_str());
            end_node();
            const std::string sub = details(e, p, er);
            begin_cell(e, "title", e.title);
            const float w = ImGui::GetContentRegionAvail().x;
            bool cut = ellipsized(e.title, w, pal.text);
            // Kind, provider and topics on a second line keep the table narrow enough for phones.
            ImGui::PushFont(fonts().small);
            cut |= ellipsized(sub, w, pal.muted);
            ImGui::PopFont();
            semantic_text("row." + e.id + ".details", sub);
            const ImVec2 under(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y);
            end_node();
            if (cut && ImGui::IsItemHovered()) hover_tip = e.title + "\n" + sub;
            const bool expanded = a.view.expanded.count(e.id) > 0;  // then the row shows it all
            if (cut && !expanded && a.view.focused == "row." + e.id + ".expand") {
                focus_tip = e.title + "\n" + sub;
                focus_at = under;
            }
            begin_cell(e, "credits", credit_text(e, er));
            ImGui::TextUnformatted(credit_text(e, er).c_str());
            end_node();
            ImGui::TableNextColumn();
            if (er) {
                if (draw_status(*er, p, "row." + e.id + ".status", Role::cell) && ImGui::IsItemHovered())
                    hover_tip = status_words(*er, p) + (er->detail.empty() ? "" : "\n" + er->detail);
            } else {
                begin_node("row." + e.id + ".status", Role::cell);
                end_node();
            }
            begin_cell(e, "actions", "");
            row_actions(a, e);
            end_node();
            const Rect drawn = end_node();
            if (expanded) {
                // Under the row, across the table: Dear ImGui has no cell spanning columns, so
                // the first cell draws past its own edge.
                ImGui::TableNextRow();
                ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, col(pal.surface_alt));
                ImGui::TableSetColumnIndex(0);
                const std::string more = "row." + e.id + ".more";
                begin_node(more, Role::row, "", false);
                begin_node(more + ".cell", Role::cell);
                const float right = ImGui::GetWindowContentRegionMax().x - ImGui::GetStyle().CellPadding.x;
                const ImVec2 origin = ImGui::GetWindowPos();
                ImGui::PushClipRect(origin, ImVec2(origin.x + right, origin.y + ImGui::GetWindowHeight()), false);
                draw_expansion(e, sub, where_it_went(p, r, er), more, right);
                ImGui::PushTextWrapPos(right);
                draw_certificates(a, e.files, more + ".files", false);
                ImGui::PopTextWrapPos();
                ImGui::PopClipRect();
                end_node();
                end_node();
            }
            return drawn;
        });
        if (!hover_tip.empty()) tooltip(table + ".tooltip", hover_tip);
        else if (!focus_tip.empty()) tooltip(table + ".tooltip", focus_tip, &focus_at);
        ImGui::EndTable();
    }
    end_node();
}

}  // namespace

void draw_log(App& a, const Credential* c, const CredentialReport* r) {
    const Program* p = c ? program_of(a, *c) : nullptr;
    if (r && !r->problems.empty()) r = nullptr;
    rebuild_rows(a, r);
    // A click on the canvas takes the browser's focus from the element that had it.
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) a.view.focused.clear();
    if (auto moved = focus_moved()) {
        a.view.focused = std::move(*moved);
        a.view.scroll_to_focus = true;
    }
    ImGui::PushFont(fonts().heading);
    ImGui::TextUnformatted("Activities");
    semantic_heading("heading.activities", "Activities", 2);
    ImGui::PopFont();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(ICON_PLUS " Log an activity").x - ImGui::GetStyle().FramePadding.x * 2);
    if (primary_button(ICON_PLUS " Log an activity")) emit(a, act::NewEntry{});
    track("add-entry");

    ImGui::SetNextItemWidth(std::min(px(320), ImGui::GetContentRegionAvail().x * 0.55f));
    if (text_field("filter", "Search title, provider, code", a.view.filter, ICON_SEARCH "  Search title, provider, code", Input::search))
        a.view.built_for.clear();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(px(170), ImGui::GetContentRegionAvail().x));
    const std::vector<Choice> statuses = {{"status-filter.all", "All activities"}, {"status-filter.counted", "Counted"},
                                          {"status-filter.not-counted", "Not counted"}, {"status-filter.no-certificate", "Without a certificate"},
                                          {"status-filter.missing-evidence", "Missing what an audit asks"}};
    if (const int s = combo("status-filter", "Show", statuses, a.view.status_filter); s >= 0 && s != a.view.status_filter) {
        a.view.status_filter = s;
        a.view.built_for.clear();
    }

    if (a.log.entries.empty()) {
        ImGui::Spacing();
        muted("Nothing logged yet. Add each webinar, course, conference session or other activity as you complete it: "
              "Recert works out what it counts toward.");
        content_ends_here();
    } else {
        // Planned activities get at most a third of the height; the earned ones come first.
        const float planned_h = a.view.planned.empty() ? 0.0f
                                                       : std::min(ImGui::GetContentRegionAvail().y / 3,
                                                                  (a.view.planned.size() + 1.6f) * ImGui::GetFrameHeightWithSpacing() * 1.4f);
        const float table_h = std::max(px(160), ImGui::GetContentRegionAvail().y - planned_h - (a.view.planned.empty() ? 0 : ImGui::GetTextLineHeightWithSpacing() * 2));
        const bool narrow = ImGui::GetContentRegionAvail().x < px(560);
        // Where the lists would end, shown whole: their rows, not the height they were given.
        const float row_h = narrow ? ImGui::GetTextLineHeightWithSpacing() * 3 + ImGui::GetStyle().ItemSpacing.y * 4
                                   : ImGui::GetFrameHeightWithSpacing() * 1.4f;
        const float planned_whole = a.view.planned.empty() ? 0 : (a.view.planned.size() + 1) * row_h + ImGui::GetTextLineHeightWithSpacing() * 2;
        content_ends_at(ImGui::GetCursorScreenPos().y + (a.view.rows.size() + 1) * row_h + planned_whole + ImGui::GetStyle().WindowPadding.y);
        if (narrow) draw_cards(a, "entries", "Activities", a.view.rows, p, r, table_h);
        else draw_table(a, "entries", "Activities", a.view.rows, p, r, true, table_h);
        if (!a.view.planned.empty()) {
            ImGui::PushFont(fonts().bold);
            const std::string planned = "Planned (" + std::to_string(a.view.planned.size()) + "): counted in the projection, not yet earned";
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(palette().planned, ICON_CLOCK " %s", planned.c_str());
            ImGui::PopTextWrapPos();
            semantic_text("planned", planned);
            ImGui::PopFont();
            if (narrow) draw_cards(a, "planned", "Planned activities", a.view.planned, p, r, planned_h);
            else draw_table(a, "planned", "Planned activities", a.view.planned, p, r, false, planned_h);
        }
    }
    a.view.scroll_to_focus = false;
}

}  // namespace recert::app
