// The kinds of activity a log entry can be: one vocabulary shared by logs and program files.
#pragma once
#include <optional>
#include <string_view>

namespace recert {

enum class Kind { live_webinar, recording, conference, microcredential, course, presentation, in_service, article, other };
inline constexpr Kind all_kinds[] = {Kind::live_webinar, Kind::recording,    Kind::conference,
                                     Kind::microcredential, Kind::course,   Kind::presentation,
                                     Kind::in_service,   Kind::article,      Kind::other};

std::string_view to_string(Kind k);
std::string_view label(Kind k);  // for people: "Live webinar"
std::optional<Kind> parse_kind(std::string_view s);

}  // namespace recert
