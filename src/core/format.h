// How Recert writes figures, dates and counts for a person to read. The CLI's text report,
// the page and the report's own texts (details, phase texts, fee labels) all call these, so
// each is said one way everywhere. Serialising (JSON, CSV, ISO dates) is not here: see
// decimal.h and dates.h.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dates.h"
#include "decimal.h"

namespace recert {

struct Program;
struct CycleRule;

// Credits as an exact decimal rounded half up to hundredths, trailing zeros dropped: "1.5", "2", "1.33".
std::string number(Credits c);
// Whole amounts without cents, others with both digits: "$100", "$112.50"; "100 EUR" in another currency.
std::string money(Money m, std::string_view currency);

// An amount with the unit it is counted in, singular when it reads as 1: "1 hour", "1.5 hours", "0 CEUs".
std::string with_unit(Credits c, std::string_view singular, std::string_view plural);
std::string with_unit(Credits c, const Program& p);  // in the program's unit
// An amount spread evenly over `months`, as a rate: "1 hour a month", "2.5 CEUs a month".
std::string per_month(Credits total, double months, const Program& p);
// A count with its noun: "1 activity", "2 activities", "0 rows".
std::string count_of(std::int64_t n, std::string_view one, std::string_view many);

// A file's size as a person reads it, in KB under 1 MB, in MB with one decimal above
// (1 MB = 1,048,576 bytes, as file managers count): "812 bytes", "47 KB", "2.4 MB", "10 MB".
std::string file_size(std::int64_t bytes);

// "Dec 1, 2026"
std::string date_in_words(Date d);
// "December 2026"
std::string month_in_words(date::year_month ym);
// "December"
std::string month_name(date::month m);
// A day relative to today: "today", "tomorrow", "yesterday", "in 5 days", "117 days ago".
std::string relative_days(int days);

// "a", "a and b", "a, b and c" (or "a, b or c").
std::string list_in_words(const std::vector<std::string>& items, std::string_view conjunction = "and");

// Text derived from a program's own fields, so that a program an association writes reads as
// native as the shipped ones.
// The body's abbreviation, as its name gives it in parentheses ("... Services (NAMSS)" -> "NAMSS"),
// else the body's name.
std::string body_short_name(const Program& p);
// "DMEC CLMS"; a credential naming several ("... (CPCS) and ... (CPMSM)") gives one each.
// Without abbreviations to go by, the program's name.
std::vector<std::string> credential_short_names(const Program& p);
// Every credential of these programs once, in their order: "ALA CLM, DMEC CLMS and NAMSS CPCS".
std::string programs_in_words(const std::vector<Program>& programs);
// How long a cycle or look-back window runs: "24 months", "3 years".
std::string span_in_words(const CycleRule& cycle);

}  // namespace recert
