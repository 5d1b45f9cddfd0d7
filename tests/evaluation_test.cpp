// Rules every program shares: what counts, what is excluded and why, options, projections.
#include <doctest/doctest.h>

#include "support.h"

using namespace recert;
using namespace recert::test;

TEST_CASE("Evaluation: an entry with the same title, date and provider as an earlier one is a duplicate") {
    const auto r = evaluate_one("namss-cpcs", R"({"certified_on":"2023-03-01"})", R"([
      {"id":"a","title":"Credentialing 101","provider":"NAMSS","date":"2024-05-01","kind":"live_webinar","credits":1},
      {"id":"b","title":" credentialing  101 ","provider":"namss","date":"2024-05-01","kind":"recording","credits":1},
      {"id":"c","title":"Credentialing 101","provider":"NAMSS","date":"2024-05-02","kind":"live_webinar","credits":1},
      {"id":"d","title":"Credentialing 101","provider":"Other","date":"2024-05-01","kind":"live_webinar","credits":1}])",
                                  "2024-06-01");
    CHECK(entry(r, "a").excluded == Exclusion::none);
    CHECK(entry(r, "b").excluded == Exclusion::duplicate);
    CHECK(entry(r, "c").excluded == Exclusion::none);
    CHECK(entry(r, "d").excluded == Exclusion::none);
    CHECK(requirement(r, "total").earned == Credits::whole(3));
}

TEST_CASE("Evaluation: activities after the as-of date are planned and count only in the projection") {
    const auto r = evaluate_one("namss-cpcs", R"({"certified_on":"2023-03-01"})", R"([
      {"id":"done","title":"A","date":"2024-05-01","kind":"live_webinar","credits":20,"approved":true},
      {"id":"next","title":"B","date":"2024-07-01","kind":"conference","credits":10,"approved":true}])",
                                  "2024-06-01");
    CHECK(entry(r, "next").excluded == Exclusion::planned);
    CHECK(entry(r, "next").counted == Credits{});
    CHECK(requirement(r, "total").earned == Credits::whole(20));
    CHECK(requirement(r, "total").projected == Credits::whole(30));
    CHECK_FALSE(r.complete);
    CHECK(r.projected_complete);
}

TEST_CASE("Evaluation: credits more precise than the program counts are invalid, with the reason") {
    // A program file that counts whole credits only.
    auto text = read_text("programs/namss-cpcs.json");
    auto doc = nlohmann::json::parse(text);
    doc["credit"]["decimals"] = 0;
    auto parsed = read_program(doc);
    REQUIRE(parsed.program);
    const Log log = log_from(R"({"format":"recert-log","version":1,"credentials":[{"id":"c1","program":"namss-cpcs","certified_on":"2023-03-01"}],
      "entries":[{"id":"e","title":"A","date":"2024-05-01","kind":"live_webinar","credits":1.5},
                 {"id":"f","title":"B","date":"2024-05-01","kind":"live_webinar","credits":2}]})");
    const auto r = evaluate(*parsed.program, log.credentials[0], log.entries, day("2024-06-01"));
    CHECK(entry(r, "e").excluded == Exclusion::invalid);
    // One decimal place, singular (it read "1 decimal places").
    CHECK(entry(r, "e").detail == "1.5 has 1 decimal place; NAMSS CPCS counts whole credits only: enter the figure printed on the certificate");
    CHECK(entry(r, "f").counted == Credits::whole(2));
    // The same for an entry built in code: its precision is its value's, as it will be once saved.
    std::vector<Entry> built = log.entries;
    built[0] = Entry{};
    built[0].id = "e";
    built[0].title = "A";
    built[0].date = day("2024-05-01");
    built[0].kind = Kind::live_webinar;
    built[0].credits = Credits::parse("1.5", 2);
    CHECK(entry(evaluate(*parsed.program, log.credentials[0], built, day("2024-06-01")), "e").excluded == Exclusion::invalid);
}

TEST_CASE("Evaluation: options the program does not have, or values it does not offer, are named") {
    auto r = evaluate_one("ala-clm-application", R"({"options":{"specialist_area":"tax"}})", "[]", "2026-11-25");
    REQUIRE(r.problems.size() == 1);
    CHECK(describe(r.problems[0]) == "options/specialist_area: \"tax\" is not one of hr, fm, om, li");
    r = evaluate_one("namss-cpcs", R"({"certified_on":"2023-03-01","options":{"extention_requested":true}})", "[]", "2026-11-25");
    REQUIRE(r.problems.size() == 1);
    CHECK(describe(r.problems[0]) == "options/extention_requested: is not an option of namss-cpcs");
    r = evaluate_one("namss-cpcs", R"({"certified_on":"2023-03-01","options":{"extension_requested":"yes"}})", "[]", "2026-11-25");
    CHECK(describe(r.problems.at(0)) == "options/extension_requested: must be true or false");
}

TEST_CASE("Evaluation: a credential without the dates its program needs is named, not guessed") {
    auto r = evaluate_one("namss-cpcs", "{}", "[]", "2026-11-25");
    CHECK(describe(r.problems.at(0)) == "certified_on: is required by namss-cpcs: its cycle starts at the certification date");
    r = evaluate_one("namss-cpcs", R"({"certified_on":"2023-03-01","renewed_through":"2020-01-01"})", "[]", "2026-11-25");
    CHECK(describe(r.problems.at(0)) == "renewed_through: 2020-01-01 is before the certification date 2023-03-01");
}

TEST_CASE("Evaluation: a log naming a program that is not loaded gets a problem for that credential only") {
    const Log log = log_from(R"({"format":"recert-log","version":1,"credentials":[
        {"id":"a","program":"acme-cert","certified_on":"2023-03-01"},
        {"id":"b","program":"namss-cpcs","certified_on":"2023-03-01"}],"entries":[]})");
    const Report rep = evaluate(all_programs(), log, day("2024-01-01"));
    REQUIRE(rep.credentials.size() == 2);
    CHECK(describe(rep.credentials[0].problems.at(0)) == "/credentials/0/program: no program \"acme-cert\" is loaded");
    CHECK(rep.credentials[1].problems.empty());
    const Report only = evaluate(all_programs(), log, day("2024-01-01"), std::string("b"));
    CHECK(only.credentials.size() == 1);
}

TEST_CASE("Evaluation: the cycle evaluated is the first that ends after renewed_through") {
    auto r = evaluate_one("dmec-clms", R"({"certified_on":"2020-06-15","renewed_through":"2022-06-15"})", "[]", "2023-01-01");
    CHECK(to_iso(r.start) == "2022-06-16");
    CHECK(to_iso(r.end) == "2024-06-15");
    // A renewed_through inside a cycle (not at its end) still selects that cycle's successor only once it has ended.
    r = evaluate_one("dmec-clms", R"({"certified_on":"2020-06-15","renewed_through":"2021-01-01"})", "[]", "2021-01-02");
    CHECK(to_iso(r.start) == "2020-06-15");
    CHECK(to_iso(r.end) == "2022-06-15");
    CHECK(r.days_left == 529);
}

TEST_CASE("Evaluation: before the cycle starts the phase says so") {
    const auto r = evaluate_one("dmec-clms", R"({"certified_on":"2027-01-10"})", "[]", "2026-11-25");
    CHECK(r.phase == Phase::not_started);
}

TEST_CASE("Evaluation: the report's JSON has the documented shape") {
    const auto r = evaluate_one("namss-cpcs", R"({"certified_on":"2019-05-10"})", R"([
      {"id":"e1","title":"A","date":"2021-03-04","kind":"live_webinar","credits":1.5,"approved":true},
      {"id":"e2","title":"B","date":"2023-03-04","kind":"live_webinar","credits":1}])", "2022-12-15");
    const auto j = to_json(r);
    CHECK(j["cycle"]["start"] == "2019-05-10");
    CHECK(j["cycle"]["end"] == "2022-12-01");
    CHECK(j["phase"] == "late");
    CHECK(j["requirements"][0]["id"] == "total");
    CHECK(j["requirements"][0]["earned"].dump() == "1.5");
    CHECK(j["requirements"][0]["remaining"].dump() == "28.5");
    CHECK(j["requirements"][0]["required"].dump() == "30");
    CHECK(j["requirements"][0]["met"] == false);
    CHECK(j["entries"][0]["toward"] == nlohmann::json::array({"total", "approved"}));
    CHECK(j["entries"][1]["excluded"] == "outside_cycle");
    CHECK(j["fees"][0]["id"] == "late");
    CHECK(j["fees"][0]["amount"].dump() == "50");
    CHECK(j["complete"] == false);
}

TEST_CASE("Evaluation: in a look-back window, sessions after the application date are planned") {
    const auto r = evaluate_one("ala-clm-application", "", R"([
      {"id":"later","title":"A","date":"2026-12-10","kind":"course","minutes":120,"topics":["writing"]}])", "2026-11-25");
    CHECK(entry(r, "later").excluded == Exclusion::planned);
    CHECK(requirement(r, "writing").projected == Credits{});
}
