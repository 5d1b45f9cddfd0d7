// The core's types instead of strings and ints: each closed set (activity kinds, phases) is an
// enum whose id text comes from one table, and the program reader turns a file's ids into it
// or names the mistake.
#include <doctest/doctest.h>

#include <set>
#include <type_traits>
#include <utility>

#include "calendar.h"
#include "support.h"

using namespace recert;
using nlohmann::json;

namespace {
json namss() { return json::parse(test::read_text("programs/namss-cpcs.json")); }

// What the reader says at `where` ("" when nothing): a file with a problem is refused.
std::string problem_at(const json& doc, const std::string& where) {
    const auto r = read_program(doc);
    for (const auto& p : r.problems)
        if (p.where == where) {
            CHECK_FALSE(r.program.has_value());
            return p.what;
        }
    return "";
}

// Whether credits_from_minutes accepts a value of this type.
template <class T> constexpr bool makes_credits = requires(T n) { credits_from_minutes(n); };
}  // namespace

TEST_CASE("Phases: every phase's id reads back as that phase, and no two share an id") {
    std::set<std::string_view> ids;
    for (Phase p : all_phases) {
        CAPTURE(to_string(p));
        CHECK_FALSE(to_string(p).empty());
        CHECK(parse_phase(to_string(p)) == p);
        ids.insert(to_string(p));
    }
    CHECK(ids.size() == std::size(all_phases));
    CHECK(std::size(all_phases) == static_cast<std::size_t>(Phase::lapsed) + 1);
    for (const char* unknown : {"", "open", "Late", "late ", "window-open"}) {
        CAPTURE(unknown);
        CHECK_FALSE(parse_phase(unknown).has_value());
    }
}

TEST_CASE("Kinds: every kind's id reads back as that kind, and no two share an id") {
    std::set<std::string_view> ids;
    for (Kind k : all_kinds) {
        CAPTURE(to_string(k));
        CHECK_FALSE(to_string(k).empty());
        CHECK_FALSE(label(k).empty());
        CHECK(parse_kind(to_string(k)) == k);
        ids.insert(to_string(k));
    }
    CHECK(ids.size() == std::size(all_kinds));
    CHECK(std::size(all_kinds) == static_cast<std::size_t>(Kind::other) + 1);
    CHECK_FALSE(parse_kind("webinar").has_value());
}

TEST_CASE("Phases: program files list the phases around the deadlines; Recert derives the others") {
    std::vector<std::string_view> listed;
    for (Phase p : all_phases) {
        CAPTURE(to_string(p));
        if (listed_in_programs(p)) listed.push_back(to_string(p));
        // Only a listed phase can have `needs`, and so be named in "No ... applies".
        CHECK(noun(p).empty() == !listed_in_programs(p));
        CHECK(determiner(p).empty() == !listed_in_programs(p));
    }
    CHECK(listed == std::vector<std::string_view>{"window_open", "late", "extension", "grace"});
}

TEST_CASE("Program: each phase and fee holds the phase its id names") {
    const Program& p = test::program("namss-cpcs");
    REQUIRE(p.phases.size() == 4);
    CHECK(p.phases[0].phase == Phase::window_open);
    CHECK(p.phases[1].phase == Phase::extension);
    CHECK(p.phases[2].phase == Phase::late);
    CHECK(p.phases[3].phase == Phase::grace);
    REQUIRE(p.fees.size() == 3);
    CHECK(p.fees[0].phase == Phase::late);
    CHECK(p.fees[1].phase == Phase::extension);
    CHECK(p.fees[2].phase == Phase::grace);
}

TEST_CASE("Program: an unknown phase id is refused with its pointer") {
    json d = namss();
    d["phases"][1]["id"] = "open";
    CHECK(problem_at(d, "/phases/1/id") == "\"open\" is not a phase (window_open, late, extension, grace)");
}

TEST_CASE("Program: a phase that Recert derives from the cycle cannot be listed") {
    for (const char* derived : {"not_started", "earning", "lapsed"}) {
        CAPTURE(derived);
        json d = namss();
        d["phases"][0]["id"] = derived;
        CHECK(problem_at(d, "/phases/0/id") == "\"" + std::string(derived) + "\" is not a phase (window_open, late, extension, grace)");
    }
}

TEST_CASE("Program: a fee owed in a phase the program does not list is refused; one naming a refused phase is not refused again") {
    json d = namss();
    d["phases"].erase(2);  // late
    CHECK(problem_at(d, "/fees/0/phase") == "\"late\" is not one of this program's phases");
    d = namss();
    d["phases"][2]["id"] = "overdue";
    d["fees"][0]["phase"] = "overdue";
    CHECK(problem_at(d, "/phases/2/id") == "\"overdue\" is not a phase (window_open, late, extension, grace)");
    CHECK(read_program(d).problems.size() == 1);
}

TEST_CASE("Evaluation: a listed phase whose needs are not met is named in the phase text") {
    // Every NAMSS phase made to need the whole total by Dec 1; no credits were earned.
    json d = namss();
    for (auto& ph : d["phases"])
        if (ph["id"] != "extension")
            ph["needs"] = {{"requirement", "total"}, {"percent", 100}, {"by", "due"}, {"cite", d["phases"][1]["needs"]["cite"]}};
    const auto parsed = read_program(d);
    REQUIRE(parsed.program);
    const Log log = test::log_from(R"({"format":"recert-log","version":1,"entries":[],
      "credentials":[{"id":"c1","program":"namss-cpcs","certified_on":"2019-05-10"}]})");
    const auto text_on = [&](const char* day) { return evaluate(*parsed.program, log.credentials[0], log.entries, test::day(day)).phase_text; };
    const std::string needs = " needs at least 30 of your 30 credits by 2022-12-01, and you had 0.";
    CHECK(text_on("2022-09-15").ends_with(" No application window applies: the application window" + needs));
    CHECK(text_on("2022-12-15").ends_with(" No late period applies: the late period" + needs));
    CHECK(text_on("2023-02-01").ends_with(" No grace period applies: the grace period" + needs));
}

TEST_CASE("Program: cycle lengths and date offsets are read in their own units") {
    const Program& dmec = test::program("dmec-clms");
    CHECK(dmec.cycle.years == date::years{2});
    CHECK(dmec.date("exam_notice")->days == date::days{-90});
    CHECK(dmec.date("grace_until")->years == date::years{0});
    CHECK(test::program("namss-cpcs").date("extension_until")->years == date::years{1});
    CHECK(test::program("ala-clm-application").cycle.months == date::months{24});
    // A date rule's years and days each move the date in their unit.
    DateRule d;
    d.years = date::years{1};
    d.days = date::days{-1};
    CHECK(resolve(d, Cycle{test::day("2023-03-01"), test::day("2024-02-29")}) == test::day("2025-02-27"));
}

TEST_CASE("Types: minutes and decimal places are types of their own, so a bare number does not pass for them") {
    static_assert(makes_credits<Minutes> && !makes_credits<std::int64_t> && !makes_credits<Credits> && !makes_credits<Places>);
    static_assert(!std::is_convertible_v<std::int64_t, Minutes> && !std::is_convertible_v<Minutes, std::int64_t>);
    static_assert(!std::is_convertible_v<int, Places> && !std::is_convertible_v<Places, int>);
    static_assert(std::is_same_v<decltype(Entry::minutes), std::optional<Minutes>> && std::is_same_v<decltype(CreditRule::min_minutes), std::optional<Minutes>>);
    static_assert(std::is_same_v<decltype(std::declval<Entry>().credit_places()), Places> && std::is_same_v<decltype(CreditRule::decimals), Places>);
    const Program& ala = test::program("ala-clm-application");
    CHECK(ala.credit.min_minutes == Minutes{60});
    CHECK(ala.credit.decimals == Places{2});
    CHECK(credits_from_minutes(Minutes{90}) == Credits::parse("1.5", 2).value());
    CHECK(minutes_of(credits_from_minutes(Minutes{80})) == Minutes{80});
}

TEST_CASE("Program: every shipped program with a calendar has the due date the page paces to") {
    for (const Program& p : test::all_programs()) {
        CAPTURE(p.id);
        if (p.cycle.type == CycleRule::Type::lookback) CHECK(p.dates.empty());
        else CHECK(p.date(due_date_id) != nullptr);
    }
}
