#include <doctest/doctest.h>

#include "log.h"
#include "support.h"

using namespace recert;
using nlohmann::json;

namespace {
// The first problem found, as "where: what" (the rest of the log may still read).
std::string first_problem(const std::string& text) {
    auto r = parse_log(text);
    REQUIRE_FALSE(r.problems.empty());
    return describe(r.problems.front());
}

std::string with_entry(const std::string& entry_fields) {
    return R"({"format":"recert-log","version":1,"credentials":[],"entries":[
      {"id":"e1","title":"ok","date":"2021-03-04","kind":"other"},
      {"id":"e2",)" + entry_fields + "}]}";
}
}  // namespace

TEST_CASE("Log: the documented example reads with every field") {
    const Log log = test::log_from(R"({"format": "recert-log", "version": 1,
      "credentials": [{"id": "c1", "program": "namss-cpcs", "certified_on": "2019-05-10", "renewed_through": "2022-12-01",
                       "options": {"first_dual_renewal": false, "extension_requested": false, "specialist_area": "hr"}}],
      "entries": [{"id": "e1", "title": "Webinar", "provider": "NAMSS", "date": "2021-03-04", "minutes": 90, "credits": 1.5,
                   "kind": "live_webinar", "topics": ["fmla"], "approved": true, "code": "ABC", "notes": "n"}]})");
    REQUIRE(log.credentials.size() == 1);
    const Credential& c = log.credentials[0];
    CHECK(to_iso(*c.certified_on) == "2019-05-10");
    CHECK(to_iso(*c.renewed_through) == "2022-12-01");
    CHECK(std::get<std::string>(c.options.at("specialist_area")) == "hr");
    CHECK(std::get<bool>(c.options.at("extension_requested")) == false);
    const Entry& e = log.entries.at(0);
    CHECK(e.kind == Kind::live_webinar);
    CHECK(e.minutes == Minutes{90});
    CHECK(e.credits->to_string() == "1.5");
    CHECK(e.credit_places() == Places{1});
    CHECK(e.topics == std::vector<std::string>{"fmla"});
    CHECK(*e.approved);
}

TEST_CASE("Log: a round trip keeps unknown fields at every level and writes the same document") {
    const std::string text = R"({"format":"recert-log","version":1,"saved_by":"a later Recert",
      "credentials":[{"id":"c1","program":"dmec-clms","certified_on":"2025-02-10","colour":"teal"}],
      "entries":[{"id":"e1","title":"T","date":"2025-03-01","kind":"recording","credits":"1.25","attachments":[{"name":"cert.pdf"}]},
                 {"id":"e2","title":"U","date":"2025-03-02","kind":"other","credits":0.1}]})";
    const Log log = test::log_from(text);
    const json out = to_json(log);
    CHECK(out["saved_by"] == "a later Recert");
    CHECK(out["credentials"][0]["colour"] == "teal");
    CHECK(out["entries"][0]["attachments"][0]["name"] == "cert.pdf");
    CHECK(out["entries"][0]["credits"].dump() == "1.25");
    CHECK(out["entries"][1]["credits"].dump() == "0.1");
    // Reading what was written gives back the same document.
    const Log again = test::log_from(serialize(log));
    CHECK(to_json(again) == out);
}

TEST_CASE("Log: credits may be numbers or decimal strings, and are exact either way") {
    const Log log = test::log_from(R"({"format":"recert-log","version":1,"credentials":[],"entries":[
      {"id":"a","title":"a","date":"2025-01-01","kind":"other","credits":0.1},
      {"id":"b","title":"b","date":"2025-01-01","kind":"other","credits":"0.2"},
      {"id":"c","title":"c","date":"2025-01-01","kind":"other","credits":3}]})");
    CHECK(*log.entries[0].credits + *log.entries[1].credits == Credits::parse("0.3", 2).value());
    CHECK(*log.entries[2].credits == Credits::whole(3));
}

TEST_CASE("Log: each bad field is named by its JSON pointer") {
    CHECK(first_problem(with_entry(R"("title":"x","date":"2021-02-30","kind":"other")")) ==
          "/entries/1/date: \"2021-02-30\" is not a real date written YYYY-MM-DD (years 1900 to 9999)");
    CHECK(first_problem(with_entry(R"("title":"x","date":"2021-02-03","kind":"seminar")")).rfind("/entries/1/kind: \"seminar\" is not an activity kind", 0) == 0);
    CHECK(first_problem(with_entry(R"("title":"x","date":"2021-02-03","kind":"other","credits":1.255)")) ==
          "/entries/1/credits: \"1.255\" has 3 decimal places; at most 2 are allowed");
    CHECK(first_problem(with_entry(R"("title":"x","date":"2021-02-03","kind":"other","credits":-2)")) ==
          "/entries/1/credits: \"-2\" is negative");
    CHECK(first_problem(with_entry(R"("title":"x","date":"2021-02-03","kind":"other","credits":1e308)")).find("/entries/1/credits") == 0);
    CHECK(first_problem(with_entry(R"("title":"x","date":"2021-02-03","kind":"other","credits":"NaN")")).find("is not a decimal number") != std::string::npos);
    CHECK(first_problem(with_entry(R"("title":"x","date":"2021-02-03","kind":"other","minutes":90.5)")).find("/entries/1/minutes: must be a whole number") == 0);
    CHECK(first_problem(with_entry(R"("title":"   ","date":"2021-02-03","kind":"other")")) == "/entries/1/title: must not be empty");
    CHECK(first_problem(with_entry(R"("date":"2021-02-03","kind":"other")")) == "/entries/1/title: is required");
    CHECK(first_problem(with_entry(R"("title":"x","date":"2021-02-03","kind":"other","topics":"fmla")")) == "/entries/1/topics: must be an array, not a string");
    CHECK(first_problem(with_entry(R"("title":"x","date":"2021-02-03","kind":"other","approved":"yes")")) == "/entries/1/approved: must be true or false, not a string");
}

TEST_CASE("Log: ids used twice are refused") {
    CHECK(first_problem(R"({"format":"recert-log","version":1,"credentials":[],"entries":[
      {"id":"e1","title":"ok","date":"2021-03-04","kind":"other"},
      {"id":"e1","title":"x","date":"2021-02-03","kind":"other"}]})") == "/entries/1/id: entry id \"e1\" is used twice");
    CHECK(first_problem(R"({"format":"recert-log","version":1,"credentials":[{"id":"c","program":"p"},{"id":"c","program":"q"}],"entries":[]})") ==
          "/credentials/1/id: credential id \"c\" is used twice");
}

TEST_CASE("Log: a syntax error gives its line and column") {
    CHECK(first_problem("{\"format\": \"recert-log\",\n  \"version\": 1,\n  \"entries\": [,]}").rfind("line 3, column 15: ", 0) == 0);
    CHECK(first_problem("").rfind("line 1, column 1: ", 0) == 0);
}

TEST_CASE("Log: a document from a newer Recert is refused, not misread") {
    CHECK(first_problem(R"({"format":"recert-log","version":2,"entries":[]})") ==
          "/version: this log was written by a newer Recert (version 2); this one reads up to version 1");
    CHECK(first_problem(R"({"format":"recert-program","version":1})") ==
          "/format: is \"recert-program\", not \"recert-log\": this is not a Recert log");
    CHECK(first_problem(R"([1,2,3])") == "/: must be an object, not an array");
}

TEST_CASE("Log: absurd input is refused with a message, not a crash") {
    std::string deep(100000, '[');
    CHECK(first_problem(deep).find("nested more than") != std::string::npos);
    const std::string long_title(1 << 20, 'x');
    CHECK(first_problem(with_entry(R"("title":")" + long_title + R"(","date":"2021-02-03","kind":"other")")).find("/entries/1/title: is longer than") == 0);
    CHECK(first_problem(with_entry(R"("title":"x","date":"2021-02-03","kind":"other","minutes":100000000)")).find("/entries/1/minutes") == 0);
}

TEST_CASE("Log: one unreadable entry is set aside by itself, unchanged, and the others still read") {
    for (const std::string bad : {R"("date":"2021-03-05","credits": -0.0)", R"("date":"2021-03-05","minutes": 2147483648)", R"("date": "0000-01-01")"}) {
        CAPTURE(bad);
        const std::string text = R"({"format":"recert-log","version":1,"credentials":[],"entries":[
          {"id":"e1","title":"ok","date":"2021-03-04","kind":"other"},
          {"id":"e2","title":"bad","kind":"other",)" + bad + R"(, "future_field": [1, 2]}]})";
        const auto r = parse_log(text);
        REQUIRE(r.log.has_value());
        REQUIRE(r.log->entries.size() == 1);
        CHECK(r.log->entries[0].id == "e1");
        REQUIRE(r.log->unreadable_entries.size() == 1);
        const Unreadable& u = r.log->unreadable_entries[0];
        CHECK(u.id() == "e2");
        CHECK(u.original == json::parse(text)["entries"][1]);  // every field, as it was
        REQUIRE_FALSE(u.problems.empty());
        REQUIRE_FALSE(r.problems.empty());
        CHECK(r.problems[0].where.rfind("/entries/1/", 0) == 0);  // the log-wide pointer names the entry
        // Saved again, the entry is written back as it was: nothing is lost.
        const auto again = parse_log(serialize(*r.log));
        REQUIRE(again.log.has_value());
        CHECK(to_json(*again.log) == to_json(*r.log));
        CHECK(json::parse(serialize(*r.log))["entries"][1] == json::parse(text)["entries"][1]);
    }
}

TEST_CASE("Log: an entry repeating an id is set aside; the first one with that id reads") {
    const auto twice = parse_log(R"({"format":"recert-log","version":1,"entries":[
      {"id":"e1","title":"first","date":"2021-03-04","kind":"other"},
      {"id":"e1","title":"second","date":"2021-03-05","kind":"other"}]})");
    REQUIRE(twice.log.has_value());
    REQUIRE(twice.log->entries.size() == 1);
    CHECK(twice.log->entries[0].title == "first");
    REQUIRE(twice.log->unreadable_entries.size() == 1);
    CHECK(twice.log->unreadable_entries[0].original["title"] == "second");
    CHECK(describe(twice.problems.at(0)) == "/entries/1/id: entry id \"e1\" is used twice");
}

TEST_CASE("Log: an unreadable credential is set aside by itself") {
    const auto r = parse_log(R"({"format":"recert-log","version":1,"credentials":[
      {"id":"c1","program":"namss-cpcs","certified_on":"2023-03-01"},
      {"id":"c2","program":"dmec-clms","certified_on":"2023-02-30"}],"entries":[]})");
    REQUIRE(r.log.has_value());
    REQUIRE(r.log->credentials.size() == 1);
    REQUIRE(r.log->unreadable_credentials.size() == 1);
    CHECK(r.log->unreadable_credentials[0].id() == "c2");
    CHECK(r.problems.at(0).where == "/credentials/1/certified_on");
}

TEST_CASE("Log: a document that cannot be read as a whole gives no log") {
    for (const char* text : {R"({"format":"recert-log","version":1,"entries":{}})", R"({"format":"recert-log","version":2,"entries":[]})",
                             R"({"format":"recert-log","version":1,"entries":[)", R"([1,2])"}) {
        CAPTURE(text);
        CHECK_FALSE(parse_log(text).log.has_value());
    }
}

TEST_CASE("Log: text limits count characters, not UTF-8 bytes; minutes written 90.0 are 90") {
    std::string title;
    for (int i = 0; i < 2000; ++i) title += "\xE2\x82\xAC";  // 2000 x U+20AC, 6000 bytes
    const Log log = test::log_from(with_entry(R"("title":")" + title + R"(","date":"2021-02-03","kind":"other","minutes":90.0)"));
    CHECK(log.entries.at(1).title.size() == 6000);
    CHECK(*log.entries.at(1).minutes == Minutes{90});
    CHECK(first_problem(with_entry(R"("title":")" + title + R"(e","date":"2021-02-03","kind":"other")")) ==
          "/entries/1/title: is longer than 2000 characters");
}

TEST_CASE("Log: an entry built in code is saved with its credits as they are, never rounded") {
    // Nothing but the value says how many decimals it needs: 1.5 used to be written 2.
    Entry e;
    e.id = "e1";
    e.title = "Built in code";
    e.date = test::day("2025-01-01");
    e.credits = Credits::parse("1.5", 2);
    CHECK(to_json(e)["credits"].dump() == "1.5");
    e.credits = Credits::parse("0.25", 2);
    CHECK(to_json(e)["credits"].dump() == "0.25");
    Log log;
    log.entries.push_back(e);
    CHECK(test::log_from(serialize(log)).entries.at(0).credits == e.credits);
    // 4/3 of a credit has no decimal text: it needs more places than a log holds, so it is
    // written with three and refused when read back, where rounding would change it unseen.
    e.credits = credits_from_minutes(Minutes{80});
    CHECK(e.credit_places() == Places{3});
    log.entries = {e};
    const auto back = parse_log(serialize(log));
    REQUIRE(back.log.has_value());
    CHECK(back.log->entries.empty());
    REQUIRE(back.log->unreadable_entries.size() == 1);
    CHECK(describe(back.problems.at(0)) == "/entries/0/credits: \"1.333\" has 3 decimal places; at most 2 are allowed");
}

TEST_CASE("Log: certificates are kept as name, type, size and SHA-256, and round-trip") {
    const std::string sha(64, 'a');
    auto r = parse_log(with_entry(R"("title":"x","date":"2021-02-03","kind":"other","files":[
        {"id":"f1","name":"Ethics – certificate.pdf","type":"application/pdf","size":48213,"sha256":")" + sha + R"("},
        {"id":"f2","name":"photo.jpg","type":"image/jpeg","size":1,"sha256":")" + std::string(64, '0') + R"(","taken":"phone"}])"));
    REQUIRE(r.problems.empty());
    const Entry& e = r.log->entries[1];
    REQUIRE(e.files.size() == 2);
    CHECK(e.files[0].name == "Ethics – certificate.pdf");
    CHECK(e.files[0].type == FileType::pdf);
    CHECK(e.files[0].size == 48213);
    CHECK(e.files[0].sha256 == sha);
    CHECK(e.files[1].type == FileType::jpeg);
    CHECK(e.extra.empty());  // files is a field of its own, not an unknown one
    const json back = to_json(e);
    CHECK(back["files"][1]["taken"] == "phone");  // a newer Recert's field survives
    CHECK(back["files"][0]["type"] == "application/pdf");
    CHECK(to_json(r.log->entries[0]).contains("files") == false);  // none: no empty list written
    CHECK(parse_log(serialize(*r.log)).log->entries[1].files[1].sha256 == std::string(64, '0'));
}

TEST_CASE("Log: a certificate's bad field is named by its pointer, and the entry is kept aside unchanged") {
    const std::string sha(64, 'b');
    auto file = [&](const std::string& fields) {
        return first_problem(with_entry(R"("title":"x","date":"2021-02-03","kind":"other","files":[)" + fields + "]"));
    };
    CHECK(file(R"({"id":"f1","name":"a.doc","type":"application/msword","size":10,"sha256":")" + sha + R"("})") ==
          "/entries/1/files/0/type: \"application/msword\" is not a certificate's type (application/pdf, image/png, image/jpeg)");
    CHECK(file(R"({"id":"f1","name":"a.pdf","type":"application/pdf","size":10485761,"sha256":")" + sha + R"("})").rfind("/entries/1/files/0/size: ", 0) == 0);
    CHECK(file(R"({"id":"f1","name":"a.pdf","type":"application/pdf","size":0,"sha256":")" + sha + R"("})").rfind("/entries/1/files/0/size: ", 0) == 0);
    CHECK(file(R"({"id":"f1","name":"a.pdf","type":"application/pdf","size":10,"sha256":"ABC"})") ==
          "/entries/1/files/0/sha256: is not a SHA-256: 64 digits 0-9 and a-f");
    CHECK(file(R"({"id":"f1","name":" ","type":"application/pdf","size":10,"sha256":")" + sha + R"("})") == "/entries/1/files/0/name: must not be empty");
    CHECK(file(R"({"id":"f1","name":"a.pdf","type":"application/pdf","size":10,"sha256":")" + sha + R"("},
                 {"id":"f1","name":"b.pdf","type":"application/pdf","size":10,"sha256":")" + sha + R"("})") ==
          "/entries/1/files/1/id: \"f1\" names another file of this entry too");
    CHECK(file(R"("cert.pdf")") == "/entries/1/files/0: must be an object, not a string");
    // The entry with a bad certificate is set aside as it was written, so nothing of it is lost.
    auto r = parse_log(with_entry(R"("title":"x","date":"2021-02-03","kind":"other","files":[{"id":"f1"}])"));
    REQUIRE(r.log);
    CHECK(r.log->entries.size() == 1);
    REQUIRE(r.log->unreadable_entries.size() == 1);
    CHECK(r.log->unreadable_entries[0].original["files"][0]["id"] == "f1");
}
