#include "kinds.h"

namespace recert {

namespace {
struct KindName { Kind kind; std::string_view id, label; };
constexpr KindName names[] = {
    {Kind::live_webinar, "live_webinar", "Live webinar"},
    {Kind::recording, "recording", "Recording"},
    {Kind::conference, "conference", "Conference"},
    {Kind::microcredential, "microcredential", "Microcredential"},
    {Kind::course, "course", "Course"},
    {Kind::presentation, "presentation", "Presentation"},
    {Kind::in_service, "in_service", "In-service program"},
    {Kind::article, "article", "Published article"},
    {Kind::other, "other", "Other"},
};
}  // namespace

std::string_view to_string(Kind k) { return names[static_cast<int>(k)].id; }
std::string_view label(Kind k) { return names[static_cast<int>(k)].label; }

std::optional<Kind> parse_kind(std::string_view s) {
    for (const auto& n : names)
        if (n.id == s) return n.kind;
    return std::nullopt;
}

}  // namespace recert
