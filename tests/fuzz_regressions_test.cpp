// Bugs the fuzz targets (fuzz/, scripts/fuzz) found, each reduced to a small input, and two
// more found reading the code those findings pointed at (marked "review"). Every case here
// failed before its fix.
#include <doctest/doctest.h>

#include "csv.h"
#include "log.h"
#include "program.h"
#include "support.h"
#include "utf8.h"

using namespace recert;
using nlohmann::json;

namespace {

// What the page does with text it shows or stores: nlohmann throws on invalid UTF-8.
bool serialisable(const std::string& s) {
    try {
        (void)json(s).dump();
        return true;
    } catch (const json::exception&) {
        return false;
    }
}

// Saving what was imported the way "Replace all my activities" does, and reading it back.
Log save_and_reload(const std::vector<Entry>& entries) {
    Log log;
    log.entries = entries;
    const auto r = parse_log(serialize(log));
    REQUIRE_MESSAGE(r.log.has_value(), describe(r.problems.front()));
    return *r.log;
}

}  // namespace

TEST_CASE("Fuzz: a syntax error at a byte that is not UTF-8 is named in valid UTF-8") {
    // log target: nlohmann's message quoted the token read so far, raw, up to the bad byte.
    for (const std::string text : {std::string("{\"format\": \"recert-log\", \"approv\xFF\": true}"),
                                   std::string("{\"format\": \"recert-log\", \"title\": \"caf\xC3\"}")}) {
        const auto r = parse_log(text);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].where.rfind("line 1, column ", 0) == 0);
        CHECK(r.problems[0].what.find("in text in quotes is not UTF-8") != std::string::npos);
        CHECK(serialisable(r.problems[0].what));
    }
    // program target: the same through the program parser.
    const auto p = parse_program("{\"format\": \"recert-program\", \"name\": \"\xE9t\xE9\"}");
    REQUIRE(p.problems.size() == 1);
    CHECK(serialisable(p.problems[0].what));
}

TEST_CASE("Fuzz: a syntax error after a string of megabytes quotes only a short excerpt of it") {
    const std::string text = "{\"title\": \"" + std::string(3 << 20, 'x') + "\xFF\"}";
    const auto r = parse_log(text);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].what.size() < 500);
    CHECK(r.problems[0].what == "byte 0xFF in text in quotes is not UTF-8: save the file as UTF-8 text");
}

TEST_CASE("Fuzz: a value quoted in a message is cut between characters, not inside one") {
    // review: 30 two-byte characters; the 40-byte excerpt used to end in half an "é".
    std::string e30;
    for (int i = 0; i < 30; ++i) e30 += "\xC3\xA9";
    const auto r = parse_log(R"({"format":")" + e30 + R"(","version":1})");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == "/format");
    CHECK(serialisable(r.problems[0].what));
    std::string why;
    CHECK_FALSE(Credits::parse("1" + e30, 2, &why).has_value());
    CHECK(serialisable(why));
}

TEST_CASE("Fuzz: a CSV file that is not UTF-8 is refused, naming the line, instead of storing bytes no JSON can hold") {
    // csv target: a Windows-1252 "café" became a title that serialize() threw on, which
    // aborts the page when it saves the import.
    const CsvImport r = parse_csv("date,title,kind\n2025-01-01,tea,course\n2025-01-02,caf\xE9,course\n");
    REQUIRE(r.problems.size() == 1);
    CHECK(describe(r.problems[0]) ==
          "line 3: is not UTF-8 text: save the file from the spreadsheet as \"CSV UTF-8\" and import it again");
    CHECK(r.entries.empty());
    CHECK(r.rejected.empty());
    // UTF-8 is read as before, a byte order mark included.
    const CsvImport ok = parse_csv("\xEF\xBB\xBF" "date,title,kind\n2025-01-02,caf\xC3\xA9 \xF0\x9F\x98\x80,course\n");
    REQUIRE(ok.entries.size() == 1);
    CHECK(ok.entries[0].title == "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

TEST_CASE("Fuzz: CSV rows repeating an id are rejected, so an import can always be saved and read back") {
    // csv target: two rows with id e2 were both imported; the log saved with them was then
    // refused on reload ("entry id \"e2\" is used twice").
    const CsvImport r = parse_csv("id,date,title,kind\ne2,2025-01-01,a,course\ne2,2025-01-02,b,course\n,2025-01-03,c,course\n"
                                  "csv-5,2025-01-04,d,course\n,2025-01-05,e,course\n");
    REQUIRE(r.rejected.size() == 1);
    CHECK(r.rejected[0].line == 3);
    CHECK(r.rejected[0].reason == "id: \"e2\" is already the id of line 2");
    REQUIRE(r.entries.size() == 4);
    CHECK(r.entries[0].id == "e2");
    CHECK(r.entries[1].id == "csv-4");
    CHECK(r.entries[2].id == "csv-5");
    CHECK(r.entries[3].id == "csv-6");
    const CsvImport clash = parse_csv("id,date,title,kind\n,2025-01-01,a,course\ncsv-2,2025-01-02,b,course\n");
    REQUIRE(clash.entries.size() == 2);
    CHECK(clash.entries[0].id == "csv-2-2");
    CHECK(clash.entries[1].id == "csv-2");
    CHECK(save_and_reload(clash.entries).entries.size() == 2);
    CHECK(save_and_reload(r.entries).entries.size() == 4);
}

TEST_CASE("Fuzz: spaces at the ends of a quoted CSV text cell survive an export and import") {
    // log target: the export quotes " x " so it reads back whole, but the reader trimmed it.
    Entry e;
    e.id = "e1";
    e.title = "  Leading and trailing  ";
    e.provider = "\tTabbed";
    e.code = "C1 ";
    e.notes = " note";
    e.date = test::day("2025-01-01");
    e.kind = Kind::course;
    const CsvImport back = parse_csv(to_csv({e}));
    REQUIRE(back.entries.size() == 1);
    CHECK(back.entries[0].title == e.title);
    CHECK(back.entries[0].provider == e.provider);
    CHECK(back.entries[0].code == e.code);
    CHECK(back.entries[0].notes == e.notes);
    // Unquoted cells, and every cell that is not free text, are still trimmed.
    const CsvImport typed = parse_csv("date , title,kind,minutes\n 2025-01-01 , Hand typed ,\" course \",\" 60 \"\n");
    REQUIRE(typed.entries.size() == 1);
    CHECK(typed.entries[0].title == "Hand typed");
    CHECK(typed.entries[0].kind == Kind::course);
    CHECK(typed.entries[0].minutes == Minutes{60});
}

TEST_CASE("Fuzz: a title that starts with a quote and then a formula sign survives an export and import") {
    // review: "'=x" was written as is and read back as "=x" (the guard quote taken off).
    for (const char* title : {"'=1+1", "''-x", "'@home", "=SUM(A1)", "'plain", "-"}) {
        CAPTURE(title);
        Entry e;
        e.id = "e1";
        e.title = title;
        e.date = test::day("2025-01-01");
        e.kind = Kind::other;
        const CsvImport back = parse_csv(to_csv({e}));
        REQUIRE(back.entries.size() == 1);
        CHECK(back.entries[0].title == title);
    }
}

TEST_CASE("Fuzz: credits written \"1.50\" count the same before a save and after") {
    // review (of the evaluate target's save-and-evaluate-again check): "1.50" kept 2 decimal
    // places, so a program counting to 1 place refused it; saved, it is 1.5 and counted.
    json doc = json::parse(test::read_text("programs/dmec-clms.json"));
    doc["credit"]["decimals"] = 1;
    const auto p = read_program(doc);
    REQUIRE(p.program.has_value());
    const Log log = test::log_from(R"({"format":"recert-log","version":1,
      "credentials":[{"id":"c1","program":"dmec-clms","certified_on":"2025-02-10"}],
      "entries":[{"id":"e1","title":"t","date":"2025-03-01","kind":"live_webinar","credits":"1.50","topics":["fmla"]}]})");
    const Log saved = test::log_from(serialize(log));
    const auto before = evaluate(*p.program, log.credentials[0], log.entries, test::day("2025-06-01"));
    const auto after = evaluate(*p.program, saved.credentials[0], saved.entries, test::day("2025-06-01"));
    CHECK(test::entry(before, "e1").excluded == Exclusion::none);
    CHECK(test::entry(before, "e1").counted == Credits::parse("1.5", 1).value());
    CHECK(to_json(before) == to_json(after));
    // Places the value needs are still refused: 1.25 is not 1 place.
    const Log finer = test::log_from(R"({"format":"recert-log","version":1,"credentials":[],
      "entries":[{"id":"e1","title":"t","date":"2025-03-01","kind":"live_webinar","credits":"1.25","topics":["fmla"]}]})");
    CHECK(test::entry(evaluate(*p.program, log.credentials[0], finer.entries, test::day("2025-06-01")), "e1").excluded ==
          Exclusion::invalid);
}

TEST_CASE("Text columns count characters, not bytes: an accented title is cut whole and pads like a plain one") {
    CHECK(utf8_length("Café") == 4);
    CHECK(utf8_cut("Réunion générale", 3) == "Réu");
    CHECK(utf8_cut("日本語のセミナー", 2) == "日本");
    CHECK(utf8_cut("abc", 10) == "abc");
    // A byte that is not UTF-8 counts as one character and is never split from its neighbours.
    CHECK(utf8_length("a\xFF" "b") == 3);
}
