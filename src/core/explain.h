// Why each figure of a report is what it is, in the words a person reads: the activities behind
// a requirement, and where an activity went. Derived from the report alone, so the page's
// drill-downs and anything else that explains agree with the figures they explain.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "program.h"
#include "report.h"

namespace recert {

enum class Share {
    counted,      // counts toward it, for `amount`
    elsewhere,    // fits it, but counts toward another requirement of its group instead
    planned,      // fits it, dated ahead: counted in the projection only
    not_counted,  // fits it, but counts for nothing (outside the cycle, too short, over a cap...)
};

struct Line {
    std::size_t entry = 0;     // index into CredentialReport::entries
    std::string requirement;   // requirement id
    Share share = Share::counted;
    Credits amount;            // counted: what it counts for; otherwise what it is worth
    std::string why;           // in words; for counted, empty but for one carried over from the previous cycle
};

// The activities behind requirement `id`: counted ones first (their amounts sum to its
// `earned`), then those that went elsewhere, those planned, and those that count for nothing;
// log order within each.
std::vector<Line> requirement_lines(const Program& p, const CredentialReport& r, std::string_view id);
// Where entry `index` of the report went: each requirement it counts toward, then each it
// fits but does not count toward, and why; empty when it fits none.
std::vector<Line> entry_lines(const Program& p, const CredentialReport& r, std::size_t index);

// The steps of a report not done yet, as a person reads them inside a sentence: "pass the
// recertification exam", "submit the application and pay the fee"; "" when none is open.
std::string open_steps_in_words(const CredentialReport& r);
// What is left of a renewal, in one line: "Credits met. Left: pass the recertification exam.",
// "Left: earn the credits still needed and pay the fee.", "Credits met and every step done.".
// Never says done while a step is open.
std::string left_in_words(const CredentialReport& r);
// What the counted activities lack of the evidence the program asks for (EvidenceRule), in one
// line: "For an audit, 3 activities lack their certificate and 2 their CLMS verification code.";
// "" when nothing is missing.
std::string missing_evidence_in_words(const Program& p, const CredentialReport& r);
// What one activity lacks: "certificate and CLMS verification code"; "" when nothing.
std::string missing_in_words(const Program& p, const EntryResult& e);

}  // namespace recert
