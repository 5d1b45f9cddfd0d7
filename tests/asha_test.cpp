// ASHA CCC (programs/asha-ccc.json): each rule of the file, failing if a figure in it were wrong.
#include <doctest/doctest.h>

#include <string>

#include "support.h"

using namespace recert;
using namespace recert::test;

namespace {

const char* const certified = R"({"certified_on":"2023-08-14"})";

// One activity as a log entry: PDHs as stated, or minutes when `credits` is empty.
std::string pdh(const std::string& id, const std::string& date, const std::string& kind, const std::string& credits,
                const std::string& topic = "", const std::string& minutes = "") {
    return R"({"id":")" + id + R"(","title":")" + id + R"(","date":")" + date + R"(","kind":")" + kind + R"(")" +
           (credits.empty() ? R"(,"minutes":)" + minutes : R"(,"credits":)" + credits) +
           (topic.empty() ? "" : R"(,"topics":[")" + topic + R"("])") + "}";
}

// 27 PDHs of general courses, 1 in ethics and 2 in CC/DEI: exactly what an interval needs.
std::string enough() {
    return pdh("general", "2024-05-01", "course", "27") + "," + pdh("ethics", "2025-03-05", "live_webinar", "1", "ethics") + "," +
           pdh("dei", "2026-02-10", "course", "2", "cc_dei");
}

CredentialReport asha(const std::string& entries, const char* as_of = "2026-11-26") {
    return evaluate_one("asha-ccc", certified, "[" + entries + "]", as_of);
}

}  // namespace

TEST_CASE("ASHA: the first interval begins the January 1 after certification and runs three calendar years") {
    const auto r = asha("");
    CHECK(r.start == day("2024-01-01"));
    CHECK(r.end == day("2026-12-31"));
    CHECK(deadline(r, "due").date == day("2026-12-31"));
    // Certified on Dec 31 or on Jan 1, the interval still begins the next January 1.
    CHECK(evaluate_one("asha-ccc", R"({"certified_on":"2023-12-31"})", "[]", "2026-11-26").start == day("2024-01-01"));
    CHECK(evaluate_one("asha-ccc", R"({"certified_on":"2023-01-01"})", "[]", "2026-11-26").start == day("2024-01-01"));
    // Before it begins, the page says when it does.
    const auto early = asha("", "2023-09-01");
    CHECK(early.phase == Phase::not_started);
    CHECK(early.phase_text == "The cycle starts on 2024-01-01.");
}

TEST_CASE("ASHA: the next interval follows the last, three calendar years again") {
    const auto r = evaluate_one("asha-ccc", R"({"certified_on":"2023-08-14","renewed_through":"2026-12-31"})", "[]", "2027-03-01");
    CHECK(r.start == day("2027-01-01"));
    CHECK(r.end == day("2029-12-31"));
}

TEST_CASE("ASHA: activities between certification and the first January 1 count for nothing") {
    const auto r = asha(enough() + "," + pdh("before", "2023-10-20", "conference", "6"));
    CHECK(entry(r, "before").excluded == Exclusion::outside_cycle);
    CHECK(requirement(r, "total").earned == Credits::whole(30));
}

TEST_CASE("ASHA: maintenance needs 30 PDHs, at least 1 in ethics and 2 in cultural competency or DEI") {
    const auto r = asha(enough());
    CHECK(requirement(r, "total").required == Credits::whole(30));
    CHECK(requirement(r, "ethics").required == Credits::whole(1));
    CHECK(requirement(r, "cc_dei").required == Credits::whole(2));
    CHECK(r.complete);
    // The ethics and CC/DEI hours are part of the 30, not in addition to them.
    CHECK(requirement(r, "total").earned == Credits::whole(30));
    const auto no_ethics = asha(pdh("general", "2024-05-01", "course", "28") + "," + pdh("dei", "2026-02-10", "course", "2", "cc_dei"));
    CHECK(requirement(no_ethics, "total").met);
    CHECK_FALSE(requirement(no_ethics, "ethics").met);
    CHECK_FALSE(no_ethics.complete);
    const auto short_dei = asha(pdh("general", "2024-05-01", "course", "28") + "," + pdh("ethics", "2025-03-05", "course", "1", "ethics") + "," +
                                pdh("dei", "2026-02-10", "course", "1.75", "cc_dei"));
    CHECK(requirement(short_dei, "cc_dei").remaining.to_string() == "0.25");
    CHECK_FALSE(short_dei.complete);
}

TEST_CASE("ASHA: one PDH is 60 minutes") {
    const auto r = asha(pdh("talk", "2025-03-05", "live_webinar", "", "ethics", "90"));
    CHECK(entry(r, "talk").counted.to_string() == "1.5");
}

TEST_CASE("ASHA: hours count as a learner: presenting or writing earns nothing, in-service training counts") {
    const auto r = asha(pdh("presenting", "2025-09-26", "presentation", "3") + "," + pdh("article", "2025-10-01", "article", "2") + "," +
                        pdh("inservice", "2025-05-16", "in_service", "4"));
    CHECK(entry(r, "presenting").excluded == Exclusion::off_topic);
    CHECK(entry(r, "presenting").detail == "its kind, Presentation, counts toward no requirement of ASHA CCC");
    CHECK(entry(r, "article").excluded == Exclusion::off_topic);
    CHECK(entry(r, "inservice").counted == Credits::whole(4));
    CHECK(requirement(r, "total").earned == Credits::whole(4));
}

TEST_CASE("ASHA: each counted activity needs its third-party documentation for an audit") {
    const auto r = asha(enough());
    REQUIRE(entry(r, "general").missing.size() == 1);
    CHECK(entry(r, "general").missing[0] == "certificate");
}

TEST_CASE("Shipped example: asha-ccc") {
    const Report report = evaluate(all_programs(), log_from(read_text("programs/examples/asha-ccc.json")), day("2026-11-26"));
    REQUIRE(report.credentials.size() == 1);
    const auto& r = report.credentials[0];
    REQUIRE(r.problems.empty());
    CHECK(r.start == day("2024-01-01"));
    CHECK(requirement(r, "total").earned == Credits::whole(24));
    CHECK(requirement(r, "total").projected == Credits::whole(27));
    CHECK(requirement(r, "ethics").met);
    CHECK(requirement(r, "cc_dei").remaining.to_string() == "0.5");
    CHECK(entry(r, "e1").excluded == Exclusion::outside_cycle);  // before the first January 1
    CHECK(entry(r, "e6").excluded == Exclusion::off_topic);      // presenting
    CHECK(entry(r, "e9").excluded == Exclusion::planned);
    CHECK_FALSE(r.projected_complete);
}
