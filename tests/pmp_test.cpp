// PMI PMP (programs/pmi-pmp.json): each rule of the file, failing if a figure in it were wrong.
#include <doctest/doctest.h>

#include <string>

#include "support.h"

using namespace recert;
using namespace recert::test;

namespace {

const char* const certified = R"({"certified_on":"2024-03-15"})";

// One activity as a log entry: PDUs as the certificate states them.
std::string pdus(const std::string& id, const std::string& date, const std::string& kind, const std::string& credits,
                 const std::string& topic = "") {
    return R"({"id":")" + id + R"(","title":")" + id + R"(","date":")" + date + R"(","kind":")" + kind + R"(","credits":)" + credits +
           (topic.empty() ? "" : R"(,"topics":[")" + topic + R"("])") + "}";
}

// Education courses: `ww`, `ps`, `ba` PDUs in each skill area.
std::string education(const std::string& ww, const std::string& ps, const std::string& ba) {
    return pdus("ww", "2024-06-01", "course", ww, "ways_of_working") + "," + pdus("ps", "2024-07-01", "course", ps, "power_skills") + "," +
           pdus("ba", "2024-08-01", "course", ba, "business_acumen");
}

CredentialReport pmp(const std::string& entries) { return evaluate_one("pmi-pmp", certified, "[" + entries + "]", "2026-12-01"); }

}  // namespace

TEST_CASE("PMP: the cycle runs three years from the day the exam was passed, with a year of suspension after it") {
    const auto r = pmp("");
    CHECK(r.start == day("2024-03-15"));
    CHECK(r.end == day("2027-03-15"));
    CHECK(deadline(r, "due").date == day("2027-03-15"));
    CHECK(deadline(r, "grace_until").date == day("2028-03-15"));
}

TEST_CASE("PMP: renewal needs 60 PDUs") {
    const auto r = pmp(education("20", "20", "20"));
    CHECK(requirement(r, "total").required == Credits::whole(60));
    CHECK(requirement(r, "total").earned == Credits::whole(60));
    CHECK(r.complete);
    const auto short_of = pmp(education("20", "20", "19.75"));
    CHECK(requirement(short_of, "total").remaining.to_string() == "0.25");
    CHECK_FALSE(short_of.complete);
}

TEST_CASE("PMP: at least 35 PDUs must be in Education, and Giving Back does not count toward it") {
    const auto r = pmp(education("8", "8", "18") + "," + pdus("talk", "2024-09-01", "presentation", "26", "business_acumen"));
    CHECK(requirement(r, "education").required == Credits::whole(35));
    CHECK(requirement(r, "education").earned == Credits::whole(34));
    CHECK_FALSE(requirement(r, "education").met);
    const auto met = pmp(education("8", "8", "19"));
    CHECK(requirement(met, "education").met);
}

TEST_CASE("PMP: each skill area needs at least 8 Education PDUs") {
    for (const char* area : {"ways_of_working", "power_skills", "business_acumen"}) {
        CAPTURE(area);
        const std::string ww = std::string(area) == "ways_of_working" ? "7.75" : "20";
        const std::string ps = std::string(area) == "power_skills" ? "7.75" : "20";
        const std::string ba = std::string(area) == "business_acumen" ? "7.75" : "20";
        const auto r = pmp(education(ww, ps, ba));
        CHECK(requirement(r, area).required == Credits::whole(8));
        CHECK(requirement(r, area).remaining.to_string() == "0.25");
        CHECK_FALSE(r.complete);
        // A Giving Back activity in the area does not make up for it.
        const auto r2 = pmp(education(ww, ps, ba) + "," + pdus("talk", "2024-09-01", "presentation", "5", area));
        CHECK_FALSE(requirement(r2, area).met);
    }
}

TEST_CASE("PMP: Giving Back counts for at most 25 PDUs") {
    const auto r = pmp(education("12", "12", "12") + "," + pdus("talk", "2024-09-01", "presentation", "20") + "," +
                       pdus("article", "2024-10-01", "article", "10") + "," + pdus("mentor", "2024-11-01", "in_service", "3"));
    CHECK(entry(r, "talk").counted == Credits::whole(20));
    CHECK(entry(r, "article").counted == Credits::whole(5));
    CHECK(entry(r, "mentor").excluded == Exclusion::cap_reached);
    CHECK(requirement(r, "total").earned == Credits::whole(61));
}

TEST_CASE("PMP: working as a professional counts for at most 8 of the 25 Giving Back PDUs") {
    // Alone it stops at 8...
    const auto r = pmp(pdus("job", "2024-09-01", "other", "10", "working_professional") + "," +
                       pdus("job2", "2024-09-02", "other", "2", "working_professional"));
    CHECK(entry(r, "job").counted == Credits::whole(8));
    CHECK(entry(r, "job2").excluded == Exclusion::cap_reached);
    // ...and those 8 are part of the 25: 17 more Giving Back PDUs fill it.
    const auto both = pmp(pdus("job", "2024-09-01", "other", "10", "working_professional") + "," +
                          pdus("talk", "2024-10-01", "presentation", "20"));
    CHECK(entry(both, "job").counted == Credits::whole(8));
    CHECK(entry(both, "talk").counted == Credits::whole(17));
    // Giving Back that used up most of the 25 first leaves working as a professional the rest.
    const auto late = pmp(pdus("talk", "2024-09-01", "presentation", "20") + "," +
                          pdus("job", "2024-10-01", "other", "10", "working_professional"));
    CHECK(entry(late, "job").counted == Credits::whole(5));
    CHECK(requirement(late, "total").earned == Credits::whole(25));
}

TEST_CASE("PMP: PDUs earned in the suspension year count toward the cycle that ended short") {
    const auto r = evaluate_one("pmi-pmp", certified,
                                "[" + education("20", "20", "10") + "," + pdus("late", "2027-06-01", "course", "10", "business_acumen") + "]",
                                "2027-07-01");
    CHECK(r.end == day("2027-03-15"));
    CHECK(entry(r, "late").counted == Credits::whole(10));
    CHECK(r.complete);
}

namespace {
// A first cycle 2021-03-15 to 2024-03-15 (its last year starts 2023-03-16), seen from the next one.
const char* const earlier = R"({"certified_on":"2021-03-15"})";
const char* const renewed = R"({"certified_on":"2021-03-15","renewed_through":"2024-03-15"})";
std::string early(const std::string& ww, const std::string& ps, const std::string& ba) {
    return pdus("ww", "2021-06-01", "course", ww, "ways_of_working") + "," + pdus("ps", "2021-07-01", "course", ps, "power_skills") + "," +
           pdus("ba", "2021-08-01", "course", ba, "business_acumen");
}
CredentialReport next_cycle(const std::string& entries) { return evaluate_one("pmi-pmp", renewed, "[" + entries + "]", "2024-12-01"); }
}  // namespace

TEST_CASE("PMP: up to 20 PDUs beyond the 60, earned in a cycle's last year, count toward the next cycle") {
    const std::string log = early("20", "20", "20") + "," + pdus("extra", "2023-06-01", "course", "25", "power_skills");
    const auto before = evaluate_one("pmi-pmp", earlier, "[" + log + "]", "2024-01-01");
    CHECK(before.end == day("2024-03-15"));
    CHECK(entry(before, "extra").counted == Credits::whole(25));
    CHECK_FALSE(entry(before, "extra").carried);
    CHECK(requirement(before, "total").earned == Credits::whole(85));

    const auto r = next_cycle(log);
    CHECK(r.start == day("2024-03-16"));
    const auto& extra = entry(r, "extra");
    CHECK(extra.carried);
    CHECK(extra.excluded == Exclusion::none);
    CHECK(extra.counted == Credits::whole(20));  // 25 beyond the 60, at most 20
    CHECK(extra.detail == "carried over from the cycle that ended 2024-03-15: 20 of its 25 PDUs were more than that cycle needed");
    // It keeps its kind and skill area.
    CHECK(requirement(r, "total").earned == Credits::whole(20));
    CHECK(requirement(r, "education").earned == Credits::whole(20));
    CHECK(requirement(r, "power_skills").earned == Credits::whole(20));
    CHECK(entry(r, "ww").excluded == Exclusion::outside_cycle);
}

TEST_CASE("PMP: only activities dated in the cycle's last 12 months carry over") {
    for (const auto& [date, carries] : {std::pair{"2023-03-15", false}, {"2023-03-16", true}, {"2024-03-15", true}}) {
        CAPTURE(date);
        const auto r = next_cycle(early("20", "20", "20") + "," + pdus("extra", date, "course", "5", "power_skills"));
        CHECK(entry(r, "extra").carried == carries);
        CHECK(requirement(r, "total").earned == (carries ? Credits::whole(5) : Credits{}));
    }
}

TEST_CASE("PMP: what carries is the surplus, from the latest activities first") {
    const auto r = next_cycle(early("20", "20", "15") + "," + pdus("a", "2023-05-01", "course", "10", "business_acumen") + "," +
                              pdus("b", "2024-01-10", "course", "5", "power_skills"));
    // 70 PDUs counted, 10 beyond the 60: b's 5, then 5 of a's 10.
    CHECK(entry(r, "b").counted == Credits::whole(5));
    CHECK(entry(r, "a").counted == Credits::whole(5));
    CHECK(entry(r, "a").detail == "carried over from the cycle that ended 2024-03-15: 5 of its 10 PDUs were more than that cycle needed");
    CHECK(requirement(r, "total").earned == Credits::whole(10));
}

TEST_CASE("PMP: nothing carries over from a cycle that ended short of a requirement") {
    // 75 PDUs, but 5 in Business Acumen.
    const auto r = next_cycle(early("20", "20", "5") + "," + pdus("extra", "2023-06-01", "course", "30", "power_skills"));
    CHECK_FALSE(entry(r, "extra").carried);
    CHECK(entry(r, "extra").excluded == Exclusion::outside_cycle);
    CHECK(requirement(r, "total").earned == Credits{});
}

TEST_CASE("PMP: PDUs earned in the suspension year complete the cycle that ended, and do not carry over") {
    const auto r = next_cycle(early("20", "20", "10") + "," + pdus("late", "2024-06-01", "course", "20", "business_acumen"));
    CHECK_FALSE(entry(r, "late").carried);
    CHECK(entry(r, "late").excluded == Exclusion::outside_cycle);
    CHECK(requirement(r, "total").earned == Credits{});
}

TEST_CASE("Shipped example: pmi-pmp") {
    const Report report = evaluate(all_programs(), log_from(read_text("programs/examples/pmi-pmp.json")), day("2026-11-26"));
    REQUIRE(report.credentials.size() == 1);
    const auto& r = report.credentials[0];
    REQUIRE(r.problems.empty());
    CHECK(r.end == day("2027-05-20"));
    CHECK(requirement(r, "education").earned.to_string() == "29.5");
    CHECK(requirement(r, "total").earned.to_string() == "54.5");
    CHECK(requirement(r, "total").projected.to_string() == "61.5");
    CHECK(requirement(r, "power_skills").earned == Credits::whole(5));
    CHECK(entry(r, "e11").counted == Credits::whole(2));  // the last 2 of the 25 Giving Back PDUs
    CHECK(entry(r, "e12").excluded == Exclusion::cap_reached);  // past the 8 for working as a professional
    CHECK_FALSE(r.projected_complete);  // Power Skills stays 3 PDUs short
}
