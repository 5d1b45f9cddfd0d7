// How Recert writes figures, dates and counts for a person (src/core/format.h): the CLI and the
// page say them through these, so these cases are the wording's specification.
#include <doctest/doctest.h>

#include "format.h"
#include "support.h"
#include "text.h"

using namespace recert;

namespace {
Credits c(const char* s) { return Credits::parse(s, 2).value(); }
Money m(const char* s) { return Money::parse(s, 2).value(); }

// A program as an association might write it: its own body, credential and unit.
Program widget_makers() {
    Program p;
    p.id = "swm-cwm";
    p.name = "SWM CWM renewal";
    p.body = "Society of Widget Makers (SWM)";
    p.credential = "Certified Widget Maker (CWM)";
    p.unit_singular = "point";
    p.unit_plural = "points";
    p.cycle.type = CycleRule::Type::from_certification;
    p.cycle.years = date::years{1};
    return p;
}
}  // namespace

TEST_CASE("Format: one credit is singular") {
    const Program& ala = test::program("ala-clm-recert");
    CHECK(with_unit(Credits::whole(1), ala) == "1 hour");
    CHECK(with_unit(Credits::whole(1), ala) + " to go" != "1 hours to go");
    CHECK(with_unit(Credits::whole(1), test::program("dmec-clms")) == "1 CEU");
    CHECK(with_unit(Credits::whole(1), test::program("namss-cpcs")) == "1 credit");
    CHECK(with_unit(Credits::whole(1), "credit", "credits") == "1 credit");
}

TEST_CASE("Format: a rate reads in the program's unit, singular at 1") {
    const Program& ala = test::program("ala-clm-recert");
    // The pace was written "%.1f hours a month": "1.0 hours a month".
    CHECK(per_month(Credits::whole(12), 12, ala) == "1 hour a month");
    CHECK(per_month(Credits::whole(18), 12, ala) == "1.5 hours a month");
    CHECK(per_month(Credits::whole(1), 3, test::program("dmec-clms")) == "0.33 CEUs a month");
    CHECK(per_month(Credits::whole(2), 2, test::program("namss-cpcs")) == "1 credit a month");
}

TEST_CASE("Format: every other amount is plural, zero and fractions included") {
    const Program& ala = test::program("ala-clm-recert");
    CHECK(with_unit(Credits{}, ala) == "0 hours");
    CHECK(with_unit(c("0.5"), ala) == "0.5 hours");
    CHECK(with_unit(c("1.25"), ala) == "1.25 hours");
    CHECK(with_unit(Credits::whole(2), test::program("dmec-clms")) == "2 CEUs");
}

TEST_CASE("Format: an amount that reads as 1 is singular, as it is read") {
    // 299/300 of an hour is shown rounded to hundredths: "1", so "1 hour".
    CHECK(with_unit(Credits::from_units(299), "hour", "hours") == "1 hour");
    CHECK(with_unit(Credits::from_units(301), "hour", "hours") == "1 hour");
    CHECK(with_unit(Credits::from_units(303), "hour", "hours") == "1.01 hours");
}

TEST_CASE("Format: credits are exact decimals, rounded half up to hundredths, without trailing zeros") {
    CHECK(number(c("0.1") + c("0.2")) == "0.3");
    CHECK(number(credits_from_minutes(Minutes{80})) == "1.33");
    CHECK(number(credits_from_minutes(Minutes{75})) == "1.25");
    CHECK(number(c("1.50")) == "1.5");
    CHECK(number(Credits::whole(30)) == "30");
    CHECK(number(Credits{}) == "0");
}

TEST_CASE("Format: money is whole or has both digits of its cents") {
    CHECK(money(m("100"), "USD") == "$100");
    CHECK(money(m("112.5"), "USD") == "$112.50");  // not "$112.5"
    CHECK(money(m("0.05"), "USD") == "$0.05");
    CHECK(money(m("33.25"), "USD") == "$33.25");
    CHECK(money(m("100"), "EUR") == "100 EUR");
    CHECK(money(m("12.3"), "CAD") == "12.30 CAD");
    CHECK(money(per_credit(m("25"), c("4.5")), "USD") == "$112.50");
}

TEST_CASE("Format: a count of one thing is singular") {
    CHECK(count_of(1, "activity", "activities") == "1 activity");
    CHECK(count_of(2, "activity", "activities") == "2 activities");
    CHECK(count_of(0, "row", "rows") == "0 rows");
    CHECK(count_of(1, "day", "days") == "1 day");
    CHECK(count_of(117, "day", "days") == "117 days");
}

TEST_CASE("Format: dates in words") {
    CHECK(date_in_words(test::day("2026-12-01")) == "Dec 1, 2026");
    CHECK(date_in_words(test::day("1900-01-31")) == "Jan 31, 1900");
    CHECK(date_in_words(test::day("9999-09-09")) == "Sep 9, 9999");
    CHECK(month_in_words(date::year{2026} / date::December) == "December 2026");
    CHECK(month_in_words(date::year{2025} / date::May) == "May 2025");
}

TEST_CASE("Format: days relative to today") {
    CHECK(relative_days(0) == "today");
    CHECK(relative_days(1) == "tomorrow");
    CHECK(relative_days(-1) == "yesterday");
    CHECK(relative_days(2) == "in 2 days");
    CHECK(relative_days(5) == "in 5 days");
    CHECK(relative_days(-2) == "2 days ago");
    CHECK(relative_days(-117) == "117 days ago");
}

TEST_CASE("Format: lists in words") {
    CHECK(list_in_words({}) == "");
    CHECK(list_in_words({"DMEC"}) == "DMEC");
    CHECK(list_in_words({"DMEC", "NAMSS"}) == "DMEC and NAMSS");
    CHECK(list_in_words({"ALA", "DMEC", "NAMSS"}) == "ALA, DMEC and NAMSS");
    CHECK(list_in_words({"ALA", "NAMSS"}, "or") == "ALA or NAMSS");
}

TEST_CASE("Format: the shipped programs are named from their files") {
    CHECK(body_short_name(test::program("namss-cpcs")) == "NAMSS");
    CHECK(body_short_name(test::program("dmec-clms")) == "DMEC");
    CHECK(credential_short_names(test::program("dmec-clms")) == std::vector<std::string>{"DMEC CLMS"});
    CHECK(credential_short_names(test::program("namss-dual")) == std::vector<std::string>{"NAMSS CPCS", "NAMSS CPMSM"});
    // Each credential once, however many programs name it.
    CHECK(programs_in_words(test::all_programs()) == "DMEC CLMS, ALA CLM, NAMSS CPCS, NAMSS CPMSM, PMI PMP and ASHA CCC");
    CHECK(span_in_words(test::program("ala-clm-application").cycle) == "24 months");
    CHECK(span_in_words(test::program("dmec-clms").cycle) == "2 years");
    CHECK(span_in_words(test::program("namss-cpcs").cycle) == "3 years");
}

TEST_CASE("Format: a program an association writes is named as natively as the shipped ones") {
    Program p = widget_makers();
    CHECK(body_short_name(p) == "SWM");
    CHECK(credential_short_names(p) == std::vector<std::string>{"SWM CWM"});
    CHECK(with_unit(Credits::whole(1), p) == "1 point");
    CHECK(with_unit(c("2.5"), p) == "2.5 points");
    CHECK(span_in_words(p.cycle) == "1 year");
    p.cycle.type = CycleRule::Type::lookback;
    p.cycle.months = date::months{1};
    CHECK(span_in_words(p.cycle) == "1 month");
    // Without abbreviations in parentheses: the body's name, and the program's name for its credential.
    p.body = "Society of Widget Makers";
    p.credential = "Certified Widget Maker";
    CHECK(body_short_name(p) == "Society of Widget Makers");
    CHECK(credential_short_names(p) == std::vector<std::string>{"SWM CWM renewal"});
    // A remark in parentheses is not an abbreviation.
    p.credential = "Certified Widget Maker (any grade)";
    CHECK(credential_short_names(p) == std::vector<std::string>{"SWM CWM renewal"});
    CHECK(programs_in_words({test::program("dmec-clms"), widget_makers()}) == "DMEC CLMS and SWM CWM");
}

TEST_CASE("Format: a file's size in bytes, KB or MB with one decimal") {
    CHECK(file_size(1) == "1 byte");
    CHECK(file_size(812) == "812 bytes");
    CHECK(file_size(1024) == "1 KB");
    CHECK(file_size(48213) == "47 KB");
    CHECK(file_size(1048575) == "1024 KB");
    CHECK(file_size(1 << 20) == "1 MB");
    CHECK(file_size(10 << 20) == "10 MB");
    CHECK(file_size((10 << 20) + 1) == "10 MB");  // just over the limit reads as the limit: the message says "at most"
    CHECK(file_size(2516582) == "2.4 MB");
}
