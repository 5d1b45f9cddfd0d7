#include "dates.h"

#include <cstdio>

namespace recert {

std::optional<Date> parse_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    int v[3] = {0, 0, 0};
    const int start[3] = {0, 5, 8}, len[3] = {4, 2, 2};
    for (int f = 0; f < 3; ++f)
        for (int i = 0; i < len[f]; ++i) {
            const char c = t[static_cast<std::size_t>(start[f] + i)];
            if (c < '0' || c > '9') return std::nullopt;
            v[f] = v[f] * 10 + (c - '0');
        }
    const Date d{date::year{v[0]}, date::month{static_cast<unsigned>(v[1])}, date::day{static_cast<unsigned>(v[2])}};
    if (!d.ok() || !in_range(d)) return std::nullopt;
    return d;
}

std::optional<Date> parse_month_day_year(std::string_view t) {
    int v[3] = {0, 0, 0};
    const std::size_t most[3] = {2, 2, 4};
    std::size_t i = 0;
    for (int f = 0; f < 3; ++f) {
        if (f > 0 && (i >= t.size() || t[i++] != '/')) return std::nullopt;
        std::size_t digits = 0;
        // Refused at the first digit too many, before a run of them overflows the int.
        for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++digits) {
            if (digits == most[f]) return std::nullopt;
            v[f] = v[f] * 10 + (t[i] - '0');
        }
        if (digits == 0 || (f == 2 && digits != 4)) return std::nullopt;
    }
    if (i != t.size()) return std::nullopt;
    const Date d{date::year{v[2]}, date::month{static_cast<unsigned>(v[0])}, date::day{static_cast<unsigned>(v[1])}};
    if (!d.ok() || !in_range(d)) return std::nullopt;
    return d;
}

std::string to_iso(Date d) {
    const int y = static_cast<int>(d.year());
    if (y < 0 || y > 9999) {
        // Only a date outside what Recert handles, named in a message: not on any fast path.
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
        return buf;
    }
    // Digit by digit, not printf: the report's details name many dates.
    const unsigned m = static_cast<unsigned>(d.month()), dd = static_cast<unsigned>(d.day());
    const char buf[10] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10), static_cast<char>('0' + y / 10 % 10),
                          static_cast<char>('0' + y % 10), '-', static_cast<char>('0' + m / 10 % 10), static_cast<char>('0' + m % 10), '-',
                          static_cast<char>('0' + dd / 10 % 10), static_cast<char>('0' + dd % 10)};
    return std::string(buf, 10);
}

static Date clamp_day(date::year_month ym, date::day dd) {
    const date::year_month_day_last last{ym.year(), date::month_day_last{ym.month()}};
    return dd > last.day() ? Date{last} : Date{ym.year(), ym.month(), dd};
}

Date add_years(Date d, date::years years) {
    return clamp_day(date::year_month{d.year() + years, d.month()}, d.day());
}

Date add_months(Date d, date::months months) {
    return clamp_day(date::year_month{d.year(), d.month()} + months, d.day());
}

Date add_days(Date d, date::days days) { return Date{date::sys_days{d} + days}; }

int days_between(Date a, Date b) { return (date::sys_days{b} - date::sys_days{a}).count(); }

}  // namespace recert
