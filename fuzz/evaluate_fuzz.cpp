// Fuzz target: the evaluator on arbitrary logs.
// The bytes are read as a log; one that parses is evaluated against the eight shipped programs
// on several days. Never crashes; the report serialises; its figures agree with each other
// (remaining = required - earned, what entries count toward a requirement sums to its
// earned, excluded entries count nothing). The log saved and read back is the same document
// and evaluates to the same report.
#include <cstdint>
#include <string_view>

#include "common.h"
#include "report.h"

using namespace recert;
using namespace recert::fuzz;

namespace {

void check_report(const Report& report, const Log& log, Date day) {
    for (const auto& c : report.credentials) {
        check_problems(c.problems);
        if (!c.problems.empty()) continue;
        FUZZ_CHECK(c.entries.size() == log.entries.size(), "one result per entry");
        FUZZ_CHECK(c.days_left == days_between(day, c.end), "days_left counts to the cycle's end");
        FUZZ_CHECK(c.start <= c.end, "a cycle starts before it ends");
        bool complete = true;
        for (const auto& q : c.requirements) {
            FUZZ_CHECK(q.remaining == (q.earned < q.required ? q.required - q.earned : Credits{}), "remaining = required - earned");
            FUZZ_CHECK(q.met == (q.remaining == Credits{}), "met when nothing remains");
            complete = complete && q.met;
            Credits toward;
            for (const auto& e : c.entries)
                if (std::find(e.toward.begin(), e.toward.end(), q.id) != e.toward.end()) toward += e.counted;
            FUZZ_CHECK(toward == q.earned, "entries counted toward " + q.id + " sum to its earned: " + toward.to_string() +
                                               " vs " + q.earned.to_string());
        }
        FUZZ_CHECK(complete == c.complete, "complete when every requirement is met");
        for (const auto& e : c.entries) {
            FUZZ_CHECK(Credits{} <= e.counted && e.counted <= e.amount, "an entry counts between nothing and its worth");
            if (e.excluded != Exclusion::none) FUZZ_CHECK(e.counted == Credits{} && e.toward.empty(), "an excluded entry counts nothing");
        }
        for (std::size_t i = 1; i < c.deadlines.size(); ++i) FUZZ_CHECK(c.deadlines[i - 1].date <= c.deadlines[i].date, "deadlines by date");
        // Every date reported is one a log can hold (reads back with parse_date).
        FUZZ_CHECK(in_range(c.start) && in_range(c.end), "the cycle is inside 1900 to 9999: " + to_iso(c.start) + " to " + to_iso(c.end));
        for (const auto& d : c.deadlines) FUZZ_CHECK(in_range(d.date), "a deadline is inside 1900 to 9999: " + to_iso(d.date));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const LogResult r = parse_log(text);
    if (!r.log) return 0;
    const Log& log = *r.log;
    const auto& programs = shipped_programs();

    std::vector<nlohmann::json> reports;
    for (const Date day : as_of_days()) {
        const Report report = evaluate(programs, log, day);
        FUZZ_CHECK(report.credentials.size() == log.credentials.size(), "one report per credential");
        check_report(report, log, day);
        reports.push_back(to_json(report));
        (void)reports.back().dump();
    }

    const std::string saved = serialize(log);
    const LogResult again = parse_log(saved);
    FUZZ_CHECK(again.log.has_value(), "a saved log reads back: " + describe(again.problems.front()));
    FUZZ_CHECK(to_json(*again.log) == to_json(log), "a saved log reads back the same:\n" + saved);
    for (std::size_t i = 0; i < as_of_days().size(); ++i)
        FUZZ_CHECK(to_json(evaluate(programs, *again.log, as_of_days()[i])) == reports[i],
                   "a saved log evaluates the same on " + to_iso(as_of_days()[i]) + ":\n" + saved);
    return 0;
}
