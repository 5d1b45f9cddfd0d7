// Fuzz target: the log parser on arbitrary bytes.
// Never crashes; says either "here is the log" (with any unreadable item set aside and named) or names at least one problem; every problem
// names where and what and is valid UTF-8 (the page serialises it); a parsed log survives a
// save (serialize, parse) unchanged, and its entries survive a CSV export and import.
#include <cstdint>
#include <string_view>

#include "common.h"
#include "csv.h"

using namespace recert;
using namespace recert::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const LogResult r = parse_log(text);
    // A log's problems are exactly those of the items it set aside; a refusal has at least one.
    FUZZ_CHECK(r.log ? r.problems.empty() == (r.log->unreadable_entries.empty() && r.log->unreadable_credentials.empty())
                     : !r.problems.empty(),
               "a log comes with problems only for the items it set aside, a refusal with at least one");
    check_problems(r.problems);
    if (!r.log) return 0;

    const std::string saved = serialize(*r.log);
    const LogResult again = parse_log(saved);
    FUZZ_CHECK(again.log.has_value(), "a saved log reads back: " + describe(again.problems.front()));
    FUZZ_CHECK(to_json(*again.log) == to_json(*r.log), "a saved log reads back the same:\n" + saved);
    FUZZ_CHECK(serialize(*again.log) == saved, "saving twice writes the same text");

    const std::string csv = to_csv(r.log->entries);
    const CsvImport back = parse_csv(csv);
    FUZZ_CHECK(back.problems.empty(), "an exported CSV reads back: " + (back.problems.empty() ? "" : describe(back.problems.front())));
    FUZZ_CHECK(back.rejected.empty(), "no exported row is rejected: " +
                                          (back.rejected.empty() ? "" : std::to_string(back.rejected.front().line) + ": " + back.rejected.front().reason));
    FUZZ_CHECK(back.entries.size() == r.log->entries.size(), "every exported row reads back");
    for (std::size_t i = 0; i < back.entries.size(); ++i)
        FUZZ_CHECK(csv_view(back.entries[i]) == csv_view(r.log->entries[i]),
                   "entry " + std::to_string(i) + " reads back from CSV the same:\n" + csv_view(r.log->entries[i]).dump() +
                       "\n" + csv_view(back.entries[i]).dump());
    return 0;
}
