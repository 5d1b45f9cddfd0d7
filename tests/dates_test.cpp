#include <doctest/doctest.h>

#include "dates.h"

using namespace recert;

static Date d(const char* s) { return parse_date(s).value(); }

// Whether add_years (add_months, add_days) accepts an offset of this type.
template <class Offset> constexpr bool adds_years = requires(Date x, Offset n) { add_years(x, n); };
template <class Offset> constexpr bool adds_months = requires(Date x, Offset n) { add_months(x, n); };
template <class Offset> constexpr bool adds_days = requires(Date x, Offset n) { add_days(x, n); };

TEST_CASE("Dates: only real ISO dates parse") {
    CHECK(parse_date("2024-02-29").has_value());
    for (const char* bad : {"2023-02-29", "2021-02-30", "2021-04-31", "2021-13-01", "2021-00-10", "2021-01-00", "0000-01-01",
                            "1899-12-31", "10000-01-01", "2021-1-5", "2021/01/05", "20210105", "", "2021-01-05T00:00",
                            " 2021-01-05", "2021-01-05 ", "２０２１-01-05"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_date(bad).has_value());
    }
    CHECK(to_iso(d("1900-01-01")) == "1900-01-01");
    CHECK(to_iso(d("9999-12-31")) == "9999-12-31");
}

TEST_CASE("Dates: a Feb 29 start ends on Feb 28 of a common year") {
    CHECK(add_years(d("2024-02-29"), date::years{2}) == d("2026-02-28"));
    CHECK(add_years(d("2024-02-29"), date::years{4}) == d("2028-02-29"));
    CHECK(add_years(d("2023-02-28"), date::years{1}) == d("2024-02-28"));
}

TEST_CASE("Dates: month arithmetic clamps to the month's last day") {
    CHECK(add_months(d("2026-03-31"), date::months{-1}) == d("2026-02-28"));
    CHECK(add_months(d("2026-11-25"), date::months{-24}) == d("2024-11-25"));
    CHECK(add_months(d("2026-01-31"), date::months{1}) == d("2026-02-28"));
    CHECK(add_months(d("2024-03-31"), date::months{-1}) == d("2024-02-29"));
}

TEST_CASE("Dates: each offset has its unit, so days added as years, or a bare number, do not compile") {
    static_assert(adds_years<date::years> && !adds_years<date::months> && !adds_years<date::days> && !adds_years<int>);
    static_assert(adds_months<date::months> && !adds_months<date::days> && !adds_months<int>);
    static_assert(adds_months<date::years>);  // whole years are whole months: the same day, 12 months a year on
    static_assert(adds_days<date::days> && !adds_days<date::years> && !adds_days<date::months> && !adds_days<int>);
    CHECK(add_months(d("2024-02-29"), date::years{2}) == add_years(d("2024-02-29"), date::years{2}));
}

TEST_CASE("Dates: day arithmetic crosses months, years and leap days") {
    CHECK(add_days(d("2022-12-01"), date::days{1}) == d("2022-12-02"));
    CHECK(add_days(d("2024-02-28"), date::days{1}) == d("2024-02-29"));
    CHECK(add_days(d("2025-02-28"), date::days{1}) == d("2025-03-01"));
    CHECK(add_days(d("2027-02-10"), date::days{-90}) == d("2026-11-12"));
    CHECK(days_between(d("2026-11-26"), d("2026-12-01")) == 5);
    CHECK(days_between(d("2026-12-01"), d("2026-11-26")) == -5);
}

TEST_CASE("Dates: spreadsheet dates (M/D/YYYY) read as real days only") {
    CHECK(parse_month_day_year("3/4/2025") == d("2025-03-04"));
    CHECK(parse_month_day_year("12/31/2025") == d("2025-12-31"));
    CHECK(parse_month_day_year("02/29/2024") == d("2024-02-29"));
    for (const char* bad : {"2/30/2025", "2/29/2025", "13/1/2025", "0/1/2025", "1/0/2025", "3/4/25", "3/4/02025", "3-4-2025",
                            "3/4/2025x", " 3/4/2025", "3//2025", "1/1/1899", "", "2025-03-04", "123/4/2025",
                            // A run of digits that would overflow an int (found by the csv fuzz target).
                            "2029999999995-01-01", "1/2029999999995/2025", "1/1/2029999999995"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_month_day_year(bad).has_value());
    }
}

TEST_CASE("Dates: ISO text is written one way, inside the range and past it") {
    CHECK(to_iso(d("2026-03-04")) == "2026-03-04");
    CHECK(to_iso(d("1900-01-01")) == "1900-01-01");
    CHECK(to_iso(Date{date::year{10000}, date::January, date::day{1}}) == "10000-01-01");
    CHECK(to_iso(Date{date::year{999}, date::June, date::day{5}}) == "0999-06-05");
}
