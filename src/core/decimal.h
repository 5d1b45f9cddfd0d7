// Exact decimal amounts. Credits and money are integers of a fixed fraction of
// a unit, so sums never drift the way binary floating point does.
#pragma once
#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace recert {

// Tag keeps credits and money apart: adding dollars to credits does not compile.
template <class Tag, std::int64_t Scale>
class Fixed {
public:
    static constexpr std::int64_t scale = Scale;
    constexpr Fixed() = default;
    static constexpr Fixed from_units(std::int64_t units) { Fixed f; f.units_ = units; return f; }
    static constexpr Fixed whole(std::int64_t n) { return from_units(n * Scale); }
    constexpr std::int64_t units() const { return units_; }

    constexpr Fixed& operator+=(Fixed o) { units_ += o.units_; return *this; }
    constexpr Fixed& operator-=(Fixed o) { units_ -= o.units_; return *this; }
    friend constexpr Fixed operator+(Fixed a, Fixed b) { return a += b; }
    friend constexpr Fixed operator-(Fixed a, Fixed b) { return a -= b; }
    friend constexpr auto operator<=>(Fixed, Fixed) = default;
    friend constexpr bool operator==(Fixed, Fixed) = default;

    // Decimal text rounded half up to `places`, trailing zeros dropped ("1.5", "2", "1.33").
    std::string to_string(int places = 2) const;
    // Parses "12", "0.25", "-1" (when allow_negative). Fails on more than
    // max_places decimals or more precision than Scale holds exactly.
    static std::optional<Fixed> parse(std::string_view text, int max_places, std::string* why = nullptr);

private:
    std::int64_t units_ = 0;
};

struct CreditTag;
struct MoneyTag;
// 1/300 of a credit: both hundredths (3) and minutes of an hour (5) are whole units,
// so 80 minutes is exactly 4/3 of a credit and three of them sum to 4.
using Credits = Fixed<CreditTag, 300>;
using Money = Fixed<MoneyTag, 100>;

// A session's length: whole minutes, 64-bit on every platform like the credits they become.
using Minutes = std::chrono::duration<std::int64_t, std::ratio<60>>;
// How many decimal places a value has or a program counts to: a type of its own, so that it
// is never taken for minutes or an amount.
struct Places {
    int count = 0;
    friend constexpr auto operator<=>(Places, Places) = default;
};

constexpr Credits credits_from_minutes(Minutes m) { return Credits::from_units(m.count() * 5); }
// The minutes an amount of credit hours stands for, rounded down.
constexpr Minutes minutes_of(Credits c) { return Minutes{c.units() / 5}; }
// rate x credits, rounded half up to the cent.
Money per_credit(Money rate, Credits credits);

// Largest amounts accepted anywhere: beyond them input is a mistake, not a record.
inline constexpr std::int64_t max_whole_credits = 1'000'000;
inline constexpr std::int64_t max_whole_money = 1'000'000'000;

// Number of decimal places written in a plain decimal literal ("1.50" -> 2), or -1 if not one.
int decimal_places(std::string_view text);

}  // namespace recert
