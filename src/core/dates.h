// Calendar dates: parsed once from ISO text, then only date::year_month_day / sys_days.
#pragma once
#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace recert {

using Date = date::year_month_day;

// The days a log can hold, and so every date Recert may report: 1900-01-01 to 9999-12-31.
inline constexpr Date first_date{date::year{1900}, date::January, date::day{1}};
inline constexpr Date last_date{date::year{9999}, date::December, date::day{31}};
inline constexpr bool in_range(Date d) { return first_date <= d && d <= last_date; }

// Strict "YYYY-MM-DD" with a real day (no Feb 30) in years 1900 to 9999.
std::optional<Date> parse_date(std::string_view text);
// "M/D/YYYY", as spreadsheets show dates ("3/4/2025"), with a real day in years 1900 to 9999.
std::optional<Date> parse_month_day_year(std::string_view text);
std::string to_iso(Date d);

// Same day N years (or months) on; a day the target month lacks becomes its last day (Feb 29 -> Feb 28).
// Each takes its own unit, so that adding a count of days as years does not compile.
Date add_years(Date d, date::years years);
Date add_months(Date d, date::months months);
Date add_days(Date d, date::days days);
// Whole days from a to b (negative when b is earlier).
int days_between(Date a, Date b);

}  // namespace recert
