// The explicit limits on bad input (issue "Never lose a certificant's log"): absurd numbers,
// dates out of range, ids repeated, strings of megabytes, deep nesting, a 32 MiB import. Each
// is refused with a message naming where and what, or handled, never a crash. Cases already
// in log_test.cpp, decimal_test.cpp, dates_test.cpp and csv_test.cpp are not repeated here.
#include <doctest/doctest.h>

#include <chrono>
#include <cstring>
#include <functional>

#include "csv.h"
#include "log.h"
#include "program.h"
#include "support.h"

using namespace recert;
using nlohmann::json;

namespace {

std::vector<std::string> problems_of(const std::string& log_text) {
    std::vector<std::string> out;
    for (const auto& p : parse_log(log_text).problems) out.push_back(describe(p));
    return out;
}

std::string first_problem(const std::string& log_text) {
    const auto all = problems_of(log_text);
    REQUIRE_FALSE(all.empty());
    return all.front();
}

std::string log_with_entry(const std::string& fields) {
    return R"({"format":"recert-log","version":1,"credentials":[],"entries":[{"id":"e1",)" + fields + "}]}";
}

std::string log_with_credential(const std::string& fields) {
    return R"({"format":"recert-log","version":1,"credentials":[{"id":"c1","program":"namss-cpcs",)" + fields + R"(}],"entries":[]})";
}

// The reason the only row of a CSV with these columns was rejected.
std::string csv_rejection(const std::string& header, const std::string& row) {
    const CsvImport r = parse_csv(header + "\n" + row + "\n");
    REQUIRE(r.problems.empty());
    REQUIRE(r.entries.empty());
    REQUIRE(r.rejected.size() == 1);
    return r.rejected[0].reason;
}

// The shipped CPCS program with one part of it replaced.
// A program without the phase conditions that name its requirements, for tests that replace them.
void without_needs(json& doc) {
    for (auto& ph : doc["phases"]) ph.erase("needs");
}

std::vector<std::string> program_problems(const std::function<void(json&)>& change) {
    json doc = json::parse(test::read_text("programs/namss-cpcs.json"));
    change(doc);
    std::vector<std::string> out;
    for (const auto& p : read_program(doc).problems) out.push_back(describe(p));
    return out;
}

bool has(const std::vector<std::string>& all, const std::string& prefix) {
    for (const auto& s : all)
        if (s.rfind(prefix, 0) == 0) return true;
    return false;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("Limits: absurd numbers in a log are refused where they are") {
    const std::string base = R"("title":"t","date":"2025-01-01","kind":"other",)";
    CHECK(first_problem(log_with_entry(base + R"("minutes":-1)")) == "/entries/0/minutes: must be a whole number from 0 to 100000, not -1");
    CHECK(first_problem(log_with_entry(base + R"("minutes":1e308)")) == "/entries/0/minutes: must be a whole number from 0 to 100000, not 1e+308");
    CHECK(first_problem(log_with_entry(base + R"("minutes":"NaN")")) == "/entries/0/minutes: must be a whole number from 0 to 100000, not a string");
    CHECK(first_problem(log_with_entry(base + R"("minutes":18446744073709551616)")).rfind("/entries/0/minutes: must be a whole number", 0) == 0);
    CHECK(first_problem(log_with_entry(base + R"("credits":1000.01)")) == "/entries/0/credits: is more than 1000 for one activity");
    CHECK(first_problem(log_with_entry(base + R"("credits":"1e308")")) == "/entries/0/credits: \"1e308\" is not a decimal number like 12 or 1.25");
    CHECK(first_problem(log_with_entry(base + R"("credits":"-0")")) == "/entries/0/credits: \"-0\" is negative");
    CHECK(first_problem(log_with_entry(base + R"("credits":"Infinity")")) == "/entries/0/credits: \"Infinity\" is not a decimal number like 12 or 1.25");
    for (const char* version : {"-1", "0", "1e308", "\"1\"", "18446744073709551616", "1.5"}) {
        CAPTURE(version);
        CHECK(first_problem(std::string(R"({"format":"recert-log","version":)") + version + "}").rfind("/version: must be a whole number from 1 to 1000000", 0) == 0);
    }
}

TEST_CASE("Limits: absurd numbers in a CSV row reject that row with the reason") {
    const std::string h = "date,title,kind,minutes,credits";
    CHECK(csv_rejection(h, "2025-01-01,t,course,-5,") == "minutes: must be a whole number from 0 to 100000, not a string");
    CHECK(csv_rejection(h, "2025-01-01,t,course,99999999999,") == "minutes: must be a whole number from 0 to 100000, not a string");
    CHECK(csv_rejection(h, "2025-01-01,t,course,100001,") == "minutes: must be a whole number from 0 to 100000, not 100001");
    CHECK(csv_rejection(h, "2025-01-01,t,course,,1e308") == "credits: \"1e308\" is not a decimal number like 12 or 1.25");
    CHECK(csv_rejection(h, "2025-01-01,t,course,,NaN") == "credits: \"NaN\" is not a decimal number like 12 or 1.25");
    CHECK(csv_rejection(h, "2025-01-01,t,course,,-1") == "credits: \"-1\" is negative");
    CHECK(csv_rejection(h, "2025-01-01,t,course,,1000.5") == "credits: is more than 1000 for one activity");
}

TEST_CASE("Limits: absurd amounts in a program file are refused where they are") {
    CHECK(has(program_problems([](json& d) { d["requirements"][0]["min"] = "1e308"; }), "/requirements/0/min: \"1e308\" is not a decimal number"));
    CHECK(has(program_problems([](json& d) { d["requirements"][0]["min"] = "NaN"; }), "/requirements/0/min: \"NaN\" is not a decimal number"));
    CHECK(has(program_problems([](json& d) { d["requirements"][0]["min"] = "-30"; }), "/requirements/0/min: \"-30\" is negative"));
    CHECK(has(program_problems([](json& d) { d["requirements"][0]["min"] = "1000001"; }), "/requirements/0/min: \"1000001\" is larger than 1000000"));
    CHECK(has(program_problems([](json& d) { d["fees"][0]["amount"] = "1000000001"; }), "/fees/0/amount: \"1000000001\" is larger than 1000000000"));
    CHECK(has(program_problems([](json& d) { d["cycle"]["years"] = 21; }), "/cycle/years: must be a whole number from 1 to 20, not 21"));
    CHECK(has(program_problems([](json& d) { d["credit"]["decimals"] = 3; }), "/credit/decimals: must be a whole number from 0 to 2, not 3"));
    // Found in review of the fuzz targets: a per-credit fee of up to a billion on up to 200,000
    // activities overflowed 64 bits. Rates and fixed credits now have a ceiling.
    CHECK(has(program_problems([](json& d) { d["credit"]["by_kind"] = {{"article", "1000.01"}}; }),
              "/credit/by_kind/article: is more than 1000 for one activity"));
    CHECK(program_problems([](json& d) { d["credit"]["by_kind"] = {{"article", "1000"}}; }).empty());
    const auto fee = [](const json& per_credit) {
        return [per_credit](json& d) {
            d["fees"].push_back({{"id", "processing"}, {"label", "Processing"}, {"per_credit", per_credit}, {"kinds_any", {"article"}},
                                 {"cite", d["fees"][0]["cite"]}});
        };
    };
    CHECK(has(program_problems(fee("10000.01")), "/fees/3/per_credit: is more than 10000 per credit"));
    CHECK(has(program_problems(fee("1000000000")), "/fees/3/per_credit: is more than 10000 per credit"));
    CHECK(program_problems(fee("10000")).empty());
    // At those ceilings the largest fee possible is exact.
    CHECK(per_credit(Money::whole(10'000), Credits::whole(1000 * static_cast<std::int64_t>(max_entries))).to_string() ==
          "2000000000000");
}

TEST_CASE("Limits: a program file past one of its limits is refused at the list's pointer, and one at it is read") {
    // The shipped CPCS program with `count` copies of a list's model item (ids numbered).
    const auto copies = [](const json& model, std::size_t count, const char* key = "id") {
        json list = json::array();
        for (std::size_t i = 0; i < count; ++i) {
            json x = model;
            if (key) x[key] = "x" + std::to_string(i);
            list.push_back(x);
        }
        return list;
    };
    const auto topics = [&](std::size_t n) { return copies({{"name", "Topic"}}, n); };
    struct Case {
        const char* what;
        std::size_t limit;
        std::function<void(json&, std::size_t)> fill;  // makes the file hold n of them
        std::string refused;                           // the problem with limit + 1
    };
    const Case cases[] = {
        // Phases that need a share of "total" would name a requirement the copies replace.
        {"requirements", max_requirements, [&](json& d, std::size_t n) { without_needs(d); d["requirements"] = copies(d["requirements"][0], n); },
         "/requirements: has 201 requirements; at most 200 are accepted"},
        {"requirements sharing a group", max_group_requirements,
         [&](json& d, std::size_t n) { without_needs(d); json r = d["requirements"][0]; r["group"] = "g"; d["requirements"] = copies(r, n); },
         "/requirements/32/group: \"g\" is the group of more than 32 requirements; at most 32 can share one"},
        {"topics", max_topics, [&](json& d, std::size_t n) { d["topics"] = topics(n); }, "/topics: has 201 topics; at most 200 are accepted"},
        {"topics_any", max_topics,
         [&](json& d, std::size_t n) {
             d["topics"] = topics(n);
             d["requirements"][0]["eligible"] = {{"topics_any", json::array()}};
             for (std::size_t i = 0; i < n; ++i) d["requirements"][0]["eligible"]["topics_any"].push_back("x" + std::to_string(i));
         },
         // A list of more topics than a program may have: the program has them too.
         "/topics: has 201 topics; at most 200 are accepted\n/requirements/0/eligible/topics_any: has 201 topics; at most 200 are accepted"},
        {"options", max_options,
         [&](json& d, std::size_t n) {
             for (const auto& o : copies(d["options"][0], n - 1)) d["options"].push_back(o);
         },
         "/options: has 21 options; at most 20 are accepted"},
        {"choices", max_topics,
         [&](json& d, std::size_t n) {
             d["topics"] = topics(n);
             json o = {{"id", "area"}, {"type", "choice"}, {"label", "Area"}, {"choices", json::array()}};
             for (std::size_t i = 0; i < n; ++i) o["choices"].push_back("x" + std::to_string(i));
             d["options"].push_back(o);
         },
         "/topics: has 201 topics; at most 200 are accepted\n/options/1/choices: has 201 choices; at most 200 are accepted"},
        {"min_when conditions", max_conditions,
         [&](json& d, std::size_t n) {
             d["requirements"][0]["min_when"] =
                 copies({{"when", {{"option", "extension_requested"}, {"equals", true}}}, {"min", "1"}}, n, nullptr);
         },
         "/requirements/0/min_when: has 21 conditions; at most 20 are accepted"},
        {"dates", max_dates,
         [&](json& d, std::size_t n) {
             for (std::size_t i = d["dates"].size(); i < n; ++i) d["dates"]["x" + std::to_string(i)] = d["dates"]["due"];
         },
         "/dates: has 51 dates; at most 50 are accepted"},
        {"phases", max_phases,
         [&](json& d, std::size_t n) {
             for (const auto& x : copies(d["phases"][0], n - d["phases"].size(), nullptr)) d["phases"].push_back(x);
         },
         "/phases: has 51 phases; at most 50 are accepted"},
        {"fees", max_fees,
         [&](json& d, std::size_t n) {
             for (const auto& x : copies(d["fees"][0], n - d["fees"].size())) d["fees"].push_back(x);
         },
         "/fees: has 51 fees; at most 50 are accepted"},
        {"caps", max_caps,
         [&](json& d, std::size_t n) {
             d["caps"] = copies({{"name", "Cap"}, {"max", "4"}, {"kinds_any", {"article"}}, {"cite", d["cycle"]["cite"]}}, n);
         },
         "/caps: has 51 caps; at most 50 are accepted"},
        {"sources", max_sources,
         [&](json& d, std::size_t n) {
             for (std::size_t i = d["sources"].size(); i < n; ++i) d["sources"]["x" + std::to_string(i)] = {{"title", "Another page"}};
         },
         "/sources: has 51 sources; at most 50 are accepted"},
        {"kinds_any", max_kinds,
         [&](json& d, std::size_t n) {
             json kinds = json::array();
             for (std::size_t i = 0; i < n; ++i) kinds.push_back(std::string(to_string(all_kinds[i % std::size(all_kinds)])));
             d["caps"] = json::array({{{"id", "c"}, {"name", "Cap"}, {"max", "4"}, {"kinds_any", kinds}, {"cite", d["cycle"]["cite"]}}});
         },
         "/caps/0/kinds_any: has 10 activity kinds; at most 9 are accepted"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        const auto joined = [](const std::vector<std::string>& all) {
            std::string out;
            for (const auto& x : all) out += x + "\n";
            return out;
        };
        CHECK(joined(program_problems([&](json& d) { c.fill(d, c.limit); })) == "");
        CHECK(joined(program_problems([&](json& d) { c.fill(d, c.limit + 1); })) == c.refused + "\n");
    }
}

TEST_CASE("Limits: dates out of range are refused in logs and CSV") {
    const std::string base = R"("title":"t","kind":"other",)";
    for (const char* bad : {"0000-01-01", "10000-01-01", "1899-12-31", "2021-02-30", "2023-02-29", "2025-13-01", "-001-01-01"}) {
        CAPTURE(bad);
        const std::string msg = "\"" + std::string(bad) + "\" is not a real date written YYYY-MM-DD (years 1900 to 9999)";
        CHECK(first_problem(log_with_entry(base + R"("date":")" + bad + "\"")) == "/entries/0/date: " + msg);
        CHECK(first_problem(log_with_credential(R"("certified_on":")" + std::string(bad) + "\"")) == "/credentials/0/certified_on: " + msg);
        CHECK(first_problem(log_with_credential(R"("renewed_through":")" + std::string(bad) + "\"")) == "/credentials/0/renewed_through: " + msg);
        CHECK(csv_rejection("date,title,kind", std::string(bad) + ",t,course") == "date: " + msg);
    }
    // Spreadsheet dates (M/D/YYYY) out of range are left as written and refused the same way.
    for (const char* bad : {"2/30/2025", "1/1/0", "1/1/10000", "13/1/2025", "0/5/2025", "2/29/2023"}) {
        CAPTURE(bad);
        CHECK(csv_rejection("date,title,kind", std::string(bad) + ",t,course").rfind("date: \"", 0) == 0);
    }
}

TEST_CASE("Limits: a credential whose cycle or deadlines would leave 1900 to 9999 is refused, named; no report prints such a date") {
    // A certification in 9998 made the report print 10000-06-01, a date no log can read back.
    const auto dmec = test::evaluate_one("dmec-clms", R"({"certified_on":"9998-06-01"})", "", "9998-07-01");
    REQUIRE(dmec.problems.size() == 1);
    CHECK(describe(dmec.problems[0]) == "certified_on: with dmec-clms, certified on 9998-06-01, the cycle would fall after 9999-12-31, the last day Recert handles");
    // CPCS: the cycle ends 9999-12-01, inside; the reinstatement deadline half a year later is not.
    const auto cpcs = test::evaluate_one("namss-cpcs", R"({"certified_on":"9996-03-01"})", "", "9996-04-01");
    REQUIRE(cpcs.problems.size() == 1);
    CHECK(describe(cpcs.problems[0]) ==
          "certified_on: with namss-cpcs, certified on 9996-03-01, \"Extended deadline for the remaining credits\" would fall after 9999-12-31, the last day Recert handles");
    CHECK(test::evaluate_one("namss-cpcs", R"({"certified_on":"9995-12-31"})", "", "9996-04-01").problems.empty());
    // Renewed through the last day there is: the next cycle is past it.
    const auto far = test::evaluate_one("ala-clm-recert", R"({"certified_on":"1900-01-01","renewed_through":"9999-12-31"})", "", "1900-01-01");
    REQUIRE(far.problems.size() == 1);
    CHECK(describe(far.problems[0]) ==
          "renewed_through: with ala-clm-recert, renewed through 9999-12-31, the cycle would fall after 9999-12-31, the last day Recert handles");
    // A look-back window as of a day less than 24 months after 1900-01-01.
    const auto early = test::evaluate_one("ala-clm-application", "", "", "1901-12-31");
    REQUIRE(early.problems.size() == 1);
    CHECK(describe(early.problems[0]) ==
          "program: as of 1901-12-31, ala-clm-application's 24-month window would start before 1900-01-01, the first day Recert handles");
    CHECK(to_iso(test::evaluate_one("ala-clm-application", "", "", "1902-01-01").start) == "1900-01-01");
    // In the log the problem has the credential's pointer, and the CLI says so (tests/cli_test.sh).
    const Log log = test::log_from(R"({"format":"recert-log","version":1,"credentials":[{"id":"c1","program":"dmec-clms","certified_on":"9998-06-01"}],"entries":[]})");
    const Report report = evaluate(test::all_programs(), log, test::day("2026-11-26"));
    REQUIRE(report.credentials.at(0).problems.size() == 1);
    CHECK(report.credentials[0].problems[0].where == "/credentials/0/certified_on");

    // Everywhere else every date of the report reads back as a log date: each program, from
    // the first day to the last, certified then and evaluated then.
    int evaluated = 0, refused = 0;
    for (const auto& p : test::all_programs())
        for (const char* on : {"1900-01-01", "1901-06-30", "2026-11-26", "9990-01-01", "9995-12-31", "9997-02-28", "9999-12-31"})
            for (const char* as_of : {"1900-01-01", "1902-01-01", "2026-11-26", "9999-12-31"}) {
                CAPTURE(p.id);
                CAPTURE(on);
                CAPTURE(as_of);
                const auto r = test::evaluate_one(p.id, std::string(R"({"certified_on":")") + on + "\"}",
                                                  std::string(R"([{"id":"e1","title":"t","date":")") + on + R"(","kind":"conference","credits":1,"approved":true}])", as_of);
                if (!r.problems.empty()) {
                    ++refused;
                    CHECK(r.problems[0].what.find("Recert handles") != std::string::npos);
                    continue;
                }
                ++evaluated;
                const std::string text = to_json(r).dump();
                for (std::size_t at = text.find("\"date\":\""); at != std::string::npos; at = text.find("\"date\":\"", at + 1))
                    CHECK(parse_date(text.substr(at + 8, 10)).has_value());
                CHECK(in_range(r.start));
                CHECK(in_range(r.end));
                for (const auto& d : r.deadlines) CHECK(in_range(d.date));
            }
    CHECK(evaluated > 100);
    CHECK(refused > 10);
}

TEST_CASE("Limits: a key given twice in one object is refused, not silently overwritten") {
    // A program's dates and sources are objects keyed by id: a repeated id used to keep the last.
    std::string text = test::read_text("programs/namss-cpcs.json");
    const auto dates = text.find("\"dates\": {");
    REQUIRE(dates != std::string::npos);
    text.insert(dates + 10, R"("due": {"from": "cycle_end", "label": "Again", "cite": {"source": "x", "quote": "y"}},)");
    const auto p = parse_program(text);
    REQUIRE(p.problems.size() == 1);
    CHECK(describe(p.problems[0]) == "/dates/due: is given twice in the same object; only one can count");
    // In a log, at any depth, with the pointer escaped.
    CHECK(first_problem(R"({"format":"recert-log","version":1,"entries":[{"id":"e1","title":"a","title":"b"}]})") ==
          "/entries/0/title: is given twice in the same object; only one can count");
    CHECK(first_problem(R"({"format":"recert-log","format":"recert-log","version":1})") ==
          "/format: is given twice in the same object; only one can count");
    CHECK(first_problem(R"({"a":[1,{"x/y~":[{}, {"k":1,"k":2}]}]})") == "/a/1/x~1y~0/1/k: is given twice in the same object; only one can count");
    // The same key in different objects is fine.
    CHECK(parse_log(R"({"format":"recert-log","version":1,"credentials":[{"id":"c","program":"p"}],"entries":[{"id":"e","title":"t","date":"2025-01-01","kind":"other"}]})").log.has_value());
}

TEST_CASE("Limits: strings of megabytes are refused where they are, in logs, CSV and programs") {
    const std::string mb(3 << 20, 'x');
    CHECK(csv_rejection("date,title,kind", "2025-01-01," + mb + ",course") == "title: is longer than 2000 characters");
    CHECK(csv_rejection("date,title,kind,notes", "2025-01-01,t,course,\"" + mb + "\"") == "notes: is longer than 40000 characters");
    CHECK(csv_rejection("date,title,kind", mb + ",t,course") == "date: is longer than 64 characters");
    CHECK(csv_rejection("date,title,kind,topics", "2025-01-01,t,course," + mb).rfind("topics/0: must be an id string", 0) == 0);
    CHECK(first_problem(log_with_credential(R"("options":{"extension_requested":")" + mb + "\"}")) ==
          "/credentials/0/options/extension_requested: must be true, false or a short string");
    CHECK(first_problem(log_with_credential(R"("label":")" + mb + "\"")) == "/credentials/0/label: is longer than 200 characters");
    CHECK(first_problem(log_with_entry(R"("title":"t","date":"2025-01-01","kind":")" + mb + "\"")) == "/entries/0/kind: is longer than 64 characters");
    CHECK(has(program_problems([&](json& d) { d["description"] = mb; }), "/description: is longer than 10000 characters"));
    CHECK(has(program_problems([&](json& d) { d["requirements"][0]["cite"]["quote"] = mb; }), "/requirements/0/cite/quote: is longer than 10000 characters"));
    // A field this version does not know is kept as it is, however long: the next version may need it.
    const auto kept = parse_log(log_with_entry(R"("title":"t","date":"2025-01-01","kind":"other","future":")" + mb + "\""));
    REQUIRE(kept.log.has_value());
    CHECK(kept.log->entries[0].extra["future"].get_ref<const std::string&>().size() == mb.size());
}

TEST_CASE("Limits: a JSON syntax error is named in Recert's words, at its line and column") {
    // nlohmann's own messages ("[json.exception.out_of_range.406] number overflow parsing
    // '1e400'", "syntax error while parsing value - invalid literal; last read: ...") were
    // passed on as they were.
    const std::pair<std::string, std::string> cases[] = {
        {log_with_entry(R"("title":"t","date":"2025-01-01","kind":"other","credits":1e400)"),
         "line 1, column 136: the number '1e400' is too large to read"},
        {"", "line 1, column 1: the file is empty: it must hold one JSON object"},
        {"\n  \n", "line 2, column 3: the file is empty: it must hold one JSON object"},
        {"{\"a\": tru}", "line 1, column 10: 'tru' is not a JSON value: text is written in double quotes, and true, false and null in lower case"},
        {"{\"a\": True}", "line 1, column 7: 'True' is not a JSON value: text is written in double quotes, and true, false and null in lower case"},
        {"{a: 1}", "line 1, column 2: a field name in double quotes must come here, not 'a'"},
        {"{'a': 1}", "line 1, column 2: text in single quotes: JSON writes text in double quotes"},
        {"{\"a\" 1}", "line 1, column 6: a ':' must follow the field name, not '1'"},
        {"{\"a\": 1 \"b\": 2}", "line 1, column 11: a ',' or '}' must follow a value in an object, not '\"b\"'"},
        {"{\"a\": 1,}", "line 1, column 9: a ',' before '}': JSON allows none after the last field"},
        {"[1, 2,]", "line 1, column 7: a ',' before ']': JSON allows none after the last element"},
        {"[1 2]", "line 1, column 4: a ',' or ']' must follow a value in an array, not '2'"},
        {"[,]", "line 1, column 2: a value must come here (text in double quotes, a number, true, false, null, an object or an array)"},
        {"{\"a\": [1}", "line 1, column 9: a ',' or ']' must follow a value in an array"},
        {"{\"a\": 1}}", "line 1, column 9: more text after the end of the JSON document: '}'"},
        {"{\"a\": 1} x", "line 1, column 10: more text after the end of the JSON document: 'x'"},
        {"{\"a\": 01}", "line 1, column 8: '01' is not a number as JSON writes them (like 12, 1.5 or 2e3)"},
        {"{\"a\": -}", "line 1, column 8: '-' is not a number as JSON writes them (like 12, 1.5 or 2e3)"},
        {"{\"a\": \"x\ty\"}", "line 1, column 9: text in quotes holds a control character (U+0009), which JSON writes as \\u0009"},
        {"{\"a\": \"\\x\"}", "line 1, column 9: '\\x' is not an escape JSON knows (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hexadecimal digits)"},
        {"{\"a\": \"\\u12g4\"}", "line 1, column 12: \\u must be followed by four hexadecimal digits, as in \\u00e9"},
        {"{\"a\": \"\\ud800\"}", "line 1, column 14: \\ud800 is the first half of a character (a high surrogate) and must be followed by its second half, \\uDC00 to \\uDFFF"},
        {"{\"a\": \"\\udc00\"}", "line 1, column 13: \\udc00 is the second half of a character (a low surrogate) without its first half"},
        {"{\"a\": \"open", "line 1, column 11: text in quotes is never closed: the quote that ends '\"open' is missing"},
        {"{\"a\": [true", "line 1, column 11: the text ends before the JSON is complete: an array lacks its closing ']'"},
        {"{\"format\":\n\"recert-log\",\n\"version\": 1,,}", "line 3, column 14: a field name in double quotes must come here"},
        {"\xEF\xBB\xBF{\"a\": \xFF}", "line 1, column 10: byte 0xFF is not UTF-8: save the file as UTF-8 text"},
        {"{\"a\": #}", "line 1, column 7: unexpected '#': JSON has objects {...}, arrays [...], text in double quotes, numbers, true, false and null"},
    };
    for (const auto& [text, message] : cases) {
        CAPTURE(text);
        const auto all = problems_of(text);
        REQUIRE(all.size() == 1);
        CHECK(all[0] == message);
        for (const char* theirs : {"json.exception", "syntax error while parsing", "last read", "parse error"})
            CHECK(all[0].find(theirs) == std::string::npos);
    }
}

TEST_CASE("Limits: nesting is refused past 64 levels, in objects as in arrays, and in program files") {
    CHECK(first_problem(std::string(100000, '{')) == "line 1, column 2: a field name in double quotes must come here");
    std::string objects;
    for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
    CHECK(first_problem(objects) == "/: nested more than 64 levels deep");
    // An entry is at depth 3; a field of it may nest 61 levels more, not 62.
    const auto nest = [](int levels) { return std::string(levels, '[') + std::string(levels, ']'); };
    const std::string entry = R"("title":"t","date":"2025-01-01","kind":"other","deep":)";
    CHECK(parse_log(log_with_entry(entry + nest(61))).log.has_value());
    CHECK(first_problem(log_with_entry(entry + nest(62))) == "/: nested more than 64 levels deep");
    const auto p = parse_program("{\"format\":\"recert-program\",\"x\":" + nest(1000) + "}");
    REQUIRE(p.problems.size() == 1);
    CHECK(describe(p.problems[0]) == "/: nested more than 64 levels deep");
}

TEST_CASE("Limits: a file at the size limit (32 MiB) reads whole, as a backup or a CSV, and the entry limit fits inside it") {
    // The CLI and the page refuse a file over max_document_bytes before reading it; the README
    // used to promise a 53 MB backup that neither would open. Measured: scripts/bench merge.
    REQUIRE(max_document_bytes == 32u << 20);
    const auto entry = [](std::size_t i) {
        Entry e;
        e.id = "e" + std::to_string(i);
        e.title = "Activity " + std::to_string(i) + " on credentialing, leave management and compliance";
        e.provider = "Provider " + std::to_string(i % 97);
        e.date = add_days(test::day("2023-01-01"), date::days{static_cast<int>(i % 1400)});
        e.minutes = Minutes{static_cast<std::int64_t>(30 + i % 120)};
        e.credits = Credits::from_units(static_cast<std::int64_t>(75 * (1 + i % 16)));
        e.kind = Kind::live_webinar;
        e.topics = {"fmla"};
        e.approved = true;
        e.code = "C-" + std::to_string(i);
        e.notes = "Certificate filed";
        return e;
    };
    // A backup as Recert writes it (serialize: one field a line, tab-indented), as many
    // entries as fit in the limit.
    Log log;
    for (std::size_t i = 0; i < 1000; ++i) log.entries.push_back(entry(i));
    const std::size_t per_entry = serialize(log).size() / 1000 + 1;
    for (std::size_t i = 1000; i < max_document_bytes / per_entry; ++i) log.entries.push_back(entry(i));
    std::string text = serialize(log);
    while (text.size() > max_document_bytes) {  // later ids are longer
        log.entries.resize(log.entries.size() - (text.size() - max_document_bytes) / per_entry - 1);
        text = serialize(log);
    }
    CHECK(text.size() > max_document_bytes / 100 * 99);
    auto t0 = std::chrono::steady_clock::now();
    auto r = parse_log(text);
    const double json_seconds = seconds_since(t0);
    REQUIRE(r.log.has_value());
    CHECK(r.log->entries.size() == log.entries.size());
    MESSAGE("a " << text.size() << "-byte backup of " << log.entries.size() << " entries: read in " << json_seconds << " s");
    r = {};
    text.clear();
    text.shrink_to_fit();

    // Its CSV export is smaller, so it imports too; a CSV filled to the limit imports whole.
    std::string csv = to_csv(log.entries);
    CHECK(csv.size() < max_document_bytes);
    CHECK(parse_csv(csv).entries.size() == log.entries.size());
    log = {};
    const std::string notes(100, 'n');  // rows of about 175 bytes: fewer than 200,000 fill the limit
    std::string padded = "id,date,title,kind,minutes,credits,notes\n";
    std::size_t rows = 0;
    while (true) {
        char row[400];
        std::snprintf(row, sizeof row, "e%zu,2025-%02zu-%02zu,Activity %zu on credentialing and leave,course,60,1.25,%s\n", rows,
                      1 + rows % 12, 1 + rows % 28, rows, notes.c_str());
        if (padded.size() + std::strlen(row) > max_document_bytes) break;
        padded += row;
        ++rows;
    }
    t0 = std::chrono::steady_clock::now();
    const CsvImport c = parse_csv(padded);
    const double csv_seconds = seconds_since(t0);
    CHECK(c.problems.empty());
    CHECK(c.rejected.empty());
    CHECK(c.entries.size() == rows);
    MESSAGE("a " << padded.size() << "-byte CSV of " << rows << " rows: read in " << csv_seconds << " s");

    // The entry limit can be reached inside the size limit: 200,000 short entries.
    Log most;
    for (std::size_t i = 0; i < max_entries; ++i) {
        Entry e;
        e.id = "e" + std::to_string(i);
        e.title = "Webinar";
        e.date = test::day("2025-01-01");
        most.entries.push_back(e);
    }
    const std::string most_text = serialize(most);
    CHECK(most_text.size() < max_document_bytes);
    CHECK(parse_log(most_text).log->entries.size() == max_entries);
    padded = "id,date,title,kind\n";
    for (std::size_t i = 0; i < max_entries; ++i) padded += "e" + std::to_string(i) + ",2025-01-01,t,course\n";
    CHECK(padded.size() < max_document_bytes);

    // One activity more than a log holds: refused as a whole, with the reason.
    padded += "e-last,2025-01-01,One too many,course\n";
    const CsvImport over = parse_csv(padded);
    CHECK(over.entries.empty());
    REQUIRE(over.problems.size() == 1);
    CHECK(describe(over.problems[0]) ==
          "line 200002: the file has more than 200000 activities; at most 200000 are accepted");
    padded.clear();
    padded.shrink_to_fit();
    // The count is checked before any entry is read.
    std::string over_log = R"({"format":"recert-log","version":1,"entries":[0)";
    for (std::size_t i = 0; i < max_entries; ++i) over_log += ",0";
    CHECK(first_problem(over_log + "]}") == "/entries: has 200001 entries; at most 200000 are accepted");

    // 50 MB in one string, given to the core directly (it has no size limit of its own):
    // refused by its length, named.
    const std::string huge(50 << 20, 'x');
    CHECK(first_problem(log_with_entry(R"("title":")" + huge + R"(","date":"2025-01-01","kind":"other")")) ==
          "/entries/0/title: is longer than 2000 characters");
    CHECK(csv_rejection("date,title,kind", "2025-01-01,\"" + huge + "\",course") == "title: is longer than 2000 characters");
}
