// What the report says beyond the figures: warnings on entries.
#include <doctest/doctest.h>

#include "evaluation.h"
#include "support.h"

using namespace recert;

namespace {
Report report_of(const std::string& log_json) { return evaluate(test::all_programs(), test::log_from(log_json), test::day("2026-11-26")); }
}  // namespace

TEST_CASE("Report: a topic no program of the log knows is a warning on the entry, and blocks nothing") {
    // "zzz" was accepted silently and the entry became off_topic with no word of why.
    const Report r = report_of(R"({"format":"recert-log","version":1,
        "credentials":[{"id":"c1","program":"dmec-clms","certified_on":"2025-02-10"}],
        "entries":[{"id":"e1","title":"FMLA update","date":"2025-03-01","credits":1,"kind":"live_webinar","topics":["fmla","zzz"]},
                   {"id":"e2","title":"ADA basics","date":"2025-03-02","credits":1,"kind":"live_webinar","topics":["zzz"]},
                   {"id":"e3","title":"Leave law","date":"2025-03-03","credits":1,"kind":"live_webinar","topics":["fmla"]}]})");
    REQUIRE(r.credentials.size() == 1);
    const CredentialReport& c = r.credentials[0];
    CHECK(c.problems.empty());
    REQUIRE(c.entries[0].warnings.size() == 1);
    CHECK(describe(c.entries[0].warnings[0]) == "/entries/0/topics/1: \"zzz\" is not a topic of dmec-clms: the entry is evaluated without it");
    CHECK(c.entries[0].excluded == Exclusion::none);  // its other topic counts
    CHECK(c.entries[0].counted == Credits::whole(1));
    REQUIRE(c.entries[1].warnings.size() == 1);
    CHECK(c.entries[1].warnings[0].where == "/entries/1/topics/0");
    CHECK(c.entries[1].excluded == Exclusion::off_topic);
    CHECK(c.entries[2].warnings.empty());
    // In the JSON report, on the entry, for the page to show there.
    const auto j = to_json(r);
    CHECK(j["credentials"][0]["entries"][0]["warnings"] ==
          nlohmann::json::parse(R"([{"where":"/entries/0/topics/1","what":"\"zzz\" is not a topic of dmec-clms: the entry is evaluated without it"}])"));
    CHECK_FALSE(j["credentials"][0]["entries"][2].contains("warnings"));
}

TEST_CASE("Report: a topic another credential's program knows is no warning; one none knows warns in each credential") {
    const Report r = report_of(R"({"format":"recert-log","version":1,
        "credentials":[{"id":"c1","program":"dmec-clms","certified_on":"2025-02-10"},
                       {"id":"c2","program":"ala-clm-recert","certified_on":"2024-06-01"}],
        "entries":[{"id":"e1","title":"FMLA update","date":"2025-03-01","credits":1,"kind":"live_webinar","topics":["fmla"]},
                   {"id":"e2","title":"HR basics","date":"2025-03-02","credits":1,"kind":"live_webinar","topics":["hr"]},
                   {"id":"e3","title":"Typo","date":"2025-03-03","credits":1,"kind":"live_webinar","topics":["zzz"]}]})");
    REQUIRE(r.credentials.size() == 2);
    for (const auto& c : r.credentials) {
        CAPTURE(c.id);
        CHECK(c.entries[0].warnings.empty());  // fmla: DMEC's
        CHECK(c.entries[1].warnings.empty());  // hr: ALA's
        REQUIRE(c.entries[2].warnings.size() == 1);
        CHECK(c.entries[2].warnings[0].what == "\"zzz\" is not a topic of " + c.program + ": the entry is evaluated without it");
    }
    // A topic of a shipped program that no credential of the log follows is a warning too.
    const Report dmec_only = report_of(R"({"format":"recert-log","version":1,
        "credentials":[{"id":"c1","program":"dmec-clms","certified_on":"2025-02-10"}],
        "entries":[{"id":"e1","title":"HR basics","date":"2025-03-02","credits":1,"kind":"live_webinar","topics":["hr"]}]})");
    CHECK(dmec_only.credentials[0].entries[0].warnings.size() == 1);
}
