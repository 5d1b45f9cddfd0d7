// Fuzz target: the program parser on arbitrary bytes.
// Never crashes; a program comes with no problems, a refusal with at least one, each naming
// where and what. A program that parses is then evaluated: the activities of every shipped
// example log, for credentials with and without options, a renewal already done, and none
// of the dates a cycle needs, on several days; the report must serialise, and be the same
// for the log after a save.
#include <cstdint>
#include <string_view>

#include "common.h"
#include "report.h"

using namespace recert;
using namespace recert::fuzz;

namespace {

// Every entry of the shipped example logs, with fresh ids, and a few whose credits are
// written with trailing zeros or in minutes only.
const std::vector<Entry>& example_entries() {
    static const std::vector<Entry> entries = [] {
        auto extra = parse_log(R"({"format":"recert-log","version":1,"entries":[
          {"id":"x1","title":"Zeros","date":"2024-03-01","kind":"live_webinar","credits":"1.50","topics":["fmla","hr"],"approved":true},
          {"id":"x2","title":"Tenth","date":"2025-03-01","kind":"course","credits":"0.10","minutes":6,"topics":["writing"]},
          {"id":"x3","title":"Minutes","date":"2026-03-01","kind":"recording","minutes":80},
          {"id":"x4","title":"Whole","date":"2027-03-01","kind":"article","credits":"2.00"}]})");
        if (!extra.log) std::abort();
        std::vector<Entry> out = extra.log->entries;
        for (const char* id : {"dmec-clms", "ala-clm-application", "ala-clm-recert", "namss-cpcs", "namss-cpmsm", "namss-dual", "pmi-pmp", "asha-ccc"}) {
            auto r = parse_log(read_file(std::string(RECERT_SOURCE_DIR) + "/programs/examples/" + id + ".json"));
            if (!r.log) std::abort();
            for (auto e : r.log->entries) {
                e.id = "e" + std::to_string(out.size());
                out.push_back(std::move(e));
            }
        }
        return out;
    }();
    return entries;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const ProgramResult r = parse_program(text);
    FUZZ_CHECK(r.program.has_value() == r.problems.empty(), "a program comes with no problems, a refusal with at least one");
    check_problems(r.problems);
    if (!r.program) return 0;
    const Program& p = *r.program;

    Log log;
    log.entries = example_entries();
    Credential plain{"plain", p.id, "", parse_date("2020-02-29"), std::nullopt, {}, {}};
    Credential renewed{"renewed", p.id, "", parse_date("2019-06-15"), parse_date("2023-06-14"), {}, {}};
    Credential undated{"undated", p.id, "", std::nullopt, std::nullopt, {}, {}};
    Credential chosen = plain;
    chosen.id = "chosen";
    for (const auto& o : p.options) {
        if (!o.is_choice) chosen.options[o.id] = true;
        else if (!o.choices.empty()) chosen.options[o.id] = o.choices.front();
    }
    log.credentials = {plain, renewed, undated, chosen};
    const std::vector<Program> programs{p};
    // The same log after a save: it must evaluate the same.
    const LogResult saved = parse_log(serialize(log));
    FUZZ_CHECK(saved.log.has_value(), "the test log reads back");
    for (const Date day : as_of_days()) {
        const Report report = evaluate(programs, log, day);
        FUZZ_CHECK(report.credentials.size() == log.credentials.size(), "one report per credential");
        for (const auto& c : report.credentials) check_problems(c.problems);
        const nlohmann::json j = to_json(report);
        (void)j.dump();
        FUZZ_CHECK(to_json(evaluate(programs, *saved.log, day)) == j, "a saved log evaluates the same on " + to_iso(day));
    }
    return 0;
}
