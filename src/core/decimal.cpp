#include "decimal.h"

#include <cstdlib>
#include <limits>

#include "format.h"
#include "utf8.h"

namespace recert {

int decimal_places(std::string_view t) {
    if (!t.empty() && t.front() == '-') t.remove_prefix(1);
    const auto dot = t.find('.');
    const std::string_view whole = t.substr(0, dot);
    if (whole.empty()) return -1;
    for (char c : whole) if (c < '0' || c > '9') return -1;
    if (dot == std::string_view::npos) return 0;
    const std::string_view frac = t.substr(dot + 1);
    if (frac.empty()) return -1;
    for (char c : frac) if (c < '0' || c > '9') return -1;
    return static_cast<int>(frac.size());
}

template <class Tag, std::int64_t Scale>
std::optional<Fixed<Tag, Scale>> Fixed<Tag, Scale>::parse(std::string_view text, int max_places, std::string* why) {
    auto fail = [&](std::string msg) -> std::optional<Fixed> {
        if (why) *why = std::move(msg);
        return std::nullopt;
    };
    const std::string shown = utf8_excerpt(text, 40);
    const int places = decimal_places(text);
    if (places < 0) return fail("\"" + shown + "\" is not a decimal number like 12 or 1.25");
    const bool negative = text.front() == '-';
    if (negative) return fail("\"" + shown + "\" is negative");
    if (places > max_places)
        return fail("\"" + shown + "\" has " + count_of(places, "decimal place", "decimal places") + "; at most " +
                    std::to_string(max_places) + (max_places == 1 ? " is" : " are") + " allowed");
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::int64_t limit = std::is_same_v<Tag, MoneyTag> ? max_whole_money : max_whole_credits;
    std::int64_t w = 0;
    for (char c : whole) {
        w = w * 10 + (c - '0');
        if (w > limit) return fail("\"" + shown + "\" is larger than " + std::to_string(limit));
    }
    std::int64_t num = 0, den = 1;
    if (dot != std::string_view::npos)
        for (char c : text.substr(dot + 1)) { num = num * 10 + (c - '0'); den *= 10; }
    if ((num * Scale) % den != 0) return fail("\"" + shown + "\" cannot be held exactly");
    return from_units(w * Scale + num * Scale / den);
}

template <class Tag, std::int64_t Scale>
std::string Fixed<Tag, Scale>::to_string(int places) const {
    std::int64_t pow = 1;
    for (int i = 0; i < places; ++i) pow *= 10;
    const bool negative = units_ < 0;
    const std::int64_t u = negative ? -units_ : units_;
    // Round half up in the requested number of places.
    const std::int64_t scaled = (u * pow * 2 + Scale) / (2 * Scale);
    std::string out = std::to_string(scaled / pow);
    std::string frac = places > 0 ? std::to_string(scaled % pow) : "";
    frac.insert(0, static_cast<std::size_t>(places) - frac.size(), '0');
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    if (!frac.empty()) out += "." + frac;
    return (negative && scaled != 0 ? "-" : "") + out;
}

template class Fixed<CreditTag, 300>;
template class Fixed<MoneyTag, 100>;

Money per_credit(Money rate, Credits credits) {
    const std::int64_t num = rate.units() * credits.units();
    return Money::from_units((num * 2 + Credits::scale) / (2 * Credits::scale));
}

}  // namespace recert
