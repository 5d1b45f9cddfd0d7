// A credential's calendar under its program: which cycle applies, its named dates, the phase on a day.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "dates.h"
#include "log.h"
#include "program.h"
#include "report.h"

namespace recert {

struct Cycle {
    Date start, end;  // both inclusive
};

// The first cycle whose end is after renewed_through; nullopt (with a problem) when the
// credential lacks what the program needs, such as its certification date.
std::optional<Cycle> current_cycle(const Program& p, const Credential& c, Date as_of, Problems& problems);
Date resolve(const DateRule& d, const Cycle& cycle);
const PhaseRule* phase_rule_at(const Program& p, const Options& options, const Cycle& cycle, Date day);
Phase phase_at(const Program& p, const Options& options, const Cycle& cycle, Date day);

}  // namespace recert
