#include "evaluation.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <unordered_set>

#include "allocation.h"
#include "calendar.h"

namespace recert {

namespace {

bool contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }
bool contains(const std::vector<Kind>& v, Kind x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::string duplicate_key(const Entry& e) {
    auto norm = [](const std::string& s) {
        std::string out;
        for (char c : s)
            if (!std::isspace(static_cast<unsigned char>(c)) || (!out.empty() && out.back() != ' '))
                out += std::isspace(static_cast<unsigned char>(c)) ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
    };
    return norm(e.title) + '\x1f' + to_iso(e.date) + '\x1f' + norm(e.provider);
}

// The person's options with the program's defaults filled in; problems for values the program does not know.
Options resolve_options(const Program& p, const Credential& c, Problems& problems) {
    Options out;
    for (const auto& o : p.options)
        if (o.default_value) out[o.id] = *o.default_value;
    for (const auto& [k, v] : c.options) {
        const OptionRule* o = p.option(k);
        if (!o) { problems.push_back({"options/" + k, "is not an option of " + p.id}); continue; }
        if (o->is_choice) {
            const auto* s = std::get_if<std::string>(&v);
            if (!s) { problems.push_back({"options/" + k, "must be one of the program's choices"}); continue; }
            if (s->empty()) continue;  // cleared: not chosen
            if (!contains(o->choices, *s)) {
                std::string list;
                for (const auto& ch : o->choices) list += (list.empty() ? "" : ", ") + ch;
                problems.push_back({"options/" + k, "\"" + *s + "\" is not one of " + list});
                continue;
            }
        } else if (!std::holds_alternative<bool>(v)) {
            problems.push_back({"options/" + k, "must be true or false"});
            continue;
        }
        out[k] = v;
    }
    return out;
}

bool eligible(const Requirement& q, const Entry& e, const Options& options) {
    if (!q.eligible) return true;
    const Eligibility& el = *q.eligible;
    if (!el.kinds_any.empty() && !contains(el.kinds_any, e.kind)) return false;
    if (el.approved && e.approved.value_or(false) != *el.approved) return false;
    if (el.topics_any.empty()) return true;
    std::string own;
    if (!el.except_option_topic.empty())
        if (auto it = options.find(el.except_option_topic); it != options.end())
            if (const auto* s = std::get_if<std::string>(&it->second)) own = *s;
    return std::any_of(e.topics.begin(), e.topics.end(), [&](const std::string& t) { return t != own && contains(el.topics_any, t); });
}

// What an activity is worth under the program, or why it is worth nothing.
Credits worth(const Program& p, const Entry& e, EntryResult& r) {
    const CreditRule& rule = p.credit;
    if (auto it = rule.by_kind.find(e.kind); it != rule.by_kind.end()) return it->second;
    if (e.credits) {
        if (e.credit_places > rule.decimals) {
            r.excluded = Exclusion::invalid;
            r.detail = "credits " + e.credits->to_string(2) + " have " + std::to_string(e.credit_places) +
                       " decimal places; " + p.id + " counts to " + std::to_string(rule.decimals);
            return {};
        }
        return *e.credits;
    }
    if (rule.from_minutes && e.minutes) return credits_from_minutes(*e.minutes);
    r.excluded = Exclusion::invalid;
    r.detail = rule.from_minutes ? "states neither credits nor minutes" : "states no credits; " + p.id + " counts the credits on the certificate";
    return {};
}

struct Tally {
    std::vector<EntryResult> entries;
    std::vector<Credits> earned;  // per applicable requirement
    bool optimal = true;
};

// Counts the entries dated up to `through` toward the applicable requirements.
Tally tally(const Program& p, const std::vector<const Requirement*>& reqs, const Options& options, const Cycle& cycle,
            const std::vector<Entry>& entries, Date through) {
    Tally t;
    t.entries.resize(entries.size());
    t.earned.assign(reqs.size(), Credits{});
    std::vector<std::vector<int>> fits(entries.size());
    std::unordered_set<std::string> seen;
    seen.reserve(entries.size() * 2);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        EntryResult& r = t.entries[i];
        r.id = e.id;
        const bool first_of_its_kind = seen.insert(duplicate_key(e)).second;
        r.amount = worth(p, e, r);
        if (r.excluded != Exclusion::none) continue;
        // A look-back window ends on the as-of date: later activities are planned, not outside it.
        const bool later = e.date > through && (e.date <= cycle.end || p.cycle.type == CycleRule::Type::lookback);
        if (later) {
            r.excluded = Exclusion::planned;
            r.detail = "planned for " + to_iso(e.date);
        } else if (e.date < cycle.start || e.date > cycle.end) {
            r.excluded = Exclusion::outside_cycle;
            r.detail = "dated " + to_iso(e.date) + ", outside the cycle " + to_iso(cycle.start) + " to " + to_iso(cycle.end);
        } else if (!first_of_its_kind) {
            r.excluded = Exclusion::duplicate;
            r.detail = "same title, date and provider as an earlier entry";
        } else if (r.amount == Credits{}) {
            r.excluded = Exclusion::invalid;
            r.detail = "earns no credit";
        }
        if (r.excluded != Exclusion::none) continue;
        if (p.credit.min_minutes) {
            const auto minutes = e.minutes ? *e.minutes : p.credit.from_minutes && e.credits ? minutes_of(*e.credits) : -1;
            if (minutes >= 0 && minutes < *p.credit.min_minutes) {
                r.excluded = Exclusion::too_short;
                r.detail = std::to_string(minutes) + " minutes; sessions shorter than " + std::to_string(*p.credit.min_minutes) +
                           " minutes earn nothing";
                continue;
            }
        }
        for (std::size_t q = 0; q < reqs.size(); ++q)
            if (eligible(*reqs[q], e, options)) fits[i].push_back(static_cast<int>(q));
        if (fits[i].empty()) {
            r.excluded = Exclusion::off_topic;
            r.detail = e.topics.empty() ? "has no topic that " + p.id + " counts" : "none of its topics counts toward a requirement";
        }
    }

    // Caps take the earliest activities first; the one that crosses a cap counts the part under it.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (t.entries[i].excluded == Exclusion::none) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return entries[a].date < entries[b].date; });
    std::vector<Credits> cap_left;
    for (const auto& c : p.caps) cap_left.push_back(c.max);
    for (std::size_t i : order) {
        EntryResult& r = t.entries[i];
        r.counted = r.amount;
        for (std::size_t c = 0; c < p.caps.size(); ++c) {
            if (!contains(p.caps[c].kinds_any, entries[i].kind)) continue;
            if (cap_left[c] < r.counted) {
                r.detail = p.caps[c].name + " counts for at most " + p.caps[c].max.to_string() + ": " +
                           cap_left[c].to_string() + " of " + r.amount.to_string() + " counted";
                r.counted = cap_left[c];
            }
        }
        for (std::size_t c = 0; c < p.caps.size(); ++c)
            if (contains(p.caps[c].kinds_any, entries[i].kind)) cap_left[c] -= r.counted;
        if (r.counted == Credits{}) {
            r.excluded = Exclusion::cap_reached;
            fits[i].clear();
        }
    }

    // Requirements outside a group take every activity that fits; each group shares its activities out.
    std::vector<std::string> groups;
    for (std::size_t q = 0; q < reqs.size(); ++q) {
        if (!reqs[q]->group.empty()) {
            if (!contains(groups, reqs[q]->group)) groups.push_back(reqs[q]->group);
            continue;
        }
        for (std::size_t i = 0; i < entries.size(); ++i)
            if (std::find(fits[i].begin(), fits[i].end(), static_cast<int>(q)) != fits[i].end()) {
                t.earned[q] += t.entries[i].counted;
                t.entries[i].toward.push_back(reqs[q]->id);
            }
    }
    for (const auto& g : groups) {
        AllocationProblem problem;
        std::vector<std::size_t> member;  // problem index -> requirement index
        for (std::size_t q = 0; q < reqs.size(); ++q)
            if (reqs[q]->group == g) {
                member.push_back(q);
                problem.required.push_back(reqs[q]->min_for(options));
            }
        std::vector<std::size_t> item_entry;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            AllocationItem item{t.entries[i].counted, {}};
            for (int q : fits[i])
                if (auto m = std::find(member.begin(), member.end(), static_cast<std::size_t>(q)); m != member.end())
                    item.candidates.push_back(static_cast<int>(m - member.begin()));
            if (item.candidates.empty()) continue;
            item_entry.push_back(i);
            problem.items.push_back(std::move(item));
        }
        const Allocation a = allocate(problem);
        t.optimal = t.optimal && a.optimal;
        for (std::size_t k = 0; k < item_entry.size(); ++k) {
            const std::size_t q = member[static_cast<std::size_t>(a.choice[k])];
            t.earned[q] += problem.items[k].amount;
            t.entries[item_entry[k]].toward.push_back(reqs[q]->id);
        }
    }
    // Report `toward` in the program's order of requirements.
    for (auto& r : t.entries) {
        std::vector<std::string> ordered;
        for (const auto* q : reqs)
            if (contains(r.toward, q->id)) ordered.push_back(q->id);
        r.toward = std::move(ordered);
    }
    return t;
}

std::string plural(const Program& p, Credits c) { return c.to_string() + " " + (c == Credits::whole(1) ? p.unit_singular : p.unit_plural); }

}  // namespace

CredentialReport evaluate(const Program& p, const Credential& c, const std::vector<Entry>& entries, Date as_of) {
    CredentialReport out;
    out.id = c.id;
    out.program = c.program;
    const Options options = resolve_options(p, c, out.problems);
    const auto cycle = current_cycle(p, c, as_of, out.problems);
    if (!out.problems.empty() || !cycle) return out;
    out.start = cycle->start;
    out.end = cycle->end;
    out.days_left = days_between(as_of, cycle->end);

    std::vector<const Requirement*> reqs;
    for (const auto& q : p.requirements)
        if (!q.when || q.when->holds(options)) reqs.push_back(&q);

    Tally now = tally(p, reqs, options, *cycle, entries, as_of);
    const bool any_planned = std::any_of(now.entries.begin(), now.entries.end(), [](const EntryResult& r) { return r.excluded == Exclusion::planned; });
    const Tally ahead = any_planned ? tally(p, reqs, options, *cycle, entries, cycle->end) : Tally{};
    out.allocation_optimal = now.optimal && ahead.optimal;
    out.complete = out.projected_complete = true;
    for (std::size_t q = 0; q < reqs.size(); ++q) {
        RequirementResult r;
        r.id = reqs[q]->id;
        r.name = reqs[q]->name;
        r.required = reqs[q]->min_for(options);
        r.earned = now.earned[q];
        r.remaining = r.earned < r.required ? r.required - r.earned : Credits{};
        r.met = r.remaining == Credits{};
        r.projected = any_planned ? ahead.earned[q] : r.earned;
        out.complete = out.complete && r.met;
        out.projected_complete = out.projected_complete && r.projected >= r.required;
        out.requirements.push_back(std::move(r));
    }
    out.entries = std::move(now.entries);

    for (const auto& d : p.dates) {
        const Date when = resolve(d, *cycle);
        out.deadlines.push_back({d.id, d.label, when, days_between(as_of, when)});
    }
    std::stable_sort(out.deadlines.begin(), out.deadlines.end(), [](const auto& a, const auto& b) { return a.date < b.date; });

    out.phase = phase_at(p, options, *cycle, as_of);
    const PhaseRule* rule = phase_rule_at(p, options, *cycle, as_of);
    switch (out.phase) {
        case Phase::not_started: out.phase_text = "The cycle starts on " + to_iso(cycle->start) + "."; break;
        case Phase::earning:
            if (p.cycle.type == CycleRule::Type::lookback)
                out.phase_text = out.complete ? "Every requirement is met: you could apply today."
                                              : "Not enough yet to apply today: activities count for " + std::to_string(p.cycle.months) +
                                                    " months, so plan what is missing.";
            else
                out.phase_text = out.complete ? "Every requirement is met for this cycle."
                                              : "Keep earning: activities count until the cycle ends on " + to_iso(cycle->end) + ".";
            break;
        case Phase::lapsed: out.phase_text = p.lapse_text.empty() ? "The cycle has ended." : p.lapse_text; break;
        default: out.phase_text = rule ? rule->text : ""; break;
    }

    for (const auto& f : p.fees) {
        FeeResult fee{f.id, f.label, f.cite.source, f.cite.quote, {}};
        if (f.amount) {
            if (!rule || rule->id != f.phase) continue;
            fee.amount = *f.amount;
        } else {
            Credits charged;
            for (std::size_t i = 0; i < entries.size(); ++i)
                if (out.entries[i].excluded == Exclusion::none && contains(f.kinds_any, entries[i].kind)) charged += out.entries[i].counted;
            if (charged == Credits{}) continue;
            fee.amount = per_credit(*f.per_credit, charged);
            fee.label += " (" + plural(p, charged) + " at " + f.per_credit->to_string() + " " + p.currency + " each)";
        }
        out.fees.push_back(std::move(fee));
    }
    return out;
}

Report evaluate(const std::vector<Program>& programs, const Log& log, Date as_of, const std::optional<std::string>& only) {
    Report report;
    report.as_of = as_of;
    for (std::size_t i = 0; i < log.credentials.size(); ++i) {
        const Credential& c = log.credentials[i];
        if (only && c.id != *only) continue;
        const auto p = std::find_if(programs.begin(), programs.end(), [&](const Program& x) { return x.id == c.program; });
        if (p == programs.end()) {
            CredentialReport r;
            r.id = c.id;
            r.program = c.program;
            r.problems.push_back({"/credentials/" + std::to_string(i) + "/program", "no program \"" + c.program + "\" is loaded"});
            report.credentials.push_back(std::move(r));
            continue;
        }
        report.credentials.push_back(evaluate(*p, c, log.entries, as_of));
        // Credential problems name fields; make them JSON pointers into the log.
        for (auto& pr : report.credentials.back().problems) pr.where = "/credentials/" + std::to_string(i) + "/" + pr.where;
    }
    return report;
}

}  // namespace recert
