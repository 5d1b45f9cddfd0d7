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

// Rows holding a control character (other than tab and line breaks) in a column it reads are
// rejected, named; every row is either imported or listed in `rejected`.
CsvImport parse_csv(std::string_view text);
// Every entry becomes one row, whatever its texts hold.
std::string to_csv(const std::vector<Entry>& entries);
// A text as to_csv writes it: each control character but tab and line breaks becomes its
// Unicode picture (NUL is U+2400 "␀", DEL U+2421), which a spreadsheet shows and an import
// keeps as that picture. The JSON backup keeps such text exactly.
std::string spreadsheet_text(std::string_view s);

inline constexpr const char* csv_columns[] = {"id", "date", "title", "provider", "kind", "minutes",
                                              "credits", "topics", "approved", "code", "notes"};

}  // namespace recert
