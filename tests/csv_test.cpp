#include <doctest/doctest.h>

#include <algorithm>

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
    CHECK(e.minutes == Minutes{90});
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

TEST_CASE("CSV: a spreadsheet date that is not a real day is named as the cell has it") {
    const CsvImport r = parse_csv("Title,Date,Kind,Credits\nOk,12/31/2025,course,1\nNo such day,2/30/2025,course,1\n");
    REQUIRE(r.entries.size() == 1);
    CHECK(to_iso(r.entries[0].date) == "2025-12-31");
    REQUIRE(r.rejected.size() == 1);
    CHECK(r.rejected[0].reason == "date: \"2/30/2025\" is not a real date written YYYY-MM-DD (years 1900 to 9999)");
}

TEST_CASE("CSV: a file without the needed columns is refused as a whole") {
    CHECK(describe(parse_csv("").problems.at(0)) == "line 1: the file is empty: it needs a header row and one row per activity");
    const auto r = parse_csv("name,when\nx,2025-01-01\n");
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].what.rfind("the header has no \"date\" column", 0) == 0);
    CHECK(describe(parse_csv("title,date,kind\n\"open,2025-01-01,course\n").problems.at(0)) == "line 2: a quoted cell is never closed");
}

TEST_CASE("CSV: cells starting with TAB or CR are guarded like formulas, and read back as written") {
    // OWASP's CSV injection list: = + - @ TAB CR. Each text column, each starting character.
    Entry e;
    e.id = "e1";
    e.date = test::day("2025-03-04");
    e.kind = Kind::course;
    for (const std::string lead : {"\t", "\r", "=", "+", "-", "@", "'\t", "\t\t"}) {
        e.title = lead + "=cmd|' /C calc'!A0";
        e.provider = lead + "Provider";
        e.code = lead + "C-1";
        e.notes = lead + "note";
        CAPTURE(lead);
        const std::string text = to_csv({e});
        const std::string row = text.substr(text.find("\r\n") + 2);
        // Every text cell starts with the guard quote, inside the CSV quotes when it needs them.
        for (const std::string& cell : {e.title, e.provider, e.code, e.notes}) {
            CAPTURE(cell);
            CHECK((row.find(",'" + cell) != std::string::npos || row.find(",\"'" + cell) != std::string::npos));
        }
        const CsvImport back = parse_csv(text);
        CHECK(back.rejected.empty());
        REQUIRE(back.entries.size() == 1);
        CHECK(back.entries[0].title == e.title);
        CHECK(back.entries[0].provider == e.provider);
        CHECK(back.entries[0].code == e.code);
        CHECK(back.entries[0].notes == e.notes);
    }
}

TEST_CASE("CSV: a row holding a NUL byte or another control character is rejected with its line and reason") {
    // Bytes a spreadsheet does not show; a NUL used to cut the import after row 1 without a word.
    const char raw[] =
        "title,date,kind,notes,extra\n"
        "First,2025-01-01,course,,\n"
        "Sec\0ond,2025-01-02,course,,\n"
        "Third,2025-01-03,course,\"two\n\x07 lines\",\n"
        "Fourth,2025-01-04,course,,ignored\0column\n"
        "Fifth,2025-\x1b\x01-05,course,\x7f,\n"
        "Sixth,2025-01-06,course,\"tab\tand\rreturn\",\n";
    const CsvImport r = parse_csv(std::string_view(raw, sizeof raw - 1));
    CHECK(r.problems.empty());
    std::vector<std::string> titles;
    for (const auto& e : r.entries) titles.push_back(e.title);
    // A column Recert does not read may hold anything: that row is imported.
    CHECK(titles == std::vector<std::string>{"First", "Fourth", "Sixth"});
    CHECK(r.entries[2].notes == "tab\tand\rreturn");
    REQUIRE(r.rejected.size() == 3);
    CHECK(r.rejected[0].line == 3);
    CHECK(r.rejected[0].reason == "title: character 4 is an invisible control character (NUL, code 0); delete it and import the file again");
    CHECK(r.rejected[1].line == 4);
    CHECK(r.rejected[1].reason == "notes: character 5 is an invisible control character (BEL, code 7); delete it and import the file again");
    CHECK(r.rejected[2].line == 7);  // the quoted notes of line 4 took two lines
    CHECK(r.rejected[2].reason ==
          "date: character 6 is an invisible control character (ESC, code 27); delete it and import the file again; "
          "notes: character 1 is an invisible control character (DEL, code 127); delete it and import the file again");
    // Every row is accounted for: imported or rejected.
    CHECK(r.entries.size() + r.rejected.size() == 6);
}

TEST_CASE("CSV: an export writes every entry whatever its texts hold, and reads back whole") {
    // A backup can hold any JSON text, \u0000 included. The CSV shows each control character as
    // its Unicode picture (NUL as U+2400), so no row is cut, dropped or rejected on the way back.
    const Log log = test::log_from(R"({"format":"recert-log","version":1,"credentials":[],"entries":[
        {"id":"e1","title":"Before","date":"2025-01-01","kind":"course"},
        {"id":"e2","title":"Nul\u0000inside","provider":"\u001b[31mred","date":"2025-01-02","kind":"course","notes":"bell\u0007 del\u007f"},
        {"id":"e3","title":"\u0000","date":"2025-01-03","kind":"course","code":"tab\tkept"},
        {"id":"e4","title":"After","date":"2025-01-04","kind":"course"}]})");
    REQUIRE(log.entries[1].title.size() == 10);
    const std::string text = to_csv(log.entries);
    CHECK(std::count(text.begin(), text.end(), '\r') == 5);  // the header and four rows
    for (char c : text) CHECK((static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\r' || c == '\n'));
    CHECK(text.find("Nul\xE2\x90\x80inside") != std::string::npos);
    const CsvImport back = parse_csv(text);
    CHECK(back.problems.empty());
    CHECK(back.rejected.empty());
    REQUIRE(back.entries.size() == 4);
    CHECK(back.entries[1].title == "Nul\xE2\x90\x80inside");
    CHECK(back.entries[1].provider == "\xE2\x90\x9B[31mred");
    CHECK(back.entries[1].notes == "bell\xE2\x90\x87 del\xE2\x90\xA1");
    CHECK(back.entries[2].title == "\xE2\x90\x80");
    CHECK(back.entries[2].code == "tab\tkept");
    CHECK(back.entries[3].title == "After");
    // As the CSV shows it: the same mapping the export uses.
    CHECK(spreadsheet_text(log.entries[1].title) == back.entries[1].title);
}
