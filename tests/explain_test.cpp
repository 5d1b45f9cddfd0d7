// The drill-downs' words (explain.h), read as a specification: what a person sees when they
// ask why a requirement is not met, or where an activity went.
#include <doctest/doctest.h>

#include <string>

#include "explain.h"
#include "support.h"

namespace recert::test {

namespace {

const Line& line(const std::vector<Line>& lines, const CredentialReport& r, const std::string& entry_id) {
    for (const auto& l : lines)
        if (r.entries[l.entry].id == entry_id) return l;
    FAIL("no line for " << entry_id);
    return lines.front();
}

std::size_t index_of(const CredentialReport& r, const std::string& entry_id) {
    for (std::size_t i = 0; i < r.entries.size(); ++i)
        if (r.entries[i].id == entry_id) return i;
    FAIL("no entry " << entry_id);
    return 0;
}

}  // namespace

TEST_CASE("PMP: an activity carried over from the last cycle says so where it counts") {
    const auto r = evaluate_one("pmi-pmp", R"({"certified_on": "2021-03-15", "renewed_through": "2024-03-15"})", R"([
        {"id": "ww", "title": "ww", "date": "2021-06-01", "credits": 20, "kind": "course", "topics": ["ways_of_working"]},
        {"id": "ps", "title": "ps", "date": "2021-07-01", "credits": 20, "kind": "course", "topics": ["power_skills"]},
        {"id": "ba", "title": "ba", "date": "2021-08-01", "credits": 20, "kind": "course", "topics": ["business_acumen"]},
        {"id": "extra", "title": "Leading remote teams", "date": "2023-06-01", "credits": 25, "kind": "course", "topics": ["power_skills"]}
    ])", "2024-12-01");
    const auto total = requirement_lines(program("pmi-pmp"), r, "total");
    REQUIRE(total.size() == 4);
    const Line& carried = line(total, r, "extra");
    CHECK(carried.share == Share::counted);
    CHECK(carried.amount == Credits::whole(20));
    CHECK(carried.why == "carried over from the cycle that ended 2024-03-15: 20 of its 25 PDUs were more than that cycle needed");
    // The earlier cycle's other activities count for nothing here.
    CHECK(line(total, r, "ww").share == Share::not_counted);
}

TEST_CASE("ALA CLM recert: a two-area session goes to the area that needed it, and both areas' drill-downs say so") {
    const auto r = evaluate_one("ala-clm-recert", R"({"certified_on": "2024-06-15"})", R"([
        {"id": "hr_only", "title": "Hiring well", "date": "2025-01-10", "minutes": 120, "kind": "conference", "topics": ["hr"]},
        {"id": "both", "title": "Budgeting for staffing", "date": "2025-02-10", "minutes": 120, "kind": "conference", "topics": ["hr", "fm"]}
    ])", "2025-06-01");
    // HR has 2 of 3 hours, FM none: the session covers 2 more in FM, only 1 more in HR.
    const auto fm = requirement_lines(program("ala-clm-recert"), r, "fm");
    REQUIRE(fm.size() == 1);
    CHECK(fm[0].share == Share::counted);
    CHECK(fm[0].amount == Credits::whole(2));
    const auto hr = requirement_lines(program("ala-clm-recert"), r, "hr");
    REQUIRE(hr.size() == 2);
    CHECK(line(hr, r, "hr_only").share == Share::counted);  // counted lines first
    CHECK(hr[0].share == Share::counted);
    CHECK(line(hr, r, "both").share == Share::elsewhere);
    CHECK(line(hr, r, "both").why == "counted toward Financial Management instead, which needed it more");

    // From the activity: the total and its area, then the area it fit but did not go to.
    const auto both = entry_lines(program("ala-clm-recert"), r, index_of(r, "both"));
    REQUIRE(both.size() == 3);
    CHECK(both[0].requirement == "total");
    CHECK(both[1].requirement == "fm");
    CHECK(both[2].requirement == "hr");
    CHECK(both[2].share == Share::elsewhere);
}

TEST_CASE("ALA CLM recert: an area already met is the reason a session went elsewhere") {
    const auto r = evaluate_one("ala-clm-recert", R"({"certified_on": "2024-06-15"})", R"([
        {"id": "hr_only", "title": "Hiring well", "date": "2025-01-10", "minutes": 180, "kind": "conference", "topics": ["hr"]},
        {"id": "both", "title": "Budgeting for staffing", "date": "2025-02-10", "minutes": 60, "kind": "conference", "topics": ["hr", "fm"]}
    ])", "2025-06-01");
    const auto hr = requirement_lines(program("ala-clm-recert"), r, "hr");
    CHECK(line(hr, r, "both").why == "counted toward Financial Management instead: Human Resources Management is already met");
}

TEST_CASE("ALA CLM recert: a session under 60 minutes is listed under the areas it fits, with why it earns nothing") {
    const auto r = evaluate_one("ala-clm-recert", R"({"certified_on": "2024-06-15"})", R"([
        {"id": "short", "title": "Lunch talk", "date": "2025-01-10", "minutes": 45, "kind": "conference", "topics": ["om"]},
        {"id": "later", "title": "Spring conference", "date": "2025-09-10", "minutes": 60, "kind": "conference", "topics": ["om"]}
    ])", "2025-06-01");
    const auto om = requirement_lines(program("ala-clm-recert"), r, "om");
    REQUIRE(om.size() == 2);
    CHECK(om[0].share == Share::planned);  // planned before not counted
    CHECK(r.entries[om[0].entry].id == "later");
    CHECK(line(om, r, "short").share == Share::not_counted);
    CHECK(line(om, r, "short").why == "45 minutes; sessions shorter than 60 minutes earn nothing");
}

TEST_CASE("Every shipped example: each requirement's counted lines add up to what it has earned") {
    for (const auto& p : all_programs()) {
        CAPTURE(p.id);
        const Log log = log_from(read_text("programs/examples/" + p.id + ".json"));
        const Report report = evaluate(all_programs(), log, day("2026-11-26"));
        for (const auto& c : report.credentials) {
            REQUIRE(c.problems.empty());
            for (const auto& q : c.requirements) {
                CAPTURE(q.id);
                Credits sum;
                for (const auto& l : requirement_lines(p, c, q.id))
                    if (l.share == Share::counted) sum += l.amount;
                CHECK(sum == q.earned);
            }
        }
    }
}

TEST_CASE("NAMSS CPCS: reasons name the credential and say what to do, never the file's id") {
    const auto r = evaluate_one("namss-cpcs", R"({"certified_on": "2024-06-15"})", R"([
        {"id": "bare", "title": "Webinar", "date": "2025-01-10", "kind": "live_webinar"}
    ])", "2025-06-01");
    const std::string detail = entry(r, "bare").detail;
    CHECK(detail.find("namss-cpcs") == std::string::npos);
    CHECK(detail == "states no credits: add the credits printed on the certificate (NAMSS CPCS counts those, not minutes)");
    // It would count toward the total once it has credits: its drill-down says so.
    const auto lines = entry_lines(program("namss-cpcs"), r, index_of(r, "bare"));
    REQUIRE_FALSE(lines.empty());
    CHECK(lines[0].share == Share::not_counted);
    CHECK(lines[0].why == detail);
}

TEST_CASE("A date with a mistyped year is warned about: decades ahead, or before the certification") {
    const auto r = evaluate_one("namss-cpcs", R"({"certified_on": "2024-06-15"})", R"([
        {"id": "ahead", "title": "Conference", "date": "2062-03-10", "credits": "2", "kind": "conference"},
        {"id": "before", "title": "Seminar", "date": "2016-03-10", "credits": "2", "kind": "conference"},
        {"id": "fine", "title": "Webinar", "date": "2026-03-10", "credits": "2", "kind": "live_webinar"},
        {"id": "preparing", "title": "Exam prep course", "date": "2023-09-10", "credits": "2", "kind": "course"}
    ])", "2025-06-01");
    REQUIRE(entry(r, "ahead").warnings.size() == 1);
    CHECK(entry(r, "ahead").warnings[0].where == "/entries/0/date");
    CHECK(entry(r, "ahead").warnings[0].what == "dated Mar 10, 2062, more than 5 years ahead: check the year");
    REQUIRE(entry(r, "before").warnings.size() == 1);
    CHECK(entry(r, "before").warnings[0].what == "dated Mar 10, 2016, more than 5 years before the certification on Jun 15, 2024: check the year");
    CHECK(entry(r, "fine").warnings.empty());       // planned, within reach
    CHECK(entry(r, "preparing").warnings.empty());  // taken while preparing for the exam
}

}  // namespace recert::test
