// The phases of a renewal: one vocabulary shared by program files and reports.
#pragma once
#include <optional>
#include <string_view>

namespace recert {

// A program file lists the phases around its deadlines (window_open, late, extension, grace);
// Recert derives the others from the cycle's days.
enum class Phase { not_started, earning, window_open, late, extension, grace, lapsed };
inline constexpr Phase all_phases[] = {Phase::not_started, Phase::earning, Phase::window_open, Phase::late,
                                       Phase::extension,   Phase::grace,   Phase::lapsed};

std::string_view to_string(Phase p);
std::optional<Phase> parse_phase(std::string_view s);
bool listed_in_programs(Phase p);
// For "No extension applies: an extension needs ...": "extension" and "an"; empty for derived phases.
std::string_view noun(Phase p);
std::string_view determiner(Phase p);

}  // namespace recert
