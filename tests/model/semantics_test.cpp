// The semantic tree's difference: what reaches the DOM, and when nothing does.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "semantics.h"

using namespace recert::app;

namespace {
void frame(Semantics& s, bool with_delete, const std::string& title = "Ethics webinar") {
    s.begin_frame();
    s.add("add-entry", Role::button, "Log an activity");
    s.push_parent("entries");
    s.add("row.e1", Role::row, title).level = 1;
    if (with_delete) s.add("row.e1.delete", Role::button, "Delete");
    s.pop_parent();
    auto& bar = s.add("requirement.total", Role::progressbar, "Total CE credits");
    bar.now = 14.5;
    bar.max = 30;
    bar.value = "14.5 of 30 credits";
}
}  // namespace

TEST_CASE("Semantics: a frame that changes nothing sends nothing to the DOM") {
    Semantics s;
    frame(s, true);
    const auto first = s.end_frame();
    CHECK(first.upsert.size() == 4);
    CHECK(first.order.size() == 4);
    frame(s, true);
    CHECK(s.end_frame().empty());
}

TEST_CASE("Semantics: only the changed node is sent, and a node gone is removed") {
    Semantics s;
    frame(s, true);
    s.end_frame();
    frame(s, true, "Ethics webinar, part 2");
    const auto renamed = s.end_frame();
    REQUIRE(renamed.upsert.size() == 1);
    CHECK(renamed.upsert[0].id == "row.e1");
    CHECK(renamed.upsert[0].parent == "entries");
    CHECK(renamed.order.empty());  // same ids, same order
    frame(s, false, "Ethics webinar, part 2");
    const auto gone = s.end_frame();
    CHECK(gone.upsert.empty());
    CHECK(gone.remove == std::vector<std::string>{"row.e1.delete"});
    CHECK(gone.order == std::vector<std::string>{"add-entry", "row.e1", "requirement.total"});
}

TEST_CASE("Semantics: the patch names roles the ARIA way and carries a progress bar's range") {
    Semantics s;
    frame(s, false);
    const auto j = nlohmann::json::parse(to_json(s.end_frame()));
    CHECK(j["upsert"][0]["role"] == "button");
    CHECK(j["upsert"][0]["name"] == "Log an activity");
    CHECK(j["upsert"][1]["role"] == "row");
    CHECK(j["upsert"][1]["level"] == 1);
    CHECK(j["upsert"][2]["role"] == "progressbar");
    CHECK(j["upsert"][2]["range"] == nlohmann::json{14.5, 30});
    CHECK(j["upsert"][2]["value"] == "14.5 of 30 credits");
}

TEST_CASE("Semantics: a label with broken UTF-8 still makes a patch") {
    Semantics s;
    s.begin_frame();
    s.add("row.e1", Role::row, "Bad \xFF byte");
    const std::string text = to_json(s.end_frame());
    CHECK(nlohmann::json::parse(text)["upsert"][0]["name"] == "Bad \xEF\xBF\xBD byte");
}

TEST_CASE("Semantics: icon glyphs drawn in a label are not read out, and the text around them is kept") {
    Semantics s;
    s.begin_frame();
    s.add("row.e1.details", Role::text, "Live webinar  \xC2\xB7  \xEF\x83\x86 2 certificates  \xC2\xB7  \xEF\x81\xB1 needs its certificate");
    s.add("save", Role::button, "\xEF\x80\x8C Save").description = "Checks \xEF\x80\x8C";
    s.add("t", Role::text, "caf\xC3\xA9 \xE2\x80\x94 \xED\x9F\xBF ok");  // é, an em dash and U+D7FF are not icons
    const auto j = nlohmann::json::parse(to_json(s.end_frame()));
    CHECK(j["upsert"][0]["name"] == "Live webinar  \xC2\xB7  2 certificates  \xC2\xB7  needs its certificate");
    CHECK(j["upsert"][1]["name"] == "Save");
    CHECK(j["upsert"][1]["description"] == "Checks");
    CHECK(j["upsert"][2]["name"] == "caf\xC3\xA9 \xE2\x80\x94 \xED\x9F\xBF ok");
}

TEST_CASE("Semantics: two widgets with one id stay two elements") {
    Semantics s;
    s.begin_frame();
    s.add("save", Role::button, "Save");
    s.add("save", Role::button, "Save");
    const auto p = s.end_frame();
    REQUIRE(p.upsert.size() == 2);
    CHECK(p.upsert[1].id == "save#1");
}

TEST_CASE("Semantics: a DOM request is taken once by its widget, and dropped if no widget takes it") {
    Semantics s;
    s.requests.push_back({"add-entry", Request::activate, ""});
    s.requests.push_back({"gone", Request::activate, ""});
    s.begin_frame();
    CHECK_FALSE(s.take("add-entry", Request::focus));
    CHECK(s.take("add-entry", Request::activate));
    CHECK_FALSE(s.take("add-entry", Request::activate));
    s.end_frame();
    CHECK(s.requests.empty());
}

namespace {
// A table as log_view.cpp records it: the rows `first` to `last` (1-based, after the header) of `count`.
void table_frame(Semantics& s, int count, int first, int last) {
    s.begin_frame();
    auto& table = s.add("table.entries", Role::table, "Activities");
    table.level = count + 1;
    s.push_parent("table.entries");
    s.add("table.entries.header", Role::row, "").level = 1;
    for (int k = first; k <= last; ++k) {
        const std::string row = "row.e" + std::to_string(k);
        s.add(row, Role::row, "").level = k + 1;
        s.push_parent(row);
        s.add(row + ".title", Role::cell, "Webinar " + std::to_string(k)).rect = {0, 20.0f * k, 100, 20};
        s.add(row + ".actions", Role::cell, "");
        s.push_parent(row + ".actions");
        s.add(row + ".delete", Role::button, "Delete").rect = {100, 20.0f * k, 20, 20};
        s.pop_parent();
        s.pop_parent();
    }
    s.pop_parent();
}
}  // namespace

TEST_CASE("Semantics: a table's cells are in its rows, its rows in it, with the ARIA row count and indexes") {
    Semantics s;
    table_frame(s, 1000, 1, 3);
    const auto j = nlohmann::json::parse(to_json(s.end_frame()));
    const auto& nodes = j["upsert"];
    CHECK(nodes[0]["role"] == "table");
    CHECK(nodes[0]["level"] == 1001);
    CHECK_FALSE(nodes[0].contains("parent"));
    CHECK(nodes[1]["parent"] == "table.entries");
    CHECK(nodes[2]["id"] == "row.e1");
    CHECK(nodes[2]["level"] == 2);
    CHECK(nodes[3]["parent"] == "row.e1");
    CHECK(nodes[5]["id"] == "row.e1.delete");
    CHECK(nodes[5]["parent"] == "row.e1.actions");
}

TEST_CASE("Semantics: scrolling a long table sends the rows that came and removes those that went, not the table") {
    Semantics s;
    table_frame(s, 1000, 1, 10);
    s.end_frame();
    table_frame(s, 1000, 6, 15);
    const auto p = s.end_frame();
    // Rows 1-5 gone with their cells and buttons (4 nodes a row); 11-15 new.
    CHECK(p.remove.size() == 5 * 4);
    CHECK(p.upsert.size() == 5 * 4);
    CHECK(p.upsert.front().id == "row.e11");
    for (const auto& n : p.upsert) CHECK(n.id != "table.entries");
    CHECK(p.order.size() == 2 + 10 * 4);
}

TEST_CASE("Semantics: the new roles have their ARIA names") {
    CHECK(to_string(Role::radiogroup) == "radiogroup");
    CHECK(to_string(Role::list) == "list");
    CHECK(to_string(Role::listitem) == "listitem");
    CHECK(to_string(Role::columnheader) == "columnheader");
}

TEST_CASE("Semantics: a row's rectangle is what its cells cover; nothing drawn covers nothing") {
    Semantics s;
    s.begin_frame();
    s.add("row.e1", Role::row, "");
    s.add("row.e1.date", Role::cell, "2026-11-25").rect = {10, 40, 90, 30};
    s.add("row.e1.title", Role::cell, "Webinar").rect = {110, 40, 200, 52};
    s.add("row.e1.empty", Role::cell, "");
    CHECK(s.bounds_from(1) == Rect{10, 40, 300, 52});
    CHECK(s.bounds_from(3) == Rect{});
}

TEST_CASE("Semantics: what opens a popup names it and its kind, for aria-haspopup and aria-controls") {
    Semantics s;
    s.begin_frame();
    auto& box = s.add("entry.kind", Role::combobox, "Kind");
    box.controls = "entry.kind.list";
    box.popup = Role::listbox;
    box.states = State::expanded;
    s.add("entry.kind.list", Role::listbox, "Kind");
    s.add("discard", Role::alertdialog, "Discard your changes?");
    const auto j = nlohmann::json::parse(to_json(s.end_frame()));
    CHECK(j["upsert"][0]["controls"] == "entry.kind.list");
    CHECK(j["upsert"][0]["popup"] == "listbox");
    CHECK_FALSE(j["upsert"][1].contains("popup"));  // a list opens nothing
    CHECK(j["upsert"][2]["role"] == "alertdialog");
}
