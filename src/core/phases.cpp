#include "phases.h"

#include <iterator>

namespace recert {

namespace {
struct PhaseName { Phase phase; std::string_view id; bool listed; std::string_view noun, determiner; };
constexpr PhaseName names[] = {
    {Phase::not_started, "not_started", false, "", ""},
    {Phase::earning, "earning", false, "", ""},
    {Phase::window_open, "window_open", true, "application window", "the"},
    {Phase::late, "late", true, "late period", "the"},
    {Phase::extension, "extension", true, "extension", "an"},
    {Phase::grace, "grace", true, "grace period", "the"},
    {Phase::lapsed, "lapsed", false, "", ""},
};

// to_string indexes the table by the enum's value.
constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < std::size(names); ++i)
        if (names[i].phase != all_phases[i] || static_cast<std::size_t>(all_phases[i]) != i) return false;
    return true;
}
static_assert(std::size(names) == std::size(all_phases) && in_enum_order(), "one row per phase, in the enum's order");

const PhaseName& row(Phase p) { return names[static_cast<int>(p)]; }
}  // namespace

std::string_view to_string(Phase p) { return row(p).id; }
bool listed_in_programs(Phase p) { return row(p).listed; }
std::string_view noun(Phase p) { return row(p).noun; }
std::string_view determiner(Phase p) { return row(p).determiner; }

std::optional<Phase> parse_phase(std::string_view s) {
    for (const auto& n : names)
        if (n.id == s) return n.phase;
    return std::nullopt;
}

}  // namespace recert
