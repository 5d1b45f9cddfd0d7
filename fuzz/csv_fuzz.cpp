// Fuzz target: the CSV importer on arbitrary bytes.
// Never crashes; a file-level refusal imports nothing; every rejected row has a line and a
// reason; what it imports can be saved as a log (as "Replace all my activities" does) and
// read back unchanged, and exported to CSV and imported again unchanged.
#include <cstdint>
#include <string_view>

#include "common.h"
#include "csv.h"

using namespace recert;
using namespace recert::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const CsvImport r = parse_csv(text);
    check_problems(r.problems);
    if (!r.problems.empty()) {
        FUZZ_CHECK(r.entries.empty() && r.rejected.empty(), "a refused file imports nothing");
        return 0;
    }
    for (const auto& rej : r.rejected) {
        FUZZ_CHECK(rej.line >= 1 && !rej.reason.empty(), "a rejected row has a line and a reason");
        check_problems({{"line " + std::to_string(rej.line), rej.reason}});
    }

    Log log;
    log.entries = r.entries;
    const std::string saved = serialize(log);
    const LogResult again = parse_log(saved);
    FUZZ_CHECK(again.log.has_value(), "imported activities can be saved and read back: " + describe(again.problems.front()));
    FUZZ_CHECK(to_json(*again.log) == to_json(log), "imported activities read back the same:\n" + saved);

    const CsvImport back = parse_csv(to_csv(r.entries));
    FUZZ_CHECK(back.problems.empty() && back.rejected.empty(), "an export of imported rows reads back whole");
    FUZZ_CHECK(back.entries.size() == r.entries.size(), "every exported row reads back");
    for (std::size_t i = 0; i < back.entries.size(); ++i)
        FUZZ_CHECK(csv_view(back.entries[i]) == csv_view(r.entries[i]),
                   "row " + std::to_string(i) + " reads back the same:\n" + csv_view(r.entries[i]).dump() + "\n" +
                       csv_view(back.entries[i]).dump());
    return 0;
}
