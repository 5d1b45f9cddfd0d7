// Program files a person loads (an association's own credential), kept in the log: read back,
// evaluated like a shipped program, carried by merges and by another tab's writes.
#include <doctest/doctest.h>

#include "commands.h"
#include "evaluation.h"
#include "support.h"

using namespace recert;
using nlohmann::json;

namespace {
json example_file() { return json::parse(test::read_text("programs/template/example-ces.json")); }

Log log_with_example() {
    Log log = test::log_from(R"({"format":"recert-log","version":1,"credentials":[
      {"id":"c1","program":"example-ces","certified_on":"2025-03-01"}],
      "entries":[{"id":"e1","title":"Ethics seminar","date":"2025-05-01","credits":"6","kind":"conference","topics":["ethics"]}]})");
    return keep_program(log, {"example-ces", example_file()});
}
}  // namespace

TEST_CASE("Own programs: a program file kept in the log reads back as written and is evaluated like a shipped one") {
    const Log log = log_with_example();
    const json written = to_json(log);
    REQUIRE(written["programs"].size() == 1);
    CHECK(written["programs"][0] == example_file());
    const Log back = test::log_from(serialize(log));
    REQUIRE(back.programs.size() == 1);
    CHECK(back.programs[0].id == "example-ces");
    CHECK(to_json(back) == written);

    Problems problems;
    const auto programs = programs_with_own(test::all_programs(), back, problems);
    CHECK(problems.empty());
    CHECK(programs.size() == test::all_programs().size() + 1);
    const Report r = evaluate(programs, back, *parse_date("2026-01-01"));
    REQUIRE(r.credentials.size() == 1);
    CHECK(r.credentials[0].problems.empty());
    CHECK(r.credentials[0].requirements.size() >= 2);
    // Without its file the credential names a program Recert does not have.
    CHECK_FALSE(evaluate(test::all_programs(), back, *parse_date("2026-01-01")).credentials[0].problems.empty());
}

TEST_CASE("Own programs: a file with a shipped program's id takes its place; one that no longer reads is named, not used") {
    json cpcs = json::parse(test::read_text("programs/namss-cpcs.json"));
    cpcs["name"] = "NAMSS CPCS as our chapter reads it";
    Log log = keep_program(test::log_from(R"({"format":"recert-log","version":1,"credentials":[],"entries":[]})"), {"namss-cpcs", cpcs});
    Problems problems;
    auto programs = programs_with_own(test::all_programs(), log, problems);
    CHECK(problems.empty());
    CHECK(programs.size() == test::all_programs().size());
    const auto it = std::find_if(programs.begin(), programs.end(), [](const Program& p) { return p.id == "namss-cpcs"; });
    REQUIRE(it != programs.end());
    CHECK(it->name == "NAMSS CPCS as our chapter reads it");

    json broken = example_file();
    broken["requirements"][0].erase("min");
    log = keep_program(log, {"example-ces", broken});
    problems.clear();
    programs = programs_with_own(test::all_programs(), log, problems);
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].where.rfind("/programs/1/requirements/0", 0) == 0);
    CHECK(std::none_of(programs.begin(), programs.end(), [](const Program& p) { return p.id == "example-ces"; }));
}

TEST_CASE("Own programs: a log's programs list must hold program files with ids, each once") {
    auto r = parse_log(R"({"format":"recert-log","version":1,"credentials":[],"entries":[],"programs":[{"format":"recert-log","id":"x"}]})");
    CHECK_FALSE(r.log.has_value());
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems[0].where == "/programs/0/format");
    r = parse_log(R"({"format":"recert-log","version":1,"credentials":[],"entries":[],"programs":[{"format":"recert-program","id":"x"},{"format":"recert-program","id":"x"}]})");
    CHECK_FALSE(r.log.has_value());
    CHECK(r.problems.at(0).where == "/programs/1/id");
    r = parse_log(R"({"format":"recert-log","version":1,"credentials":[],"entries":[],"programs":{"id":"x"}})");
    CHECK(r.problems.at(0).where == "/programs");
}

TEST_CASE("Own programs: a merge brings a program file the log lacks and keeps the one it has; another tab's write keeps ours") {
    const Log ours = log_with_example();
    const Log empty = test::log_from(R"({"format":"recert-log","version":1,"credentials":[],"entries":[]})");
    const Log merged = merge(empty, ours);
    REQUIRE(merged.programs.size() == 1);
    CHECK(merged.programs[0].file == example_file());
    json other = example_file();
    other["name"] = "Changed";
    const Log kept = merge(ours, keep_program(empty, {"example-ces", other}));
    CHECK(kept.programs.at(0).file == example_file());

    // This tab loaded the file while another tab logged an activity: both survive.
    Log theirs = add_entry(empty, Entry{});
    const Log rebased = rebase(empty, keep_program(empty, {"example-ces", example_file()}), theirs);
    CHECK(rebased.programs.size() == 1);
    CHECK(rebased.entries.size() == 1);
}
