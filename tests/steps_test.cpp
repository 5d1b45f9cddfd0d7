// The steps besides credits: what a program file states, what the log records, what the report says.
#include <doctest/doctest.h>

#include "explain.h"
#include "support.h"

using namespace recert;
using nlohmann::json;

namespace {
json dmec_file() { return json::parse(test::read_text("programs/dmec-clms.json")); }

std::vector<std::string> problems_of(const json& doc) {
    std::vector<std::string> out;
    for (const auto& p : read_program(doc).problems) out.push_back(describe(p));
    return out;
}

const StepResult& step(const CredentialReport& r, const std::string& id) {
    for (const auto& s : r.steps)
        if (s.id == id) return s;
    throw std::runtime_error("report has no step " + id);
}

// 20 focus-area CEUs, dated in the DMEC cycle that runs 2025-02-10 to 2027-02-10.
const std::string twenty_ceus = R"([{"id":"e1","title":"FMLA day","date":"2025-06-01","credits":20,"kind":"conference","topics":["fmla"]}])";
}  // namespace

TEST_CASE("Steps: a program file states each step with an id, a name and a citation") {
    const Program& p = test::program("dmec-clms");
    REQUIRE(p.steps.size() == 1);
    CHECK(p.steps[0].id == "exam");
    CHECK(p.steps[0].name == "Pass the recertification exam");
    CHECK(p.steps[0].cite.source == "dmec-maintaining");
}

TEST_CASE("Steps: a step without a citation, name or unique id is refused where it is written") {
    json d = dmec_file();
    d["steps"][0].erase("cite");
    CHECK(problems_of(d) == std::vector<std::string>{"/steps/0/cite: is required: every rule names its source and quotes it"});
    d = dmec_file();
    d["steps"][0].erase("name");
    CHECK(problems_of(d) == std::vector<std::string>{"/steps/0/name: is required"});
    d = dmec_file();
    d["steps"].push_back(d["steps"][0]);
    CHECK(problems_of(d) == std::vector<std::string>{"/steps/1/id: step \"exam\" is listed twice"});
    d = dmec_file();
    d["steps"][0]["cite"]["source"] = "hearsay";
    CHECK(problems_of(d) == std::vector<std::string>{"/steps/0/cite/source: \"hearsay\" is not one of this program's sources"});
    d = dmec_file();
    d["steps"][0]["due"] = "due";
    CHECK(problems_of(d) == std::vector<std::string>{"/steps/0/due: is not a known field"});
    d = dmec_file();
    d["steps"] = json::array();
    CHECK(problems_of(d) == std::vector<std::string>{"/steps: must list at least one step; leave it out otherwise"});
}

TEST_CASE("Steps: the log keeps the day each step was done through a round trip") {
    const std::string text = R"({"format":"recert-log","version":1,"credentials":[
      {"id":"c1","program":"dmec-clms","certified_on":"2025-02-10","steps":{"exam":"2026-10-01"}}],"entries":[]})";
    const Log log = test::log_from(text);
    REQUIRE(log.credentials.size() == 1);
    CHECK(to_iso(log.credentials[0].steps.at("exam")) == "2026-10-01");
    const json written = to_json(log);
    CHECK(written["credentials"][0]["steps"] == json{{"exam", "2026-10-01"}});
    CHECK(to_json(test::log_from(serialize(log))) == written);
    // A credential with no step done writes no "steps".
    CHECK_FALSE(to_json(test::log_from(R"({"format":"recert-log","version":1,"credentials":[
      {"id":"c1","program":"dmec-clms","certified_on":"2025-02-10"}],"entries":[]})"))["credentials"][0].contains("steps"));
}

TEST_CASE("Steps: a bad step date sets its credential aside, unchanged, naming where and what; the rest of the log reads") {
    const auto r = parse_log(R"({"format":"recert-log","version":1,"credentials":[
      {"id":"c1","program":"namss-cpcs","certified_on":"2023-03-01","steps":{"application":"2025-11-20"}},
      {"id":"c2","program":"dmec-clms","certified_on":"2025-02-10","steps":{"exam":"2026-13-01","bad id":"2026-01-01"}}],
      "entries":[{"id":"e1","title":"ok","date":"2025-03-04","kind":"other"}]})");
    REQUIRE(r.log.has_value());
    REQUIRE(r.log->credentials.size() == 1);
    CHECK(r.log->credentials[0].id == "c1");
    CHECK(r.log->entries.size() == 1);
    REQUIRE(r.log->unreadable_credentials.size() == 1);
    CHECK(r.log->unreadable_credentials[0].original["steps"]["exam"] == "2026-13-01");  // kept as written
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].where == "/credentials/1/steps/bad id");
    CHECK(r.problems[0].what == "is not a step id");
    CHECK(r.problems[1].where == "/credentials/1/steps/exam");
    CHECK_FALSE(r.problems[1].what.empty());
    // Written back as it came: nothing the person entered is lost.
    CHECK(to_json(*r.log)["credentials"][1] == r.log->unreadable_credentials[0].original);
    const auto not_text = parse_log(R"({"format":"recert-log","version":1,"credentials":[
      {"id":"c2","program":"dmec-clms","certified_on":"2025-02-10","steps":["exam"]}],"entries":[]})");
    REQUIRE(not_text.log.has_value());
    CHECK(not_text.problems.at(0).where == "/credentials/0/steps");
}

TEST_CASE("Steps: the report is ready only when the credits are complete and every step is done") {
    const std::string cred = R"({"id":"c1","program":"dmec-clms","certified_on":"2025-02-10"})";
    const auto open = test::evaluate_one("dmec-clms", cred, twenty_ceus, "2026-11-01");
    CHECK(open.complete);
    CHECK_FALSE(open.ready);
    REQUIRE(open.steps.size() == 1);
    CHECK(open.steps[0].name == "Pass the recertification exam");
    CHECK_FALSE(open.steps[0].done);
    CHECK_FALSE(open.steps[0].done_on.has_value());
    CHECK(open.phase_text == "Every credit requirement is met for this cycle; still to do: pass the recertification exam.");
    CHECK(left_in_words(open) == "Credits met. Left: pass the recertification exam.");

    const std::string passed = R"({"id":"c1","program":"dmec-clms","certified_on":"2025-02-10","steps":{"exam":"2026-10-01"}})";
    const auto done = test::evaluate_one("dmec-clms", passed, twenty_ceus, "2026-11-01");
    CHECK(done.ready);
    CHECK(step(done, "exam").done);
    CHECK(to_iso(*step(done, "exam").done_on) == "2026-10-01");
    CHECK(done.phase_text == "Every requirement is met for this cycle.");
    CHECK(left_in_words(done) == "Credits met and every step done.");

    // The exam passed but the CEUs short: not ready, and the line says the credits are left.
    const auto short_of = test::evaluate_one("dmec-clms", passed, "", "2026-11-01");
    CHECK_FALSE(short_of.complete);
    CHECK_FALSE(short_of.ready);
    CHECK(step(short_of, "exam").done);
    CHECK(left_in_words(short_of) == "Left: earn the credits still needed.");
    CHECK(left_in_words(test::evaluate_one("dmec-clms", cred, "", "2026-11-01")) ==
          "Left: earn the credits still needed and pass the recertification exam.");
}

TEST_CASE("Steps: a step counts for the cycle it was done in, and not before the day it was done") {
    const std::string planned = R"({"id":"c1","program":"dmec-clms","certified_on":"2025-02-10","steps":{"exam":"2026-12-15"}})";
    // Booked for a later day: recorded, not done yet.
    const auto before = test::evaluate_one("dmec-clms", planned, twenty_ceus, "2026-11-01");
    CHECK_FALSE(step(before, "exam").done);
    CHECK(to_iso(*step(before, "exam").done_on) == "2026-12-15");
    CHECK_FALSE(before.ready);
    CHECK(test::evaluate_one("dmec-clms", planned, twenty_ceus, "2026-12-15").ready);
    // Renewed through 2027-02-10: the exam passed for that cycle is not done for the next one.
    const std::string renewed = R"({"id":"c1","program":"dmec-clms","certified_on":"2025-02-10","renewed_through":"2027-02-10",
      "steps":{"exam":"2027-01-05"}})";
    const auto next = test::evaluate_one("dmec-clms", renewed, "", "2027-06-01");
    CHECK(to_iso(next.start) == "2027-02-11");
    CHECK_FALSE(step(next, "exam").done);
    // A NAMSS application sent late, on Dec 15, belongs to the cycle it renewed, not to the next.
    const std::string late = R"({"id":"c1","program":"namss-cpcs","certified_on":"2019-05-10","renewed_through":"2022-12-01",
      "steps":{"application":"2022-12-15","fee":"2022-12-15"}})";
    const auto after = test::evaluate_one("namss-cpcs", late, "", "2023-09-01");
    CHECK(to_iso(after.start) == "2022-12-02");
    CHECK_FALSE(step(after, "application").done);
    CHECK_FALSE(step(after, "fee").done);
}

TEST_CASE("Steps: a program without steps is ready exactly when complete") {
    const auto r = test::evaluate_one("ala-clm-recert", R"({"id":"c1","program":"ala-clm-recert","certified_on":"2024-01-10"})", "", "2025-01-01");
    CHECK(r.steps.empty());
    CHECK(r.ready == r.complete);
    CHECK(left_in_words(r) == "Left: earn the credits still needed.");
}

TEST_CASE("Steps: the JSON report lists each step with its day and says whether the renewal is ready") {
    const auto r = test::evaluate_one("namss-cpcs", R"({"id":"c1","program":"namss-cpcs","certified_on":"2019-05-10","steps":{"application":"2022-10-03"}})",
                                      "", "2022-11-01");
    const json j = to_json(r);
    CHECK(j["ready"] == false);
    CHECK(j["steps"] == json::parse(R"([
      {"id":"application","name":"Submit the recertification application","done":true,"done_on":"2022-10-03"},
      {"id":"fee","name":"Pay the recertification fee","done":false,"done_on":null}])"));
}

// Each shipped step quotes its body's page word for word (the seed files named in each comment).
TEST_CASE("Steps: the shipped programs' steps cite their sources exactly") {
    // 000_7216c9bd22818d72.txt, "Recertification Exam"
    const Program& dmec = test::program("dmec-clms");
    REQUIRE(dmec.steps.size() == 1);
    CHECK(dmec.steps[0].cite.quote == "Every two years, you will be required to pass a recertification exam.");
    CHECK(dmec.steps[0].cite.interpretation.empty());
    // 003_3291c8eb506c197d.txt, "What is the deadline to submit my recertification application?" and
    // "What is the status of my recertification application?"
    for (const char* id : {"namss-cpcs", "namss-cpmsm", "namss-dual"}) {
        CAPTURE(id);
        const Program& p = test::program(id);
        REQUIRE(p.steps.size() == 2);
        CHECK(p.steps[0].id == "application");
        CHECK(p.steps[0].cite.source == "namss-faq");
        CHECK(p.steps[0].cite.quote == "The deadline to submit your recertification application without a late fee is December 1 of your renewal year.");
        CHECK(p.steps[1].id == "fee");
        CHECK(p.steps[1].cite.quote == "You should receive an update on your application within 3-4 weeks of NAMSS receiving your recertification fee.");
        CHECK_FALSE(p.steps[1].cite.interpretation.empty());  // the FAQ gives no amount
    }
    // 002_3721a51baf6ad8e0.txt, "ALL CLM APPLICANTS – GENERAL EDUCATION REQUIREMENTS"
    const Program& ala = test::program("ala-clm-application");
    REQUIRE(ala.steps.size() == 1);
    CHECK(ala.steps[0].id == "application");
    CHECK(ala.steps[0].cite.quote == "To apply to sit for the exam, ALL CLM APPLICANTS must meet certain experience and educational requirements.");
    CHECK_FALSE(ala.steps[0].cite.interpretation.empty());
    CHECK(test::program("ala-clm-recert").steps.empty());  // its page names no step but the education
}
