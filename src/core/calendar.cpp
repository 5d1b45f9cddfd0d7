#include "calendar.h"

namespace recert {

namespace {
// A date on month/day of d's year, the last day of the month if it has no such day.
Date on(Date d, unsigned month, unsigned day) {
    const Date exact{d.year(), date::month{month}, date::day{day}};
    if (exact.ok()) return exact;
    return Date{date::year_month_day_last{d.year(), date::month_day_last{date::month{month}}}};
}
}  // namespace

std::optional<Cycle> current_cycle(const Program& p, const Credential& c, Date as_of, Problems& problems,
                                   std::optional<Cycle>* previous) {
    const CycleRule& rule = p.cycle;
    if (rule.type == CycleRule::Type::lookback) return Cycle{add_months(as_of, -rule.months), as_of};
    if (!c.certified_on) {
        problems.push_back({"certified_on", "is required by " + p.id + ": its cycle starts at the certification date"});
        return std::nullopt;
    }
    Cycle cy{*c.certified_on, rule.type == CycleRule::Type::anchored
                                  ? on(add_years(*c.certified_on, rule.years), rule.end_month, rule.end_day)
                                  : add_years(*c.certified_on, rule.years)};
    if (rule.starts_after_anchor) {
        Date anchor = on(*c.certified_on, rule.end_month, rule.end_day);
        if (anchor < *c.certified_on) anchor = on(add_years(anchor, date::years{1}), rule.end_month, rule.end_day);
        const Date start = add_days(anchor, date::days{1});
        cy = Cycle{start, add_days(add_years(start, rule.years), date::days{-1})};
    }
    if (c.renewed_through) {
        if (*c.renewed_through < cy.start) {
            problems.push_back({"renewed_through", to_iso(*c.renewed_through) + " is before the certification date " + to_iso(cy.start)});
            return std::nullopt;
        }
        // Each later cycle starts the day after the previous end and ends `years` after that end.
        while (cy.end <= *c.renewed_through) {
            if (previous) *previous = cy;
            cy = Cycle{add_days(cy.end, date::days{1}), add_years(cy.end, rule.years)};
        }
    }
    return cy;
}

Date resolve(const DateRule& d, const Cycle& cycle) {
    Date x = add_years(d.from_start ? cycle.start : cycle.end, d.years);
    if (d.month) x = on(x, *d.month, *d.day);
    return add_days(x, d.days);
}

std::optional<Cycle> phase_days(const Program& p, const PhaseRule& ph, const Cycle& cycle) {
    const DateRule* from = p.date(ph.from);
    const DateRule* until = p.date(ph.until);
    if (!from || !until) return std::nullopt;
    Date first = resolve(*from, cycle);
    if (ph.after) first = add_days(first, date::days{1});
    return Cycle{first, resolve(*until, cycle)};
}

const PhaseRule* phase_rule_at(const Program& p, const Options& options, const Cycle& cycle, Date day,
                               const std::function<bool(const PhaseRule&)>& applies) {
    for (const auto& ph : p.phases) {
        if (ph.when && !ph.when->holds(options)) continue;
        const auto days = phase_days(p, ph, cycle);
        if (days && days->start <= day && day <= days->end && (!applies || applies(ph))) return &ph;
    }
    return nullptr;
}

Phase phase_of(const PhaseRule* rule, const Cycle& cycle, Date day) {
    if (day < cycle.start) return Phase::not_started;
    if (rule) return rule->phase;
    return day <= cycle.end ? Phase::earning : Phase::lapsed;
}

}  // namespace recert
