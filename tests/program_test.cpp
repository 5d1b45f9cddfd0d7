// The program-file reader: what an association writing its own file is told when it errs.
#include <doctest/doctest.h>

#include "support.h"

using namespace recert;
using nlohmann::json;

namespace {
json exemplar() { return json::parse(test::read_text("programs/namss-cpcs.json")); }

std::vector<std::string> problems_of(const json& doc) {
    auto r = read_program(doc);
    std::vector<std::string> out;
    for (const auto& p : r.problems) out.push_back(describe(p));
    if (!out.empty()) CHECK_FALSE(r.program.has_value());
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
    for (const auto& x : v)
        if (x == s) return true;
    INFO("problems were:");
    for (const auto& x : v) INFO(x);
    return false;
}
}  // namespace

TEST_CASE("Programs: all eight shipped files read without a problem") {
    CHECK(test::all_programs().size() == 8);
}

TEST_CASE("Programs: a rule without a citation is refused") {
    json d = exemplar();
    d["requirements"][1].erase("cite");
    CHECK(has(problems_of(d), "/requirements/1/cite: is required: every rule names its source and quotes it"));
    d = exemplar();
    d["cycle"]["cite"]["source"] = "hearsay";
    CHECK(has(problems_of(d), "/cycle/cite/source: \"hearsay\" is not one of this program's sources"));
    d = exemplar();
    d["fees"][0]["cite"]["quote"] = "";
    CHECK(has(problems_of(d), "/fees/0/cite/quote: must quote the source"));
}

TEST_CASE("Programs: misspelt or unknown fields are named, not ignored") {
    json d = exemplar();
    d["requirements"][0]["minimum"] = "30";
    CHECK(has(problems_of(d), "/requirements/0/minimum: is not a known field"));
    d = exemplar();
    d["cycle"]["type"] = "rolling";
    CHECK(has(problems_of(d), "/cycle/type: \"rolling\" is not a cycle type (from_certification, anchored, lookback)"));
    d = exemplar();
    d["credit"]["by_kind"] = {{"webinar", "1"}};
    CHECK(has(problems_of(d), "/credit/by_kind/webinar: \"webinar\" is not an activity kind"));
}

TEST_CASE("Programs: cross-references must resolve") {
    json d = exemplar();
    d["phases"][2]["until"] = "new_year";
    CHECK(has(problems_of(d), "/phases/2/until: \"new_year\" is not one of this program's dates"));
    d = exemplar();
    d["phases"][1]["when"]["option"] = "extension";
    CHECK(has(problems_of(d), "/phases/1/when/option: \"extension\" is not an option of this program"));
    d = exemplar();
    d["fees"][0]["phase"] = "overdue";
    CHECK(has(problems_of(d), "/fees/0/phase: \"overdue\" is not one of this program's phases"));
    d = exemplar();
    d["requirements"][1]["eligible"] = {{"topics_any", {"fmla"}}};
    CHECK(has(problems_of(d), "/requirements/1/eligible/topics_any/0: \"fmla\" is not a topic of this program"));
    d = exemplar();
    d["requirements"][1]["id"] = "total";
    CHECK(has(problems_of(d), "/requirements/1/id: requirement \"total\" is listed twice"));
    d = exemplar();
    d["fees"][1]["id"] = "late";
    CHECK(has(problems_of(d), "/fees/1/id: fee \"late\" is listed twice"));
    // A choice option's value, in a condition or as its default, is one of its choices.
    json a = json::parse(test::read_text("programs/ala-clm-application.json"));
    a["requirements"][5]["when"] = {{"option", "specialist_area"}, {"equals", "tax"}};
    a["options"][0]["default"] = "writing";
    const auto problems = problems_of(a);
    CHECK(has(problems, "/requirements/5/when/equals: \"tax\" is not one of the option's choices"));
    CHECK(has(problems, "/options/0/default: \"writing\" is not one of the option's choices"));
}

TEST_CASE("Programs: amounts are exact decimals with at most two places") {
    json d = exemplar();
    d["requirements"][0]["min"] = "30.125";
    CHECK(has(problems_of(d), "/requirements/0/min: \"30.125\" has 3 decimal places; at most 2 are allowed"));
    d = exemplar();
    d["fees"][0]["amount"] = "$50";
    CHECK(has(problems_of(d), "/fees/0/amount: \"$50\" is not a decimal number like 12 or 1.25"));
}

TEST_CASE("Programs: an amount written as a JSON number is refused with what to write") {
    // programs/README.md says amounts are strings, and the schema refuses numbers: so does the reader.
    json d = exemplar();
    d["requirements"][1]["min"] = 15;
    CHECK(has(problems_of(d), "/requirements/1/min: must be a decimal string: write \"15\", in quotes, not 15"));
    d = exemplar();
    d["fees"][0]["amount"] = 0.5;
    CHECK(has(problems_of(d), "/fees/0/amount: must be a decimal string: write \"0.5\", in quotes, not 0.5"));
    d = exemplar();
    d["requirements"][0]["min"] = true;
    CHECK(has(problems_of(d), "/requirements/0/min: must be a decimal string, as in \"15\" or \"1.5\""));
}

TEST_CASE("Programs: impossible calendars are refused") {
    json d = exemplar();
    d["cycle"]["end_month"] = 2;
    d["cycle"]["end_day"] = 30;
    CHECK(has(problems_of(d), "/cycle/end_day: month 2 has no day 30"));
    d = exemplar();
    d["dates"]["due"]["month"] = 4;
    CHECK(has(problems_of(d), "/dates/due: \"month\" and \"day\" go together"));
    d = exemplar();
    d["phases"][0]["after"] = "due";
    CHECK(has(problems_of(d), "/phases/0: needs exactly one of \"from\" and \"after\""));
}

TEST_CASE("Programs: another format or a later version is refused with a reason") {
    json d = exemplar();
    d["version"] = 3;
    CHECK(has(problems_of(d), "/version: version 3 is not supported; this Recert reads versions 1 to 2"));
    d = exemplar();
    d["format"] = "recert-log";
    CHECK(has(problems_of(d), "/format: must be \"recert-program\""));
    auto r = parse_program("{\"format\": \"recert-program\",\n\"version\": 1,,}");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == "line 2, column 14");
}

TEST_CASE("Programs: what a phase needs must name a requirement and a date of the program, and a percent from 1 to 100") {
    json d = exemplar();
    d["phases"][1]["needs"]["requirement"] = "ce";
    CHECK(has(problems_of(d), "/phases/1/needs/requirement: \"ce\" is not one of this program's requirements"));
    d = exemplar();
    d["phases"][1]["needs"]["by"] = "dec_1";
    CHECK(has(problems_of(d), "/phases/1/needs/by: \"dec_1\" is not one of this program's dates"));
    d = exemplar();
    d["phases"][1]["needs"]["percent"] = 0;
    CHECK(has(problems_of(d), "/phases/1/needs/percent: must be a whole number from 1 to 100, not 0"));
    d = exemplar();
    d["phases"][1]["needs"]["share"] = "1/2";
    CHECK(has(problems_of(d), "/phases/1/needs/share: is not a known field"));
    d = exemplar();
    d["phases"][1]["needs"].erase("cite");
    CHECK(has(problems_of(d), "/phases/1/needs/cite: is required: every rule names its source and quotes it"));
}

TEST_CASE("Programs: a phase that counts activities cites its source") {
    json d = exemplar();
    d["phases"][1]["counts_activities"] = true;
    CHECK(has(problems_of(d), "/phases/1/counts_activities: must be an object, not true or false"));
    d = exemplar();
    d["phases"][1]["counts_activities"].erase("cite");
    CHECK(has(problems_of(d), "/phases/1/counts_activities/cite: is required: every rule names its source and quotes it"));
    d = exemplar();
    d["phases"][1]["counts_activities"]["cite"]["source"] = "hearsay";
    CHECK(has(problems_of(d), "/phases/1/counts_activities/cite/source: \"hearsay\" is not one of this program's sources"));
}

TEST_CASE("Programs: a null or an empty string is named where it is, as the schema does") {
    json d = exemplar();
    d["credential"] = nullptr;
    CHECK(problems_of(d) == std::vector<std::string>{"/credential: is null: give it a value or leave the field out"});
    // A required field given as null is named as null, not as missing.
    d = exemplar();
    d["requirements"][0]["min"] = nullptr;
    CHECK(problems_of(d) == std::vector<std::string>{"/requirements/0/min: is null: give it a value or leave the field out"});
    d = exemplar();
    d["requirements"][0]["interpretation"] = "";
    CHECK(problems_of(d) == std::vector<std::string>{"/requirements/0/interpretation: must not be empty"});
    // Where a reader already said why, that is what is said.
    d = exemplar();
    d["fees"][0]["cite"]["quote"] = "";
    CHECK(problems_of(d) == std::vector<std::string>{"/fees/0/cite/quote: must quote the source"});
}

TEST_CASE("Programs: lengths are counted in characters, and 2.0 is the whole number 2") {
    json d = exemplar();
    d["name"] = [] { std::string s; for (int i = 0; i < 200; ++i) s += "\xC3\xA9"; return s; }();  // 200 x U+00E9
    CHECK(problems_of(d).empty());
    d["name"] = d["name"].get<std::string>() + "e";
    CHECK(problems_of(d) == std::vector<std::string>{"/name: is longer than 200 characters"});
    d = exemplar();
    d["credit"]["decimals"] = 2.0;
    d["cycle"]["years"] = 3e0;
    CHECK(problems_of(d).empty());
    d["cycle"]["years"] = 2.5;
    CHECK(problems_of(d) == std::vector<std::string>{"/cycle/years: must be a whole number from 1 to 20, not 2.5"});
}

TEST_CASE("Programs: a list names at least one item, each once, and fields that do not go together are refused") {
    json d = exemplar();
    d["requirements"][1]["eligible"]["kinds_any"] = json::array();
    CHECK(has(problems_of(d), "/requirements/1/eligible/kinds_any: must list at least one of the activity kinds; leave it out otherwise"));
    d = exemplar();
    d["requirements"][1]["eligible"]["kinds_any"] = {"course", "article", "course"};
    CHECK(has(problems_of(d), "/requirements/1/eligible/kinds_any: lists \"course\" twice"));
    d = exemplar();
    d["requirements"][1]["eligible"] = json::object();
    CHECK(has(problems_of(d), "/requirements/1/eligible: must hold at least one test; leave it out to count every entry"));
    d = exemplar();
    d["phases"][1]["when"]["set"] = true;
    CHECK(has(problems_of(d), "/phases/1/when: needs \"equals\" or \"set\", not both"));
    d = exemplar();
    d["fees"][0]["kinds_any"] = {"course"};
    CHECK(has(problems_of(d), "/fees/0/kinds_any: goes with per_credit: a fee by phase is owed whatever the activities"));
    d = exemplar();
    d["options"][0]["choices"] = {"x"};
    CHECK(has(problems_of(d), "/options/0/choices: only a choice option has choices"));
}

TEST_CASE("Programs: version 2 cites the lapse; a version 1 file, with a bare lapse_text, still reads") {
    const Program& cpcs = test::program("namss-cpcs");
    REQUIRE(cpcs.lapse_cite.has_value());
    CHECK(cpcs.lapse_cite->source == "namss-faq");
    json d = exemplar();
    const std::string text = d["lapse"]["text"];
    d["version"] = 1;
    d.erase("lapse");
    d["lapse_text"] = text;
    const auto old = read_program(d);
    REQUIRE(old.program.has_value());
    CHECK(old.program->lapse_text == text);
    CHECK_FALSE(old.program->lapse_cite.has_value());
    // Each version says it its own way only.
    d["lapse"] = exemplar()["lapse"];
    CHECK(has(problems_of(d), "/lapse: is version 2's; a version 1 file writes lapse_text"));
}
