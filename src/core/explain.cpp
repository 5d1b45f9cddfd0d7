#include "explain.h"

#include <algorithm>

#include "format.h"

namespace recert {

namespace {

const RequirementResult* result_of(const CredentialReport& r, std::string_view id) {
    for (const auto& q : r.requirements)
        if (q.id == id) return &q;
    return nullptr;
}

const Requirement* rule_of(const Program& p, std::string_view id) {
    for (const auto& q : p.requirements)
        if (q.id == id) return &q;
    return nullptr;
}

Credits least(Credits a, Credits b) { return a < b ? a : b; }

// Why a counted activity that fits `here` went to another requirement of its group: the
// allocation put it where it covers the most, so here it would cover no more, often less.
std::string why_elsewhere(const Program& p, const CredentialReport& r, const EntryResult& e, std::string_view here) {
    const Requirement* rule = rule_of(p, here);
    const RequirementResult* a = result_of(r, here);
    const RequirementResult* b = nullptr;
    for (const auto& id : e.toward)
        if (const Requirement* other = rule_of(p, id); rule && other && other->group == rule->group) b = result_of(r, id);
    if (!a || !b) return "counted toward another requirement";
    const std::string instead = "counted toward " + b->name + " instead";
    if (a->earned >= a->required) return instead + ": " + a->name + " is already met";
    const Credits gain = least(a->earned + e.counted, a->required) - least(a->earned, a->required);
    const Credits loss = least(b->earned, b->required) - least(b->earned - e.counted, b->required);
    if (gain < loss) return instead + ", which needed it more";
    return instead + ": an activity counts toward one of them, and here it would cover no more of what is required";
}

Line line_for(const Program& p, const CredentialReport& r, std::size_t index, const std::string& requirement) {
    const EntryResult& e = r.entries[index];
    Line l{index, requirement, Share::counted, e.counted, {}};
    if (std::find(e.toward.begin(), e.toward.end(), requirement) != e.toward.end()) {
        if (e.carried) l.why = e.detail;  // dated before the cycle: say why it counts
        return l;
    }
    l.amount = e.amount;
    if (e.excluded == Exclusion::none) {
        l.share = Share::elsewhere;
        l.why = why_elsewhere(p, r, e, requirement);
    } else {
        l.share = e.excluded == Exclusion::planned ? Share::planned : Share::not_counted;
        l.why = e.detail.empty() ? std::string(to_string(e.excluded)) : e.detail;
    }
    return l;
}

}  // namespace

std::vector<Line> requirement_lines(const Program& p, const CredentialReport& r, std::string_view id) {
    std::vector<Line> out;
    const std::string requirement(id);
    for (std::size_t i = 0; i < r.entries.size(); ++i) {
        const EntryResult& e = r.entries[i];
        const bool toward = std::find(e.toward.begin(), e.toward.end(), requirement) != e.toward.end();
        if (toward || std::find(e.also_fits.begin(), e.also_fits.end(), requirement) != e.also_fits.end())
            out.push_back(line_for(p, r, i, requirement));
    }
    std::stable_sort(out.begin(), out.end(), [](const Line& a, const Line& b) { return a.share < b.share; });
    return out;
}

std::vector<Line> entry_lines(const Program& p, const CredentialReport& r, std::size_t index) {
    std::vector<Line> out;
    const EntryResult& e = r.entries[index];
    for (const auto& id : e.toward) out.push_back(line_for(p, r, index, id));
    for (const auto& id : e.also_fits) out.push_back(line_for(p, r, index, id));
    return out;
}

namespace {
// A step's name starts a sentence ("Pass the exam"); inside one it reads "pass the exam". An
// initialism ("CE certificates", "ADA review") keeps its capitals.
std::string inside_sentence(std::string name) {
    if (name.size() > 1 && name[0] >= 'A' && name[0] <= 'Z' && !(name[1] >= 'A' && name[1] <= 'Z')) name[0] = static_cast<char>(name[0] - 'A' + 'a');
    return name;
}

std::vector<std::string> open_steps(const CredentialReport& r) {
    std::vector<std::string> open;
    for (const auto& s : r.steps)
        if (!s.done) open.push_back(inside_sentence(s.name));
    return open;
}
}  // namespace

std::string missing_evidence_in_words(const Program& p, const CredentialReport& r) {
    std::vector<std::string> parts;
    for (const auto& rule : p.evidence) {
        const auto n = std::count_if(r.entries.begin(), r.entries.end(), [&](const EntryResult& e) {
            return std::find(e.missing.begin(), e.missing.end(), rule.id) != e.missing.end();
        });
        if (n == 0) continue;
        // The first part names the activities; the others, "2 their code", share its verb.
        parts.push_back(parts.empty() ? count_of(n, "activity lacks its", "activities lack their") + " " + rule.name
                                      : std::to_string(n) + (n == 1 ? " its " : " their ") + rule.name);
    }
    return parts.empty() ? "" : "For an audit, " + list_in_words(parts) + ".";
}

std::string missing_in_words(const Program& p, const EntryResult& e) {
    std::vector<std::string> names;
    for (const auto& id : e.missing)
        for (const auto& rule : p.evidence)
            if (rule.id == id) names.push_back(rule.name);
    return list_in_words(names);
}

std::string open_steps_in_words(const CredentialReport& r) { return list_in_words(open_steps(r)); }

std::string left_in_words(const CredentialReport& r) {
    std::vector<std::string> left = open_steps(r);
    if (r.complete) return left.empty() ? (r.steps.empty() ? "Credits met." : "Credits met and every step done.") : "Credits met. Left: " + list_in_words(left) + ".";
    left.insert(left.begin(), "earn the credits still needed");
    return "Left: " + list_in_words(left) + ".";
}

}  // namespace recert
