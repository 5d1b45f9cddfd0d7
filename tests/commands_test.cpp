#include <doctest/doctest.h>

#include <algorithm>
#include <random>

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

// The first merge and rebase, one linear search per item (quadratic): the reference the
// indexed ones must match exactly, ids and order included.
template <class V>
auto find_first(V& v, const std::string& id) {
    return std::find_if(v.begin(), v.end(), [&](const auto& x) { return x.id == id; });
}

std::string reference_fresh(const std::vector<std::string>& taken, const std::string& prefix, std::size_t start) {
    for (std::size_t n = start;; ++n)
        if (auto id = prefix + std::to_string(n); std::find(taken.begin(), taken.end(), id) == taken.end()) return id;
}

Log reference_merge(Log base, const Log& incoming, MergeSummary& s) {
    std::vector<std::string> taken;
    for (const auto& e : base.entries) taken.push_back(e.id);
    for (const auto& c : base.credentials) taken.push_back(c.id);
    for (const auto& c : incoming.credentials) {
        if (auto it = find_first(base.credentials, c.id); it != base.credentials.end() && to_json(*it) == to_json(c)) continue;
        Credential copy = c;
        if (std::find(taken.begin(), taken.end(), copy.id) != taken.end()) copy.id = reference_fresh(taken, "c", base.credentials.size() + 1);
        taken.push_back(copy.id);
        base.credentials.push_back(std::move(copy));
        ++s.credentials_added;
    }
    for (const auto& e : incoming.entries) {
        if (auto it = find_first(base.entries, e.id); it != base.entries.end()) {
            if (to_json(*it) == to_json(e)) { ++s.unchanged; continue; }
            Entry copy = e;
            copy.id = reference_fresh(taken, "e", base.entries.size() + 1);
            taken.push_back(copy.id);
            base.entries.push_back(std::move(copy));
            ++s.renamed;
            continue;
        }
        taken.push_back(e.id);
        base.entries.push_back(e);
        ++s.added;
    }
    return base;
}

template <class T>
void reference_carry_over(const std::vector<T>& base, const std::vector<T>& ours, std::vector<T>& theirs) {
    for (const auto& b : base)
        if (find_first(ours, b.id) == ours.end())
            if (auto t = find_first(theirs, b.id); t != theirs.end()) theirs.erase(t);
    for (const auto& o : ours) {
        const auto b = find_first(base, o.id);
        if (b != base.end() && to_json(*b) == to_json(o)) continue;
        if (auto t = find_first(theirs, o.id); t != theirs.end()) *t = o;
        else if (b == base.end()) theirs.push_back(o);  // an edit of what theirs deleted stays deleted
    }
}

Log reference_rebase(const Log& base, const Log& ours, Log theirs) {
    reference_carry_over(base.credentials, ours.credentials, theirs.credentials);
    reference_carry_over(base.entries, ours.entries, theirs.entries);
    return theirs;
}

// Small logs over few ids and titles, so that identical entries, taken ids, ids a rename
// would pick ("e3" in a log of two) and, now and then, an id used twice all happen often.
Log random_log(std::mt19937& rng) {
    const char* ids[] = {"e1", "e2", "e3", "e4", "e5", "e6", "c1", "c2", "x"};
    const char* titles[] = {"A", "B", "C"};
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    const bool repeats = pick(8) == 0;
    Log log;
    std::vector<std::string> used;
    auto fresh = [&] {
        for (int tries = 0; tries < 20; ++tries)
            if (std::string id = ids[pick(9)]; repeats || std::find(used.begin(), used.end(), id) == used.end()) {
                used.push_back(id);
                return id;
            }
        return std::string();
    };
    for (int i = pick(7); i-- > 0;)
        if (std::string id = fresh(); !id.empty()) log.entries.push_back(entry_named(id, titles[pick(3)]));
    used.clear();
    for (int i = pick(3); i-- > 0;)
        if (std::string id = fresh(); !id.empty()) {
            Credential c;
            c.id = id;
            c.program = pick(2) ? "namss-cpcs" : "dmec-clms";
            log.credentials.push_back(c);
        }
    return log;
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

TEST_CASE("Commands: an edit keeps the fields this version does not know, without the caller copying them") {
    // A later Recert's fields, read into extra. The page's forms build the edited item from the
    // fields they know: the command, not each caller, must keep the rest.
    const Log log = test::log_from(R"({"format":"recert-log","version":1,
      "credentials":[{"id":"c1","program":"dmec-clms","certified_on":"2025-02-10","colour":"teal"}],
      "entries":[{"id":"e1","title":"T","date":"2025-03-01","kind":"recording","credits":"1","attachments":[{"name":"cert.pdf"}]}]})");
    Entry e = entry_named("e1", "Renamed");
    e.kind = Kind::recording;
    const Log edited = edit_entry(log, e);
    CHECK(edited.entries.at(0).title == "Renamed");
    CHECK(to_json(edited)["entries"][0]["attachments"][0]["name"] == "cert.pdf");
    Credential c;
    c.id = "c1";
    c.program = "dmec-clms";
    CHECK(to_json(edit_credential(log, c))["credentials"][0]["colour"] == "teal");
    // What the edit itself says of such a field wins.
    e.extra["attachments"] = nlohmann::json::array();
    CHECK(to_json(edit_entry(log, e))["entries"][0]["attachments"] == nlohmann::json::array());
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

TEST_CASE("Commands: ids are numbered among their own kind: a log's first entry is e1, its first credential c1") {
    // The page adds the credential first: its entry used to be numbered after it, "e2".
    Log log = add_credential(Log{}, Credential{});
    CHECK(log.credentials[0].id == "c1");
    log = add_entry(log, entry_named("", "First"));
    CHECK(log.entries[0].id == "e1");
    log = add_credential(log, Credential{});
    CHECK(log.credentials[1].id == "c2");
    log = add_entry(log, entry_named("", "Second"));
    CHECK(log.entries[1].id == "e2");
    // A deleted entry's id is not handed to the next one while a later id remains.
    log = add_entry(delete_entry(log, "e1"), entry_named("", "Third"));
    CHECK(log.entries[1].id == "e3");
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

TEST_CASE("Commands: merge gives exactly what the one-by-one search gave, on 20,000 small random logs") {
    std::mt19937 rng(8);
    int renamed = 0, unchanged = 0, added = 0, credentials = 0;
    for (int n = 0; n < 20000; ++n) {
        const Log base = random_log(rng), incoming = random_log(rng);
        MergeSummary want, got;
        const Log expected = reference_merge(base, incoming, want);
        const Log merged = merge(base, incoming, &got);
        CAPTURE(n);
        REQUIRE(to_json(merged) == to_json(expected));
        CHECK(got.added == want.added);
        CHECK(got.unchanged == want.unchanged);
        CHECK(got.renamed == want.renamed);
        CHECK(got.credentials_added == want.credentials_added);
        renamed += got.renamed;
        unchanged += got.unchanged;
        added += got.added;
        credentials += got.credentials_added;
    }
    // Every path was taken many times.
    CHECK(renamed > 1000);
    CHECK(unchanged > 1000);
    CHECK(added > 1000);
    CHECK(credentials > 1000);
}

TEST_CASE("Commands: rebase gives exactly what the one-by-one search gave, on 20,000 small random logs") {
    std::mt19937 rng(9);
    for (int n = 0; n < 20000; ++n) {
        const Log base = random_log(rng), ours = random_log(rng), theirs = random_log(rng);
        CAPTURE(n);
        REQUIRE(to_json(rebase(base, ours, theirs)) == to_json(reference_rebase(base, ours, theirs)));
    }
}

TEST_CASE("Commands: a merge renames past ids already taken, and each rename takes the next free number") {
    // Base numbered past its size: the first rename starts looking at e3 (two entries + 1)
    // and finds e3 to e5 taken; the second starts at e4 and goes on from e7.
    Log base = add_entry(Log{}, entry_named("e3", "Three"));
    base = add_entry(base, entry_named("e4", "Four"));
    Credential named_e5;
    named_e5.id = "e5";
    named_e5.program = "dmec-clms";
    base = add_credential(base, named_e5);
    Log incoming = add_entry(Log{}, entry_named("e3", "Other three"));
    incoming = add_entry(incoming, entry_named("e4", "Other four"));
    incoming = add_entry(incoming, entry_named("e4x", "New"));
    incoming = add_entry(incoming, entry_named("e3", "Three"));
    MergeSummary s;
    const Log merged = merge(base, incoming, &s);
    std::vector<std::string> ids;
    for (const auto& e : merged.entries) ids.push_back(e.id + ":" + e.title);
    CHECK(ids == std::vector<std::string>{"e3:Three", "e4:Four", "e6:Other three", "e7:Other four", "e4x:New"});
    CHECK(s.renamed == 2);
    CHECK(s.added == 1);
    CHECK(s.unchanged == 1);  // the last one is base's e3 as it is
}

TEST_CASE("Commands: set_step records a step's day on its credential and forgets it, leaving the rest") {
    Log log = test::log_from(R"({"format":"recert-log","version":1,"credentials":[
      {"id":"c1","program":"dmec-clms","certified_on":"2025-02-10"},{"id":"c2","program":"namss-cpcs","certified_on":"2023-03-01"}],"entries":[]})");
    const Log done = set_step(log, "c2", "fee", parse_date("2026-11-02"));
    CHECK(log.credentials[1].steps.empty());  // the old log is as it was
    CHECK(to_iso(done.credentials[1].steps.at("fee")) == "2026-11-02");
    CHECK(done.credentials[0].steps.empty());
    CHECK(set_step(done, "c2", "fee", std::nullopt).credentials[1].steps.empty());
    CHECK(to_json(set_step(done, "c9", "fee", std::nullopt)) == to_json(done));  // no such credential: unchanged
}
