// Entries as CSV, for spreadsheets. Columns (header row, any order, names case-insensitive):
//   id, date, title, provider, kind, minutes, credits, topics, approved, code, notes
// topics are separated by ";", approved is yes/no (or true/false), dates are YYYY-MM-DD
// (M/D/YYYY, as spreadsheets rewrite them, is read too). Only date, title and kind are required.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "log.h"

namespace recert {

struct CsvRejection {
    std::size_t line;    // 1-based line of the file where the row starts
    std::string reason;  // "credits: \"1.255\" has 3 decimal places; at most 2 are allowed"
};

struct CsvImport {
    std::vector<Entry> entries;  // rows without an id get "csv-<line>" (or "csv-<line>-2"... if a row names that id)
    std::vector<CsvRejection> rejected;
    Problems problems;           // the file as a whole cannot be read (no header, no date column...)
};

CsvImport parse_csv(std::string_view text);
std::string to_csv(const std::vector<Entry>& entries);

inline constexpr const char* csv_columns[] = {"id", "date", "title", "provider", "kind", "minutes",
                                              "credits", "topics", "approved", "code", "notes"};

}  // namespace recert
