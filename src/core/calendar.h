// A credential's calendar under its program: which cycle applies, its named dates, the phase on a day.
#pragma once
#include <functional>
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
// credential lacks what the program needs, such as its certification date. `previous`, when
// given, receives the cycle before it, if there is one.
std::optional<Cycle> current_cycle(const Program& p, const Credential& c, Date as_of, Problems& problems,
                                   std::optional<Cycle>* previous = nullptr);
Date resolve(const DateRule& d, const Cycle& cycle);
// The days a phase covers in a cycle, both inclusive; nullopt if its dates are not defined.
std::optional<Cycle> phase_days(const Program& p, const PhaseRule& ph, const Cycle& cycle);
// The first phase whose days hold `day`, whose `when` holds and that `applies` accepts (a
// phase's `needs` depend on the activities, which the caller tallies).
const PhaseRule* phase_rule_at(const Program& p, const Options& options, const Cycle& cycle, Date day,
                               const std::function<bool(const PhaseRule&)>& applies = nullptr);
Phase phase_of(const PhaseRule* rule, const Cycle& cycle, Date day);

}  // namespace recert
