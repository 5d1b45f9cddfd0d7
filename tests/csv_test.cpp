#include <doctest/doctest.h>

#include "csv.h"
#include "support.h"

using namespace recert;

TEST_CASE("CSV: an export reads back as the same entries") {
    const Log log = test::log_from(test::read_text("programs/examples/ala-clm-application.json"));
    const CsvImport back = parse_csv(to_csv(log.entries));
    CHECK(back.problems.empty());
    CHECK(back.rejected.empty());
    REQUIRE(back.entries.size() == log.entries.size());
    for (std::size_t i = 0; i < log.entries.size(); ++i) CHECK(to_json(back.entries[i]) == to_json(log.entries[i]));
}

TEST_CASE("CSV: quotes, commas, line breaks and formulas survive a round trip") {
    Entry e;
    e.id = "e1";
    e.title = "Leave law, \"the basics\"\nPart 2";
    e.provider = "=HYPERLINK(\"http://x\")";
    e.notes = "-5 minutes late";
    e.date = test::day("2025-03-04");
    e.kind = Kind::course;
    const std::string text = to_csv({e});
    CHECK(text.find("'=HYPERLINK") != std::string::npos);  // a spreadsheet shows it, does not run it
    const CsvImport back = parse_csv(text);
    REQUIRE(back.entries.size() == 1);
    CHECK(back.entries[0].title == e.title);
    CHECK(back.entries[0].provider == e.provider);
    CHECK(back.entries[0].notes == e.notes);
}

TEST_CASE("CSV: rows a spreadsheet wrote are read; bad rows are listed with their line and reason") {
    const CsvImport r = parse_csv(
        "\xEF\xBB\xBF" "Title,Date,Kind,Minutes,Credits,Topics,Approved\r\n"
        "Writing memos,3/4/2025,Live webinar,90,,writing; communication,yes\r\n"
        "Bad date,2025-02-30,course,60,,,\r\n"
        "\r\n"
        "Too precise,2025-03-05,course,,1.255,,\r\n"
        "Odd kind,2025-03-06,seminar,60,,,\r\n"
        "Maybe,2025-03-07,course,60,,,perhaps\r\n");
    CHECK(r.problems.empty());
    REQUIRE(r.entries.size() == 1);
    const Entry& e = r.entries[0];
    CHECK(e.id == "csv-2");
    CHECK(to_iso(e.date) == "2025-03-04");
    CHECK(e.kind == Kind::live_webinar);
    CHECK(*e.minutes == 90);
    CHECK(e.topics == std::vector<std::string>{"writing", "communication"});
    CHECK(*e.approved);
    REQUIRE(r.rejected.size() == 4);
    CHECK(r.rejected[0].line == 3);
    CHECK(r.rejected[0].reason == "date: \"2025-02-30\" is not a real date written YYYY-MM-DD (years 1900 to 9999)");
    CHECK(r.rejected[1].line == 5);
    CHECK(r.rejected[1].reason == "credits: \"1.255\" has 3 decimal places; at most 2 are allowed");
    CHECK(r.rejected[2].reason.rfind("kind: \"seminar\" is not an activity kind", 0) == 0);
    CHECK(r.rejected[3].reason == "approved: must be true or false, not a string");
}

TEST_CASE("CSV: a file without the needed columns is refused as a whole") {
    CHECK(describe(parse_csv("").problems.at(0)) == "line 1: the file is empty: it needs a header row and one row per activity");
    const auto r = parse_csv("name,when\nx,2025-01-01\n");
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].what.rfind("the header has no \"date\" column", 0) == 0);
    CHECK(describe(parse_csv("title,date,kind\n\"open,2025-01-01,course\n").problems.at(0)) == "line 2: a quoted cell is never closed");
}
