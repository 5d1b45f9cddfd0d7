#include "report.h"

namespace recert {

using nlohmann::json;

std::string_view to_string(Exclusion x) {
    switch (x) {
        case Exclusion::none: return "";
        case Exclusion::outside_cycle: return "outside_cycle";
        case Exclusion::planned: return "planned";
        case Exclusion::duplicate: return "duplicate";
        case Exclusion::too_short: return "too_short";
        case Exclusion::off_topic: return "off_topic";
        case Exclusion::cap_reached: return "cap_reached";
        case Exclusion::invalid: return "invalid";
    }
    return "";
}

namespace {
json number(Credits c) { return decimal_number(c.to_string(2)); }
json number(Money m) { return decimal_number(m.to_string(2)); }
}  // namespace

json to_json(const CredentialReport& c) {
    json j = {{"id", c.id}, {"program", c.program}};
    if (!c.problems.empty()) {
        j["problems"] = json::array();
        for (const auto& p : c.problems) j["problems"].push_back({{"where", p.where}, {"what", p.what}});
        return j;
    }
    j["cycle"] = {{"start", to_iso(c.start)}, {"end", to_iso(c.end)}};
    j["days_left"] = c.days_left;
    j["phase"] = std::string(to_string(c.phase));
    j["phase_text"] = c.phase_text;
    j["complete"] = c.complete;
    j["ready"] = c.ready;
    j["projected_complete"] = c.projected_complete;
    j["allocation_optimal"] = c.allocation_optimal;
    j["requirements"] = json::array();
    for (const auto& r : c.requirements)
        j["requirements"].push_back({{"id", r.id}, {"name", r.name}, {"required", number(r.required)},
                                     {"earned", number(r.earned)}, {"remaining", number(r.remaining)},
                                     {"met", r.met}, {"projected", number(r.projected)}});
    j["deadlines"] = json::array();
    for (const auto& d : c.deadlines)
        j["deadlines"].push_back({{"id", d.id}, {"date", to_iso(d.date)}, {"label", d.label}, {"days", d.days_from_as_of}});
    j["fees"] = json::array();
    for (const auto& f : c.fees)
        j["fees"].push_back({{"id", f.id}, {"amount", number(f.amount)}, {"label", f.label},
                             {"rule", {{"source", f.source}, {"quote", f.quote}}}});
    j["steps"] = json::array();
    for (const auto& s : c.steps)
        j["steps"].push_back({{"id", s.id}, {"name", s.name}, {"done", s.done}, {"done_on", s.done_on ? json(to_iso(*s.done_on)) : json()}});
    j["entries"] = json::array();
    for (const auto& e : c.entries) {
        json x = {{"id", e.id}, {"counted", number(e.counted)}};
        if (e.excluded == Exclusion::none) x["toward"] = e.toward;
        else x["excluded"] = std::string(to_string(e.excluded));
        if (!e.also_fits.empty()) x["also_fits"] = e.also_fits;
        if (!e.detail.empty()) x["detail"] = e.detail;
        if (e.carried) x["carried_over"] = true;
        for (const auto& w : e.warnings) x["warnings"].push_back({{"where", w.where}, {"what", w.what}});
        if (!e.missing.empty()) x["missing_evidence"] = e.missing;
        j["entries"].push_back(std::move(x));
    }
    return j;
}

json to_json(const Report& r) {
    json j = {{"as_of", to_iso(r.as_of)}, {"credentials", json::array()}};
    for (const auto& c : r.credentials) j["credentials"].push_back(to_json(c));
    return j;
}

}  // namespace recert
