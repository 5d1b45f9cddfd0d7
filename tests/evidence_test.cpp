// The evidence a body asks to see for each counted activity: what a program file states, and
// which activities the report flags as counting without it.
#include <doctest/doctest.h>

#include "explain.h"
#include "report.h"
#include "support.h"

using namespace recert;
using nlohmann::json;

namespace {
const std::string dmec = R"({"id":"c1","program":"dmec-clms","certified_on":"2025-02-10"})";
const std::string sha(64, 'a');
const std::string file = R"([{"id":"f1","name":"c.pdf","type":"application/pdf","size":10,"sha256":")" + sha + R"("}])";

std::vector<std::string> problems_of(const json& doc) {
    std::vector<std::string> out;
    for (const auto& p : read_program(doc).problems) out.push_back(describe(p));
    return out;
}
}  // namespace

TEST_CASE("Evidence: DMEC asks a certificate and a CLMS verification code of each event attended, citing its page") {
    const Program& p = test::program("dmec-clms");
    REQUIRE(p.evidence.size() == 2);
    CHECK(p.evidence[0].needs == Proof::certificate);
    CHECK(p.evidence[1].needs == Proof::code);
    CHECK(p.evidence[1].name == "CLMS verification code");
    CHECK(p.evidence[1].kinds_any == std::vector<Kind>{Kind::live_webinar, Kind::recording, Kind::conference});
    CHECK(p.evidence[0].cite.source == "dmec-maintaining");
    for (const char* id : {"namss-cpcs", "namss-cpmsm", "namss-dual"}) {
        const Program& n = test::program(id);
        REQUIRE(n.evidence.size() == 1);
        CHECK(n.evidence[0].needs == Proof::certificate);
        CHECK(n.evidence[0].kinds_any.empty());  // every activity: "CE trackers will not be accepted"
    }
    CHECK(test::program("ala-clm-recert").evidence.empty());
}

TEST_CASE("Evidence: DMEC flags a counted webinar without its code or certificate, and nothing else") {
    const std::string entries = R"([
      {"id":"bare","title":"Webinar","date":"2025-06-01","credits":1.5,"kind":"live_webinar","topics":["fmla"]},
      {"id":"code-only","title":"Conference","date":"2025-07-01","credits":3,"kind":"conference","topics":["fmla"],"code":"CLMS-1234"},
      {"id":"both","title":"Recording","date":"2025-08-01","credits":1,"kind":"recording","topics":["fmla"],"code":"CLMS-9","files":)" + file + R"(},
      {"id":"blank-code","title":"Webinar 2","date":"2025-09-01","credits":1,"kind":"live_webinar","topics":["fmla"],"code":"  ","files":)" + file + R"(},
      {"id":"micro","title":"Microcredential","date":"2025-10-01","kind":"microcredential","topics":["fmla"]},
      {"id":"before","title":"Old webinar","date":"2024-06-01","credits":1,"kind":"live_webinar","topics":["fmla"]}])";
    const auto r = test::evaluate_one("dmec-clms", dmec, entries, "2026-11-01");
    CHECK(test::entry(r, "bare").missing == std::vector<std::string>{"certificate", "verification-code"});
    CHECK(test::entry(r, "code-only").missing == std::vector<std::string>{"certificate"});
    CHECK(test::entry(r, "both").missing.empty());
    CHECK(test::entry(r, "blank-code").missing == std::vector<std::string>{"verification-code"});  // spaces are no code
    CHECK(test::entry(r, "micro").missing.empty());  // not an event attended
    CHECK(test::entry(r, "before").excluded != Exclusion::none);
    CHECK(test::entry(r, "before").missing.empty());  // counts for nothing: nothing to prove
    const json j = to_json(r);
    CHECK(j["entries"][0]["missing_evidence"] == json::array({"certificate", "verification-code"}));
    CHECK_FALSE(j["entries"][2].contains("missing_evidence"));
}

TEST_CASE("Evidence: NAMSS flags every counted activity without its CE certificate") {
    const std::string entries = R"([
      {"id":"e1","title":"Webinar","date":"2023-04-12","credits":1.5,"kind":"live_webinar","approved":true},
      {"id":"e2","title":"Course","date":"2023-05-12","credits":2,"kind":"course","files":)" + file + R"(}])";
    const auto r = test::evaluate_one("namss-cpcs", R"({"id":"c1","program":"namss-cpcs","certified_on":"2023-03-01"})", entries, "2024-01-01");
    CHECK(test::entry(r, "e1").missing == std::vector<std::string>{"certificate"});
    CHECK(test::entry(r, "e2").missing.empty());
}

TEST_CASE("Evidence: a rule without a known proof, a citation or a unique id is refused where it is written") {
    json d = json::parse(test::read_text("programs/dmec-clms.json"));
    d["evidence"][0]["needs"] = "photo";
    CHECK(problems_of(d) == std::vector<std::string>{"/evidence/0/needs: is \"photo\", not certificate or code"});
    d = json::parse(test::read_text("programs/dmec-clms.json"));
    d["evidence"][1]["cite"]["source"] = "nowhere";
    CHECK(problems_of(d).size() == 1);
    CHECK(problems_of(d)[0].rfind("/evidence/1/cite", 0) == 0);
    d = json::parse(test::read_text("programs/dmec-clms.json"));
    d["evidence"][1]["id"] = "certificate";
    CHECK(problems_of(d) == std::vector<std::string>{"/evidence/1/id: evidence \"certificate\" is listed twice"});
    d = json::parse(test::read_text("programs/dmec-clms.json"));
    d["evidence"][0]["kinds_any"] = json::array({"seminar"});
    CHECK(problems_of(d) == std::vector<std::string>{"/evidence/0/kinds_any/0: \"seminar\" is not an activity kind"});
}

TEST_CASE("Evidence: what is missing reads in one line on the dashboard, and per activity in its row") {
    const std::string entries = R"([
      {"id":"a","title":"Webinar","date":"2025-06-01","credits":1.5,"kind":"live_webinar","topics":["fmla"]},
      {"id":"b","title":"Conference","date":"2025-07-01","credits":3,"kind":"conference","topics":["fmla"],"code":"CLMS-1234"},
      {"id":"c","title":"Recording","date":"2025-08-01","credits":1,"kind":"recording","topics":["fmla"]}])";
    const Program& p = test::program("dmec-clms");
    const auto r = test::evaluate_one("dmec-clms", dmec, entries, "2026-11-01");
    CHECK(missing_evidence_in_words(p, r) == "For an audit, 3 activities lack their certificate and 2 their CLMS verification code.");
    CHECK(missing_in_words(p, test::entry(r, "a")) == "certificate and CLMS verification code");
    CHECK(missing_in_words(p, test::entry(r, "b")) == "certificate");
    const auto one = test::evaluate_one("dmec-clms", dmec, R"([{"id":"a","title":"W","date":"2025-06-01","credits":1,"kind":"live_webinar","topics":["fmla"],"code":"X"}])", "2026-11-01");
    CHECK(missing_evidence_in_words(p, one) == "For an audit, 1 activity lacks its certificate.");
    const auto none = test::evaluate_one("dmec-clms", dmec, "[]", "2026-11-01");
    CHECK(missing_evidence_in_words(p, none).empty());
}
