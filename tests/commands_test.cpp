#include <doctest/doctest.h>

#include "commands.h"
#include "support.h"

using namespace recert;

namespace {
Entry entry_named(const std::string& id, const std::string& title) {
    Entry e;
    e.id = id;
    e.title = title;
    e.date = test::day("2025-01-01");
    return e;
}
}  // namespace

TEST_CASE("Commands: add, edit and delete return a new log and leave the old one as it was") {
    const Log empty;
    const Log one = add_entry(empty, entry_named("", "First"));
    REQUIRE(one.entries.size() == 1);
    CHECK(one.entries[0].id == "e1");
    CHECK(empty.entries.empty());
    Entry changed = one.entries[0];
    changed.title = "Renamed";
    const Log edited = edit_entry(one, changed);
    CHECK(edited.entries[0].title == "Renamed");
    CHECK(one.entries[0].title == "First");  // the previous value is what undo restores
    CHECK(delete_entry(edited, "e1").entries.empty());
    CHECK(delete_entry(edited, "nope").entries.size() == 1);
}

TEST_CASE("Commands: new ids never collide with ids already used") {
    Log log = add_entry(Log{}, entry_named("e2", "A"));
    log = add_entry(log, entry_named("", "B"));
    log = add_entry(log, entry_named("", "C"));
    CHECK(log.entries[1].id != "e2");
    CHECK(log.entries[2].id != log.entries[1].id);
    log = add_credential(log, Credential{});
    CHECK(log.credentials[0].id.rfind("c", 0) == 0);
}

TEST_CASE("Commands: merging a backup adds what is new and keeps what is there") {
    Log base = add_entry(Log{}, entry_named("e1", "Mine"));
    Log incoming = add_entry(Log{}, entry_named("e1", "Mine"));
    incoming = add_entry(incoming, entry_named("e1x", "New"));
    incoming = add_entry(incoming, entry_named("e1", "Same id, other activity"));
    MergeSummary s;
    const Log merged = merge(base, incoming, &s);
    CHECK(s.unchanged == 1);
    CHECK(s.added == 1);
    CHECK(s.renamed == 1);
    REQUIRE(merged.entries.size() == 3);
    CHECK(merged.entries[0].title == "Mine");
    CHECK(merged.entries[2].title == "Same id, other activity");
    CHECK(merged.entries[2].id != "e1");
}

TEST_CASE("Commands: an edit made while another tab saved keeps both changes") {
    Log base = add_entry(Log{}, entry_named("e1", "Shared"));
    base = add_entry(base, entry_named("e2", "Both see it"));
    // This tab deletes e2 and adds e3; the other tab meanwhile renamed e1 and added e9.
    Log ours = add_entry(delete_entry(base, "e2"), entry_named("e3", "Ours"));
    Entry renamed = base.entries[0];
    renamed.title = "Renamed elsewhere";
    const Log theirs = add_entry(edit_entry(base, renamed), entry_named("e9", "Theirs"));
    const Log merged = rebase(base, ours, theirs);
    std::vector<std::string> titles;
    for (const auto& e : merged.entries) titles.push_back(e.title);
    CHECK(titles == std::vector<std::string>{"Renamed elsewhere", "Theirs", "Ours"});
}

TEST_CASE("Commands: when both tabs edited the same activity, the later edit wins") {
    const Log base = add_entry(Log{}, entry_named("e1", "Original"));
    Entry mine = base.entries[0];
    mine.title = "Mine";
    Entry other = base.entries[0];
    other.title = "Other";
    const Log merged = rebase(base, edit_entry(base, mine), edit_entry(base, other));
    REQUIRE(merged.entries.size() == 1);
    CHECK(merged.entries[0].title == "Mine");
}

TEST_CASE("Commands: an edit made in a stale tab never brings back an activity another tab deleted") {
    const Log base = add_entry(add_entry(Log{}, entry_named("e1", "Kept")), entry_named("e2", "Deleted elsewhere"));
    Entry edited = base.entries[1];
    edited.title = "Edited here";
    const Log ours = edit_entry(base, edited);
    const Log theirs = delete_entry(base, "e2");
    std::vector<std::string> dropped;
    const Log merged = rebase(base, ours, theirs, &dropped);
    REQUIRE(merged.entries.size() == 1);
    CHECK(merged.entries[0].id == "e1");
    CHECK(dropped == std::vector<std::string>{"e2"});
    // Everything deleted there (Delete all): our unsaved additions survive, nothing old comes back.
    const Log fresh = add_entry(ours, entry_named("e3", "Added here"));
    const Log after_wipe = rebase(base, fresh, Log{});
    REQUIRE(after_wipe.entries.size() == 1);
    CHECK(after_wipe.entries[0].id == "e3");
}

TEST_CASE("Commands: new ids skip the ids of entries waiting for repair; merge and rebase carry them") {
    Log log;
    log.unreadable_entries.push_back({nlohmann::json{{"id", "e1"}, {"credits", "x"}}, {}});
    CHECK(next_id(log, "e") == "e2");
    Log incoming;
    incoming.unreadable_entries = log.unreadable_entries;
    incoming.unreadable_entries.push_back({nlohmann::json{{"title", "no id"}}, {}});
    const Log merged = merge(log, incoming);
    CHECK(merged.unreadable_entries.size() == 2);  // the identical one is not repeated
    // This tab repaired (removed) e1's broken copy while the other tab added an entry.
    Log ours = log;
    ours.unreadable_entries.clear();
    const Log theirs = add_entry(log, entry_named("e7", "Theirs"));
    const Log rebased = rebase(log, ours, theirs);
    CHECK(rebased.unreadable_entries.empty());
    CHECK(rebased.entries.size() == 1);
}
