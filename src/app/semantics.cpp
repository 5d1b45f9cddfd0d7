#include "semantics.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

namespace recert::app {

namespace {
constexpr std::pair<Role, std::string_view> roles[] = {
    {Role::button, "button"},       {Role::link, "link"},           {Role::tab, "tab"},           {Role::tablist, "tablist"},
    {Role::checkbox, "checkbox"},   {Role::radio, "radio"},         {Role::combobox, "combobox"}, {Role::option, "option"},
    {Role::listbox, "listbox"},     {Role::textbox, "textbox"},     {Role::dialog, "dialog"},     {Role::heading, "heading"},
    {Role::progressbar, "progressbar"}, {Role::table, "table"},     {Role::row, "row"},           {Role::cell, "cell"},
    {Role::columnheader, "columnheader"}, {Role::alert, "alert"},   {Role::status, "status"},     {Role::text, "text"},
    {Role::menu, "menu"},           {Role::menuitem, "menuitem"},   {Role::group, "group"},       {Role::region, "region"},
    {Role::radiogroup, "radiogroup"}, {Role::list, "list"},         {Role::listitem, "listitem"},
    {Role::alertdialog, "alertdialog"}, {Role::grid, "grid"},       {Role::gridcell, "gridcell"},
    {Role::tooltip, "tooltip"}, {Role::img, "img"}};
}  // namespace

std::string_view to_string(Role r) {
    for (const auto& [role, text] : roles)
        if (role == r) return text;
    return "text";
}

SemanticPatch diff(const std::vector<SemanticNode>& before, const std::vector<SemanticNode>& after) {
    SemanticPatch p;
    std::unordered_map<std::string_view, const SemanticNode*> old;
    for (const auto& n : before) old.emplace(n.id, &n);
    std::unordered_map<std::string_view, bool> now;
    for (const auto& n : after) {
        now.emplace(n.id, true);
        const auto it = old.find(n.id);
        if (it == old.end() || !(*it->second == n)) p.upsert.push_back(n);
    }
    for (const auto& n : before)
        if (!now.count(n.id)) p.remove.push_back(n.id);
    const bool same_order = before.size() == after.size() &&
                            std::equal(before.begin(), before.end(), after.begin(), [](const auto& x, const auto& y) { return x.id == y.id; });
    if (!same_order)
        for (const auto& n : after) p.order.push_back(n.id);
    return p;
}

// What a screen reader should hear of a drawn label: the icon font's glyphs (Unicode's Private
// Use Area, U+E000 to U+F8FF) are pictures with no name, so each goes with the space after it.
std::string spoken(std::string_view drawn) {
    std::string out;
    out.reserve(drawn.size());
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(drawn[i]);
        const auto b1 = i + 1 < drawn.size() ? static_cast<unsigned char>(drawn[i + 1]) : 0u;
        const bool private_use = i + 2 < drawn.size() && (b0 == 0xEE || (b0 == 0xEF && b1 <= 0xA3)) && (b1 & 0xC0) == 0x80;
        if (!private_use) {
            out += drawn[i];
            continue;
        }
        i += 2;
        if (i + 1 < drawn.size() && drawn[i + 1] == ' ') ++i;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string to_json(const SemanticPatch& p) {
    using nlohmann::json;
    json nodes = json::array();
    for (const auto& n : p.upsert) {
        json j = {{"id", n.id}, {"role", to_string(n.role)}, {"name", spoken(n.name)}, {"rect", {n.rect.x, n.rect.y, n.rect.w, n.rect.h}}};
        // Only what is set: a patch is read on every change.
        if (!n.parent.empty()) j["parent"] = n.parent;
        if (!n.description.empty()) j["description"] = spoken(n.description);
        if (!n.value.empty()) j["value"] = n.value;
        if (n.level) j["level"] = n.level;
        if (n.role == Role::progressbar) j["range"] = {n.now, n.max};
        if (n.states) j["states"] = n.states;
        if (!n.input.empty()) j["input"] = n.input;
        if (!n.controls.empty()) j["controls"] = n.controls;
        if (n.popup != Role::text) j["popup"] = to_string(n.popup);
        nodes.push_back(std::move(j));
    }
    json out = {{"upsert", std::move(nodes)}, {"remove", p.remove}};
    if (!p.order.empty()) out["order"] = p.order;
    // Labels are the person's own text (titles, providers): never let bad UTF-8 throw.
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

void Semantics::begin_frame() {
    recording.clear();
    parents.clear();
}

SemanticNode& Semantics::add(std::string id, Role role, std::string name) {
    SemanticNode& n = recording.emplace_back();
    n.id = std::move(id);
    n.role = role;
    n.name = std::move(name);
    if (!parents.empty()) n.parent = parents.back();
    return n;
}

Rect Semantics::bounds_from(std::size_t first) const {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool any = false;
    for (std::size_t i = first; i < recording.size(); ++i) {
        const Rect& r = recording[i].rect;
        if (r.w <= 0 || r.h <= 0) continue;
        x0 = any ? std::min(x0, r.x) : r.x;
        y0 = any ? std::min(y0, r.y) : r.y;
        x1 = any ? std::max(x1, r.x + r.w) : r.x + r.w;
        y1 = any ? std::max(y1, r.y + r.h) : r.y + r.h;
        any = true;
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

SemanticPatch Semantics::end_frame() {
    // The same id twice in one frame would make two widgets one element: the later is renamed.
    std::unordered_map<std::string, int> seen;
    for (auto& n : recording)
        if (const int k = seen[n.id]++) n.id += "#" + std::to_string(k);
    SemanticPatch p = diff(published, recording);
    published = recording;
    requests.clear();  // arrived before this frame: a widget not drawn in it is gone
    return p;
}

std::optional<SemanticRequest> Semantics::take(std::string_view id, Request what) {
    const auto it = std::find_if(requests.begin(), requests.end(), [&](const SemanticRequest& r) { return r.id == id && r.what == what; });
    if (it == requests.end()) return std::nullopt;
    SemanticRequest r = std::move(*it);
    requests.erase(it);
    return r;
}

}  // namespace recert::app
