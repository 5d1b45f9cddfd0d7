#include <doctest/doctest.h>

#include "decimal.h"

using namespace recert;

static Credits c(const char* s) {
    auto v = Credits::parse(s, 2);
    REQUIRE(v.has_value());
    return *v;
}

TEST_CASE("Decimals: 0.1 + 0.2 is exactly 0.3 and 1.25 + 0.75 is exactly 2") {
    CHECK(c("0.1") + c("0.2") == c("0.3"));
    CHECK((c("0.1") + c("0.2")).to_string() == "0.3");
    CHECK(c("1.25") + c("0.75") == Credits::whole(2));
    CHECK((c("1.25") + c("0.75")).to_string() == "2");
}

TEST_CASE("Decimals: a thousand hundredths sum to exactly ten") {
    Credits sum;
    for (int i = 0; i < 1000; ++i) sum += c("0.01");
    CHECK(sum == Credits::whole(10));
}

TEST_CASE("Decimals: minutes are exact thirds and sixths of an hour") {
    CHECK(credits_from_minutes(Minutes{75}).to_string() == "1.25");
    CHECK(credits_from_minutes(Minutes{80}).to_string() == "1.33");
    CHECK(credits_from_minutes(Minutes{80}) + credits_from_minutes(Minutes{80}) + credits_from_minutes(Minutes{80}) == Credits::whole(4));
    CHECK(credits_from_minutes(Minutes{20}).to_string() == "0.33");
    CHECK(credits_from_minutes(Minutes{50}).to_string() == "0.83");  // 0.8333 rounds down
    CHECK(credits_from_minutes(Minutes{70}).to_string() == "1.17");  // 1.1666 rounds up
    CHECK(minutes_of(c("1.5")) == Minutes{90});
}

TEST_CASE("Decimals: more places than allowed are rejected, never rounded") {
    std::string why;
    CHECK_FALSE(Credits::parse("1.255", 2, &why).has_value());
    CHECK(why == "\"1.255\" has 3 decimal places; at most 2 are allowed");
    CHECK_FALSE(Credits::parse("1.5", 0, &why).has_value());
    CHECK(why == "\"1.5\" has 1 decimal place; at most 0 are allowed");  // one place, singular
    CHECK(Credits::parse("1.50", 2).value() == c("1.5"));
}

TEST_CASE("Decimals: negatives, garbage and absurd sizes are rejected with a reason") {
    std::string why;
    CHECK_FALSE(Credits::parse("-1", 2, &why).has_value());
    CHECK(why.find("negative") != std::string::npos);
    for (const char* bad : {"", ".", "1.", ".5", "1e3", "NaN", "inf", "1,5", " 1", "0x10", "1.2.3"}) {
        CAPTURE(bad);
        CHECK_FALSE(Credits::parse(bad, 2, &why).has_value());
    }
    CHECK_FALSE(Credits::parse("1000001", 2, &why).has_value());
    CHECK(why.find("larger than") != std::string::npos);
    CHECK_FALSE(Credits::parse("99999999999999999999999", 2).has_value());
}

TEST_CASE("Money: per-credit fees are exact to the cent") {
    const Money rate = Money::parse("25", 2).value();
    CHECK(per_credit(rate, Credits::whole(4)).to_string() == "100");
    CHECK(per_credit(rate, c("1.5")).to_string() == "37.5");
    CHECK(per_credit(Money::parse("10", 2).value(), credits_from_minutes(Minutes{20})).to_string() == "3.33");
}

TEST_CASE("Decimals: to_string rounds half up and trims zeros") {
    CHECK(Credits::from_units(150).to_string() == "0.5");
    CHECK(Credits::from_units(0).to_string() == "0");
    CHECK(credits_from_minutes(Minutes{1}).to_string() == "0.02");  // 0.01666
    CHECK(Credits::from_units(301).to_string(0) == "1");
    CHECK(Money::from_units(-250).to_string() == "-2.5");
}
