// What evaluation finds: plain values the CLI prints and the page draws.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "dates.h"
#include "decimal.h"
#include "json_read.h"
#include "phases.h"

namespace recert {

enum class Exclusion { none, outside_cycle, planned, duplicate, too_short, off_topic, cap_reached, invalid };
std::string_view to_string(Exclusion x);

struct EntryResult {
    std::string id;
    Credits amount;   // what the activity is worth under this program, before caps
    Credits counted;  // what it counts for (0 when excluded)
    std::vector<std::string> toward;
    // Requirements whose activities it is (kind, approval, topics) but that it does not count
    // toward: for a counted activity, the others of its exclusive group; for one that counts for
    // nothing, each one it would have counted toward. explain.h says why in words.
    std::vector<std::string> also_fits;
    Exclusion excluded = Exclusion::none;
    std::string detail;  // why, in words, for exclusions, partly capped and carried-over entries
    bool carried = false;  // dated in the previous cycle, it counts here the part carried over (CarryOverRule)
    // What looks like a mistake in the entry but blocks nothing: a topic no program of the
    // log knows ("zzz"). `where` is the JSON pointer into the log ("/entries/3/topics/1").
    Problems warnings;
    std::vector<std::string> missing;  // evidence (EvidenceRule ids) it counts without: a certificate, a code
};

struct RequirementResult {
    std::string id, name;
    Credits required, earned, remaining;
    bool met = false;
    Credits projected;  // earned plus planned activities still ahead in the cycle
};

struct DeadlineResult {
    std::string id, label;
    Date date;
    int days_from_as_of = 0;
};

struct FeeResult {
    std::string id, label, source, quote;
    Money amount;
};

struct StepResult {
    std::string id, name;
    bool done = false;             // done for this cycle, on or before the report's day
    std::optional<Date> done_on;   // the day the log records, counted or not
};

struct CredentialReport {
    std::string id, program;
    Problems problems;  // when not empty, the credential could not be evaluated and nothing below is set
    Date start, end;
    Phase phase = Phase::earning;
    std::string phase_text;
    bool complete = false;  // every credit requirement met
    bool ready = false;     // complete, and every step done
    bool projected_complete = false;
    bool allocation_optimal = true;
    int days_left = 0;  // to the cycle's end; negative once past it
    std::vector<RequirementResult> requirements;
    std::vector<DeadlineResult> deadlines;  // by date
    std::vector<FeeResult> fees;
    std::vector<StepResult> steps;     // in the program's order
    std::vector<EntryResult> entries;  // in log order
};

struct Report {
    Date as_of;
    std::vector<CredentialReport> credentials;
};

nlohmann::json to_json(const Report& r);
nlohmann::json to_json(const CredentialReport& c);

}  // namespace recert
