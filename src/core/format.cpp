#include "format.h"

#include <algorithm>
#include <cmath>

#include "program.h"

namespace recert {

namespace {

const char* const month_short[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const month_long[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};

// The abbreviations a name gives in parentheses: "Certified ... (CPCS) and ... (CPMSM)" -> CPCS, CPMSM.
// A parenthesis holding a space is a remark, not an abbreviation.
std::vector<std::string> abbreviations(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1)) {
        const std::size_t close = text.find(')', open);
        if (close == std::string_view::npos) break;
        const std::string_view inside = text.substr(open + 1, close - open - 1);
        if (!inside.empty() && inside.find(' ') == std::string_view::npos) out.emplace_back(inside);
    }
    return out;
}

}  // namespace

std::string number(Credits c) { return c.to_string(2); }

std::string money(Money m, std::string_view currency) {
    std::string out = m.to_string(2);
    // Cents are two digits or none: "$112.50", never "$112.5".
    if (const auto dot = out.find('.'); dot != std::string::npos && out.size() - dot == 2) out += '0';
    if (currency == "USD") return "$" + out;
    return out + " " + std::string(currency);
}

std::string with_unit(Credits c, std::string_view singular, std::string_view plural) {
    // By the figure shown: 299/300 of a credit reads "1", so it is "1 credit" too.
    const std::string n = number(c);
    return n + " " + std::string(n == "1" ? singular : plural);
}

std::string with_unit(Credits c, const Program& p) { return with_unit(c, p.unit_singular, p.unit_plural); }

std::string per_month(Credits total, double months, const Program& p) {
    // Read like any amount, singular at "1": "1.0 hours a month" was a figure of its own.
    const auto units = static_cast<std::int64_t>(std::llround(static_cast<double>(total.units()) / std::max(months, 1e-9)));
    return with_unit(Credits::from_units(units), p) + " a month";
}

std::string count_of(std::int64_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string date_in_words(Date d) {
    return std::string(month_short[static_cast<unsigned>(d.month()) - 1]) + " " + std::to_string(static_cast<unsigned>(d.day())) + ", " +
           std::to_string(static_cast<int>(d.year()));
}

std::string month_name(date::month m) { return month_long[static_cast<unsigned>(m) - 1]; }

std::string month_in_words(date::year_month ym) { return month_name(ym.month()) + " " + std::to_string(static_cast<int>(ym.year())); }

std::string relative_days(int days) {
    if (days == 0) return "today";
    if (days == 1) return "tomorrow";
    if (days == -1) return "yesterday";
    return days > 0 ? "in " + count_of(days, "day", "days") : count_of(-static_cast<std::int64_t>(days), "day", "days") + " ago";
}

std::string list_in_words(const std::vector<std::string>& items, std::string_view conjunction) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0 && i + 1 == items.size()) out.append(" ").append(conjunction).append(" ");
        else if (i > 0) out += ", ";
        out += items[i];
    }
    return out;
}

std::string body_short_name(const Program& p) {
    const auto a = abbreviations(p.body);
    return a.empty() ? p.body : a.back();
}

std::vector<std::string> credential_short_names(const Program& p) {
    const auto credentials = abbreviations(p.credential);
    if (credentials.empty()) return {p.name};
    const auto body = abbreviations(p.body);
    std::vector<std::string> out;
    for (const auto& c : credentials) out.push_back(body.empty() || body.back() == c ? c : body.back() + " " + c);
    return out;
}

std::string programs_in_words(const std::vector<Program>& programs) {
    std::vector<std::string> names;
    for (const auto& p : programs)
        for (auto& n : credential_short_names(p))
            if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(std::move(n));
    return list_in_words(names);
}

std::string span_in_words(const CycleRule& cycle) {
    return cycle.type == CycleRule::Type::lookback ? count_of(cycle.months.count(), "month", "months") : count_of(cycle.years.count(), "year", "years");
}

std::string file_size(std::int64_t bytes) {
    if (bytes < 1024) return count_of(bytes, "byte", "bytes");
    if (bytes < (1 << 20)) return std::to_string((bytes + 512) / 1024) + " KB";
    const std::int64_t tenths = (bytes * 10 + (1 << 19)) >> 20;  // rounded half up
    return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "") + " MB";
}

}  // namespace recert
