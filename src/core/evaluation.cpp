#include "evaluation.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <unordered_map>

#include "allocation.h"
#include "calendar.h"
#include "explain.h"
#include "format.h"
#include "text.h"

namespace recert {

namespace {

bool contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }
bool contains(const std::vector<Kind>& v, Kind x) { return std::find(v.begin(), v.end(), x) != v.end(); }

constexpr std::size_t npos = static_cast<std::size_t>(-1);

// Whitespace as the C locale sees it (what std::isspace does here); case folds as text.h's lower.
bool space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Calls emit(c) for each character of the text with case folded, runs of whitespace made
// one space, and no space at either end.
template <class Emit>
void normalized(const std::string& s, Emit&& emit) {
    bool started = false, gap = false;
    for (char c : s) {
        if (space(c)) {
            gap = started;
            continue;
        }
        if (gap) emit(' ');
        gap = false;
        started = true;
        emit(lower(c));
    }
}

bool same_normalized(const std::string& a, const std::string& b) {
    std::string x, y;
    normalized(a, [&](char c) { x += c; });
    normalized(b, [&](char c) { y += c; });
    return x == y;
}

// Per entry, whether it is the first with its title, date and provider (case and spacing aside).
std::vector<char> first_of_kind(const std::vector<Entry>& entries) {
    const std::size_t n = entries.size();
    // Sorted by a hash of the three, so equal ones are next to each other; entries with equal
    // hashes are then compared for real.
    std::vector<std::pair<std::uint64_t, std::size_t>> order(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
        auto feed = [&h](char c) { h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL; };
        normalized(entries[i].title, feed);
        feed('\x1f');
        const auto day = static_cast<std::uint32_t>(date::sys_days{entries[i].date}.time_since_epoch().count());
        for (int b = 0; b < 4; ++b) feed(static_cast<char>(day >> (8 * b)));
        feed('\x1f');
        normalized(entries[i].provider, feed);
        order[i] = {h, i};
    }
    std::sort(order.begin(), order.end());
    auto same = [&](std::size_t a, std::size_t b) {
        return entries[a].date == entries[b].date && same_normalized(entries[a].title, entries[b].title) &&
               same_normalized(entries[a].provider, entries[b].provider);
    };
    std::vector<char> first(n, 1);
    for (std::size_t a = 0, b = 0; a < n; a = b) {
        for (b = a + 1; b < n && order[b].first == order[a].first; ++b) {}
        // Usually one entry; a copy and its original; rarely a collision.
        for (std::size_t x = a + 1; x < b; ++x)
            for (std::size_t y = a; y < x; ++y)
                if (first[order[y].second] && same(order[x].second, order[y].second)) {
                    first[order[x].second] = 0;
                    break;
                }
    }
    return first;
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

// Topics as bits: each requirement's topics_any (less the topic of its except_option_topic)
// and each entry's topics as sets of the program's topics, so that matching 200,000
// activities against 200 requirements compares no topic names.
class TopicBits {
public:
    TopicBits(const Program& p, const std::vector<const Requirement*>& reqs, const Options& options)
        : words_(p.topics.size() / 64 + 1), any_(reqs.size() * words_, 0) {
        for (std::size_t t = 0; t < p.topics.size(); ++t) index_.emplace(p.topics[t].id, t);
        for (std::size_t q = 0; q < reqs.size(); ++q) {
            if (!reqs[q]->eligible) continue;
            const Eligibility& el = *reqs[q]->eligible;
            std::string own;
            if (!el.except_option_topic.empty())
                if (auto it = options.find(el.except_option_topic); it != options.end())
                    if (const auto* s = std::get_if<std::string>(&it->second)) own = *s;
            for (const auto& t : el.topics_any)
                if (const auto b = index_.find(t); b != index_.end() && t != own) any_[q * words_ + b->second / 64] |= 1ULL << (b->second % 64);
        }
    }
    const std::vector<std::uint64_t>& of(const Entry& e) {
        entry_.assign(words_, 0);
        for (const auto& t : e.topics)
            if (const auto b = index_.find(t); b != index_.end()) entry_[b->second / 64] |= 1ULL << (b->second % 64);
        return entry_;
    }
    bool any(std::size_t q, const std::vector<std::uint64_t>& entry) const {
        for (std::size_t w = 0; w < words_; ++w)
            if (any_[q * words_ + w] & entry[w]) return true;
        return false;
    }

private:
    std::unordered_map<std::string, std::size_t> index_;
    std::size_t words_;
    std::vector<std::uint64_t> any_, entry_;
};

bool eligible(const Requirement& q, std::size_t index, const Entry& e, const TopicBits& topics, const std::vector<std::uint64_t>& entry_topics) {
    if (!q.eligible) return true;
    const Eligibility& el = *q.eligible;
    if (!el.kinds_any.empty() && !contains(el.kinds_any, e.kind)) return false;
    if (el.approved && e.approved.value_or(false) != *el.approved) return false;
    return el.topics_any.empty() || topics.any(index, entry_topics);
}

// The program as a person names it in a reason: "NAMSS CPCS", never its file's id.
std::string named(const Program& p) { return list_in_words(credential_short_names(p)); }

// What an activity is worth under the program, or why it is worth nothing and what to do.
Credits worth(const Program& p, const Entry& e, EntryResult& r) {
    const CreditRule& rule = p.credit;
    if (auto it = rule.by_kind.find(e.kind); it != rule.by_kind.end()) return it->second;
    if (e.credits) {
        if (e.credit_places() > rule.decimals) {
            r.excluded = Exclusion::invalid;
            r.detail = number(*e.credits) + " has " + count_of(e.credit_places().count, "decimal place", "decimal places") + "; " + named(p) +
                       (rule.decimals.count == 0 ? " counts whole " + p.unit_plural + " only"
                                                 : " counts " + p.unit_plural + " to " + count_of(rule.decimals.count, "decimal place", "decimal places")) +
                       ": enter the figure printed on the certificate";
            return {};
        }
        return *e.credits;
    }
    if (rule.from_minutes && e.minutes) return credits_from_minutes(*e.minutes);
    r.excluded = Exclusion::invalid;
    r.detail = rule.from_minutes ? "states neither " + p.unit_plural + " nor minutes: add the " + p.unit_plural +
                                       " printed on the certificate, or the session's length in minutes"
                                 : "states no " + p.unit_plural + ": add the " + p.unit_plural + " printed on the certificate (" + named(p) +
                                       " counts those, not minutes)";
    return {};
}

struct Tally {
    std::vector<EntryResult> entries;
    std::vector<Credits> earned;  // per applicable requirement
    bool optimal = true;
};

// What does not depend on the day evaluated, worked out once for both tallies.
struct Prepared {
    std::vector<Credits> amount;        // what each entry is worth...
    std::vector<std::size_t> invalid;   // ...or, if not npos, the index in `why` of why it is invalid
    std::vector<std::string> why;
    std::vector<char> first;            // not a duplicate of an earlier entry
    std::vector<std::optional<Minutes>> minutes;  // the session's length, if known and the program has a minimum
    std::vector<char> fits;             // entry i fits applicable requirement q: fits[i * reqs + q]
    std::vector<char> capped;           // some cap limits entry i
    std::vector<char> limits;           // cap c limits entry i: limits[i * caps + c]
    std::vector<std::size_t> by_date;   // those entries, earliest first, log order among equal dates
};

Prepared prepare(const Program& p, const std::vector<const Requirement*>& reqs, const Options& options, const std::vector<Entry>& entries) {
    const std::size_t n = entries.size(), R = reqs.size();
    Prepared out;
    out.amount.resize(n);
    out.invalid.assign(n, npos);
    out.first = first_of_kind(entries);
    out.minutes.resize(n);
    out.fits.assign(n * R, 0);
    TopicBits topics(p, reqs, options);
    for (std::size_t i = 0; i < n; ++i) {
        const Entry& e = entries[i];
        EntryResult r;
        out.amount[i] = worth(p, e, r);
        if (p.credit.min_minutes) {
            if (e.minutes) out.minutes[i] = e.minutes;
            else if (p.credit.from_minutes && e.credits) out.minutes[i] = minutes_of(*e.credits);
        }
        // Fits are known even for an activity that cannot count, to say what it would count toward.
        const auto& entry_topics = topics.of(e);
        for (std::size_t q = 0; q < R; ++q) out.fits[i * R + q] = eligible(*reqs[q], q, e, topics, entry_topics);
        if (r.excluded != Exclusion::none) {
            out.invalid[i] = out.why.size();
            out.why.push_back(std::move(r.detail));
        }
    }
    const std::size_t C = p.caps.size();
    out.capped.assign(n, 0);
    out.limits.assign(n * C, 0);
    std::vector<std::pair<int, std::size_t>> dated;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t c = 0; c < C; ++c)
            if (p.caps[c].limits(entries[i])) out.limits[i * C + c] = out.capped[i] = 1;
        if (out.capped[i]) dated.push_back({date::sys_days{entries[i].date}.time_since_epoch().count(), i});
    }
    std::sort(dated.begin(), dated.end());
    for (const auto& d : dated) out.by_date.push_back(d.second);
    return out;
}

// The days whose activities count toward a cycle: its own, less those at its start that
// counted toward the previous cycle, plus those after its end that count toward it.
struct Window {
    Date from, until;
};

// Counts the entries dated up to `through` toward the applicable requirements. Without
// `words`, only the figures: no ids, details or requirement names per entry. Allocations
// spend from `work`, the budget both tallies of one evaluation share.
Tally tally(const Program& p, const std::vector<const Requirement*>& reqs, const Options& options, const Cycle& cycle,
            const Window& window, const std::vector<Entry>& entries, const Prepared& prep, Date through, bool words,
            const std::vector<Credits>& carried, std::int64_t& work) {
    const std::size_t n = entries.size(), R = reqs.size();
    Tally t;
    t.entries.resize(n);
    t.earned.assign(R, Credits{});
    std::vector<char> active(n, 0);  // counts toward the requirements it fits
    for (std::size_t i = 0; i < n; ++i) {
        const Entry& e = entries[i];
        EntryResult& r = t.entries[i];
        if (words) r.id = e.id;
        r.amount = prep.amount[i];
        if (prep.invalid[i] != npos) {
            r.excluded = Exclusion::invalid;
            if (words) r.detail = prep.why[prep.invalid[i]];
            continue;
        }
        // Carried over from the previous cycle: it counts here as if dated in this one, for the part carried.
        r.carried = !carried.empty() && carried[i] > Credits{} && e.date < cycle.start;
        if (r.carried) {
            r.amount = carried[i];
            if (words)
                r.detail = "carried over from the cycle that ended " + to_iso(add_days(cycle.start, date::days{-1})) + ": " +
                           number(carried[i]) + " of its " + with_unit(prep.amount[i], p) + " were more than that cycle needed";
        }
        // A look-back window ends on the as-of date: later activities are planned, not outside it.
        const bool later = e.date > through && (e.date <= window.until || p.cycle.type == CycleRule::Type::lookback);
        if (r.carried) {
            // counts, though dated before the cycle
        } else if (e.date >= cycle.start && e.date < window.from) {
            r.excluded = Exclusion::outside_cycle;
            if (words)
                r.detail = "dated " + to_iso(e.date) + ": counted toward the previous cycle, which ended " + to_iso(add_days(cycle.start, date::days{-1})) +
                           " short of its requirements and counts activities to " + to_iso(add_days(window.from, date::days{-1}));
        } else if (later) {
            r.excluded = Exclusion::planned;
            if (words) r.detail = "planned for " + to_iso(e.date);
        } else if (e.date < cycle.start || e.date > window.until) {
            r.excluded = Exclusion::outside_cycle;
            if (words) {
                r.detail = "dated " + to_iso(e.date) + ", outside the cycle " + to_iso(cycle.start) + " to " + to_iso(cycle.end);
                if (window.until != cycle.end) r.detail += " and the days to " + to_iso(window.until) + " that count toward it";
            }
        } else if (!prep.first[i]) {
            r.excluded = Exclusion::duplicate;
            if (words) r.detail = "same title, date and provider as an earlier entry";
        } else if (r.amount == Credits{}) {
            r.excluded = Exclusion::invalid;
            if (words) r.detail = "earns no " + p.unit_plural + ": add the " + p.unit_plural + " printed on the certificate";
        }
        if (r.excluded != Exclusion::none) continue;
        if (p.credit.min_minutes) {
            const auto& minutes = prep.minutes[i];
            if (minutes && *minutes < *p.credit.min_minutes) {
                r.excluded = Exclusion::too_short;
                if (words)
                    r.detail = count_of(minutes->count(), "minute", "minutes") + "; sessions shorter than " +
                               count_of(p.credit.min_minutes->count(), "minute", "minutes") + " earn nothing";
                continue;
            }
        }
        if (std::find(prep.fits.begin() + static_cast<std::ptrdiff_t>(i * R), prep.fits.begin() + static_cast<std::ptrdiff_t>((i + 1) * R),
                      1) == prep.fits.begin() + static_cast<std::ptrdiff_t>((i + 1) * R)) {
            r.excluded = Exclusion::off_topic;
            if (words) {
                // A kind no requirement takes (ASHA counts hours as a learner, not presenting) is no matter of topics.
                const bool kind_fits = std::any_of(reqs.begin(), reqs.end(), [&](const Requirement* q) {
                    return !q->eligible || q->eligible->kinds_any.empty() || contains(q->eligible->kinds_any, e.kind);
                });
                r.detail = !kind_fits       ? "its kind, " + std::string(label(e.kind)) + ", counts toward no requirement of " + named(p)
                           : e.topics.empty() ? "has no topic: choose the topics it covered, as " + named(p) + " counts activities by topic"
                                              : "none of its topics counts toward a requirement of " + named(p);
            }
            continue;
        }
        active[i] = 1;
    }

    // Caps take the earliest activities first; the one that crosses a cap counts the part under it.
    // An entry under several caps (a part of a category, and the category) uses up each of them.
    const std::size_t C = p.caps.size();
    std::vector<Credits> cap_left;
    for (const auto& c : p.caps) cap_left.push_back(c.max);
    // Amounts as text, each worked out once: past a cap, every later activity names the same few.
    std::vector<std::pair<Credits, std::string>> texts;
    auto shown = [&texts](Credits x) -> std::string {
        for (const auto& [value, text] : texts)
            if (value == x) return text;
        return texts.emplace_back(x, number(x)).second;
    };
    for (std::size_t i = 0; i < n; ++i)
        if (active[i] && !prep.capped[i]) t.entries[i].counted = t.entries[i].amount;
    for (std::size_t i : prep.by_date) {
        if (!active[i]) continue;
        EntryResult& r = t.entries[i];
        r.counted = r.amount;
        const char* under = prep.limits.data() + i * C;
        for (std::size_t c = 0; c < C; ++c) {
            if (!under[c]) continue;
            if (cap_left[c] < r.counted) {
                if (words)
                    r.detail = p.caps[c].name + " counts for at most " + shown(p.caps[c].max) + ": " + shown(cap_left[c]) + " of " +
                               shown(r.amount) + " counted";
                r.counted = cap_left[c];
            }
        }
        for (std::size_t c = 0; c < C; ++c)
            if (under[c]) cap_left[c] -= r.counted;
        if (r.counted == Credits{}) {
            r.excluded = Exclusion::cap_reached;
            active[i] = 0;
        }
    }

    // Requirements outside a group take every activity that fits; each group shares its activities out.
    std::vector<char> toward(n * R, 0);
    std::vector<std::string> groups;
    for (std::size_t q = 0; q < R; ++q) {
        if (!reqs[q]->group.empty()) {
            if (!contains(groups, reqs[q]->group)) groups.push_back(reqs[q]->group);
            continue;
        }
        for (std::size_t i = 0; i < n; ++i)
            if (active[i] && prep.fits[i * R + q]) {
                t.earned[q] += t.entries[i].counted;
                toward[i * R + q] = 1;
            }
    }
    for (const auto& g : groups) {
        AllocationProblem problem;
        std::vector<std::size_t> member;  // problem index -> requirement index
        for (std::size_t q = 0; q < R; ++q)
            if (reqs[q]->group == g) {
                member.push_back(q);
                problem.required.push_back(reqs[q]->min_for(options));
            }
        std::vector<std::size_t> item_entry;
        for (std::size_t i = 0; i < n; ++i) {
            if (!active[i]) continue;
            AllocationItem item{t.entries[i].counted, {}};
            for (std::size_t m = 0; m < member.size(); ++m)
                if (prep.fits[i * R + member[m]]) item.candidates.push_back(static_cast<int>(m));
            if (item.candidates.empty()) continue;
            item_entry.push_back(i);
            problem.items.push_back(std::move(item));
        }
        const Allocation a = allocate(problem, work);
        work -= a.work;
        t.optimal = t.optimal && a.optimal;
        for (std::size_t k = 0; k < item_entry.size(); ++k) {
            const std::size_t q = member[static_cast<std::size_t>(a.choice[k])];
            t.earned[q] += problem.items[k].amount;
            toward[item_entry[k] * R + q] = 1;
        }
    }
    // Report `toward` and `also_fits` in the program's order of requirements.
    if (!words) return t;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t q = 0; q < R; ++q) {
            if (toward[i * R + q]) t.entries[i].toward.push_back(reqs[q]->id);
            else if (prep.fits[i * R + q]) t.entries[i].also_fits.push_back(reqs[q]->id);
        }
    return t;
}

// A report names only dates a log can hold: a cycle or deadline past 9999-12-31 (or before
// 1900-01-01) is a problem of the date it comes from, never printed as 10000-06-01.
std::optional<Problem> outside_dates(const Program& p, const Credential& c, const Cycle& cycle, Date as_of) {
    std::string what;
    Date when = cycle.start;
    if (!in_range(cycle.start) || !in_range(cycle.end)) {
        what = "the cycle";
        when = in_range(cycle.start) ? cycle.end : cycle.start;
    }
    for (const auto& d : p.dates)
        if (const Date x = resolve(d, cycle); what.empty() && !in_range(x)) {
            what = "\"" + d.label + "\"";
            when = x;
        }
    if (what.empty()) return std::nullopt;
    const std::string edge = when > last_date ? "after " + to_iso(last_date) + ", the last day" : "before " + to_iso(first_date) + ", the first day";
    if (p.cycle.type == CycleRule::Type::lookback)
        return Problem{"program", "as of " + to_iso(as_of) + ", " + p.id + "'s " + std::to_string(p.cycle.months.count()) + "-month window would start " + edge +
                                      " Recert handles"};
    const bool renewed = c.renewed_through.has_value();
    return Problem{renewed ? "renewed_through" : "certified_on",
                   "with " + p.id + ", " + (renewed ? "renewed through " + to_iso(*c.renewed_through) : "certified on " + to_iso(*c.certified_on)) +
                       ", " + what + " would fall " + edge + " Recert handles"};
}

// Whether a phase's `needs` hold for these figures, with what it takes to say why not.
struct NeedsCheck {
    bool met = true;
    Credits needed, required, earned;
};

NeedsCheck check_needs(const PhaseNeeds& needs, const std::vector<const Requirement*>& reqs, const Options& options,
                       const std::vector<Credits>& earned) {
    for (std::size_t q = 0; q < reqs.size(); ++q) {
        if (reqs[q]->id != needs.requirement) continue;
        NeedsCheck c;
        c.required = reqs[q]->min_for(options);
        c.earned = earned[q];
        // earned / required >= percent / 100, in whole units: exact.
        c.met = c.earned.units() * 100 >= c.required.units() * needs.percent;
        c.needed = Credits::from_units((c.required.units() * needs.percent + 99) / 100);
        return c;
    }
    return {};  // the requirement does not apply, so nothing of it is needed
}

// Why a phase the person would be in does not apply: "No extension applies: an extension needs ...".
std::string unmet_text(const Program& p, const PhaseRule& ph, const NeedsCheck& n, Date by) {
    const std::string name(noun(ph.phase));
    return "No " + name + " applies: " + std::string(determiner(ph.phase)) + " " + name + " needs at least " + number(n.needed) +
           " of your " + with_unit(n.required, p) + " by " + to_iso(by) + ", and you had " + number(n.earned) + ".";
}

// A date typed with the wrong year (2062 for 2026, 2016 for 2026) counts or is left out without
// a word; say so where it is implausible. More than five years ahead is no plan a cycle of
// Recert's programs (two to five years) can count, nor is a course five years before the
// certification (one attended while preparing for it is common, and stays quiet). A heuristic
// of Recert's, not a rule of any body: it warns and changes no figure.
constexpr date::years plausible_span{5};

void check_years(const Credential& c, const std::vector<Entry>& entries, Date as_of, std::vector<EntryResult>& results) {
    const Date far = add_years(as_of, plausible_span);
    const std::optional<Date> since = c.renewed_through ? std::nullopt : c.certified_on;
    const std::string span = count_of(plausible_span.count(), "year", "years");
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Date d = entries[i].date;
        std::string what;
        if (d > far) what = "dated " + date_in_words(d) + ", more than " + span + " ahead: check the year";
        else if (since && d < add_years(*since, -plausible_span))
            what = "dated " + date_in_words(d) + ", more than " + span + " before the certification on " + date_in_words(*since) + ": check the year";
        if (!what.empty()) results[i].warnings.push_back({"/entries/" + std::to_string(i) + "/date", std::move(what)});
    }
}

}  // namespace

namespace {
// Each activity that counts, and lacks what the program's evidence rules ask of its kind.
void flag_missing_evidence(const Program& p, const std::vector<Entry>& entries, CredentialReport& out) {
    for (std::size_t i = 0; i < entries.size() && i < out.entries.size(); ++i) {
        if (out.entries[i].excluded != Exclusion::none) continue;
        const Entry& e = entries[i];
        for (const auto& rule : p.evidence) {
            if (!rule.kinds_any.empty() && !contains(rule.kinds_any, e.kind)) continue;
            const bool has = rule.needs == Proof::certificate ? !e.files.empty() : e.code.find_first_not_of(" \t") != std::string::npos;
            if (!has) out.entries[i].missing.push_back(rule.id);
        }
    }
}
}  // namespace

// What the previous cycle carries into this one (CarryOverRule), per entry: of the credits it
// counted toward the rule's requirement beyond the minimum, those from activities dated in its last
// months, latest first, up to the rule's max. Nothing carries from a cycle short of a requirement.
// The previous cycle's own figures count nothing carried into it from the cycle before.
std::vector<Credits> carried_in(const Program& p, const std::vector<const Requirement*>& reqs, const Options& options, const Cycle& prev,
                                const Window& w, const std::vector<Entry>& entries, const Prepared& prep, std::int64_t& work) {
    const CarryOverRule& rule = *p.carry_over;
    const Tally t = tally(p, reqs, options, prev, w, entries, prep, w.until, true, {}, work);
    std::optional<Credits> beyond;
    for (std::size_t q = 0; q < reqs.size(); ++q) {
        const Credits min = reqs[q]->min_for(options);
        if (t.earned[q] < min) return {};
        if (reqs[q]->id == rule.requirement) beyond = t.earned[q] - min;
    }
    if (!beyond || *beyond == Credits{}) return {};  // its `when` does not hold, or nothing beyond
    Credits left = std::min(rule.max, *beyond);
    const Date from = add_days(add_months(prev.end, -rule.months), date::days{1});
    std::vector<std::size_t> last;  // the activities that could carry, latest first
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (t.entries[i].excluded == Exclusion::none && from <= entries[i].date && entries[i].date <= prev.end &&
            contains(t.entries[i].toward, rule.requirement))
            last.push_back(i);
    std::stable_sort(last.begin(), last.end(), [&](std::size_t a, std::size_t b) { return entries[a].date > entries[b].date; });
    std::vector<Credits> out(entries.size());
    for (std::size_t i : last) {
        out[i] = std::min(left, t.entries[i].counted);
        left -= out[i];
    }
    return out;
}

CredentialReport evaluate(const Program& p, const Credential& c, const std::vector<Entry>& entries, Date as_of) {
    CredentialReport out;
    out.id = c.id;
    out.program = c.program;
    const Options options = resolve_options(p, c, out.problems);
    std::optional<Cycle> previous;
    const auto cycle = current_cycle(p, c, as_of, out.problems, &previous);
    if (!out.problems.empty() || !cycle) return out;
    if (auto why = outside_dates(p, c, *cycle, as_of)) {
        out.problems.push_back(std::move(*why));
        return out;
    }
    out.start = cycle->start;
    out.end = cycle->end;
    out.days_left = days_between(as_of, cycle->end);

    std::vector<const Requirement*> reqs;
    for (const auto& q : p.requirements)
        if (!q.when || q.when->holds(options)) reqs.push_back(&q);

    const Prepared prep = prepare(p, reqs, options, entries);
    // One budget for every allocation of this evaluation, the previous cycle's figures included.
    std::int64_t work = allocation_budget;

    // The figures for a cycle's activities in `w` dated up to `through`, each worked out once.
    struct Figures {
        Date start, from, until, through;
        std::vector<Credits> earned;
    };
    std::vector<Figures> known;
    std::vector<Credits> carried;  // into this cycle from the previous one: set before this cycle's figures are asked
    const std::vector<Credits> none;
    auto figures = [&](const Cycle& cy, const Window& w, Date through) -> std::vector<Credits> {
        for (const auto& f : known)
            if (f.start == cy.start && f.from == w.from && f.until == w.until && f.through == through) return f.earned;
        const auto& in = cy.start == cycle->start ? carried : none;
        return known.emplace_back(Figures{cy.start, w.from, w.until, through, tally(p, reqs, options, cy, w, entries, prep, through, false, in, work).earned})
            .earned;
    };
    // A phase's needs, from the activities dated up to its `by` day (or to today, if earlier).
    auto by_day = [&](const PhaseNeeds& needs, const Cycle& cy) {
        const DateRule* by = p.date(needs.by);  // read_program checks it exists
        return by ? resolve(*by, cy) : cy.end;
    };
    auto needs_by = [&](const PhaseNeeds& needs, const Cycle& cy, const Window& own) {
        return check_needs(needs, reqs, options, figures(cy, own, std::min(as_of, by_day(needs, cy))));
    };
    // The last day whose activities count toward `cy`: its end or, once it has ended short of a
    // requirement, the last day of a phase that counts activities and applies.
    auto counts_until = [&](const Cycle& cy, const Window& own, bool honour_when) {
        Date until = cy.end;
        if (as_of <= cy.end) return until;
        for (const auto& ph : p.phases) {
            if (!ph.counts_activities || (honour_when && ph.when && !ph.when->holds(options))) continue;
            const auto days = phase_days(p, ph, cy);
            if (!days || days->end <= until) continue;
            // Only activities dated in those days could change anything.
            if (std::none_of(entries.begin(), entries.end(), [&](const Entry& e) { return e.date > cy.end && e.date <= days->end; })) continue;
            if (ph.needs && !needs_by(*ph.needs, cy, own).met) continue;
            const auto at_end = figures(cy, own, cy.end);
            for (std::size_t q = 0; q < reqs.size(); ++q)
                if (at_end[q] < reqs[q]->min_for(options)) until = days->end;
            if (until == cy.end) break;  // complete at its end: nothing later counts toward it
        }
        return until;
    };
    Window window{cycle->start, cycle->end};
    if (previous) {
        // What counted toward the previous cycle after its end does not count again here. The
        // option that asked for that may since have been cleared, so `when` is not consulted.
        window.from = add_days(counts_until(*previous, Window{previous->start, previous->end}, false), date::days{1});
        if (p.carry_over)
            carried = carried_in(p, reqs, options, *previous, Window{previous->start, add_days(window.from, date::days{-1})}, entries, prep, work);
    }
    window.until = counts_until(*cycle, Window{window.from, cycle->end}, true);

    Tally now = tally(p, reqs, options, *cycle, window, entries, prep, as_of, true, carried, work);
    const bool any_planned = std::any_of(now.entries.begin(), now.entries.end(), [](const EntryResult& r) { return r.excluded == Exclusion::planned; });
    const Tally ahead = any_planned ? tally(p, reqs, options, *cycle, window, entries, prep, window.until, false, carried, work) : Tally{};
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
    check_years(c, entries, as_of, out.entries);

    for (const auto& d : p.dates) {
        const Date when = resolve(d, *cycle);
        out.deadlines.push_back({d.id, d.label, when, days_between(as_of, when)});
    }
    std::stable_sort(out.deadlines.begin(), out.deadlines.end(), [](const auto& a, const auto& b) { return a.date < b.date; });

    // A step counts for this cycle when done since it started, and since the last date of the
    // previous cycle (a late application belongs to the cycle it renewed), by today.
    Date steps_from = cycle->start;
    if (previous)
        for (const auto& d : p.dates) steps_from = std::max(steps_from, add_days(resolve(d, *previous), date::days{1}));
    out.ready = out.complete;
    for (const auto& s : p.steps) {
        StepResult step{s.id, s.name, false, std::nullopt};
        if (const auto it = c.steps.find(s.id); it != c.steps.end()) {
            step.done_on = it->second;
            step.done = steps_from <= it->second && it->second <= as_of;
        }
        out.ready = out.ready && step.done;
        out.steps.push_back(std::move(step));
    }

    const Window own{window.from, cycle->end};
    const PhaseRule* rule = phase_rule_at(p, options, *cycle, as_of,
                                          [&](const PhaseRule& ph) { return !ph.needs || needs_by(*ph.needs, *cycle, own).met; });
    out.phase = phase_of(rule, *cycle, as_of);
    switch (out.phase) {
        case Phase::not_started: out.phase_text = "The cycle starts on " + to_iso(cycle->start) + "."; break;
        case Phase::earning:
            if (p.cycle.type == CycleRule::Type::lookback)
                out.phase_text = out.ready      ? "Every requirement is met: you could apply today."
                                 : out.complete ? "Every credit requirement is met; still to do: " + open_steps_in_words(out) + "."
                                              : "Not enough yet to apply today: activities count for " + span_in_words(p.cycle) +
                                                    ", so plan what is missing.";
            else
                out.phase_text = out.ready      ? "Every requirement is met for this cycle."
                                 : out.complete ? "Every credit requirement is met for this cycle; still to do: " + open_steps_in_words(out) + "."
                                              : "Keep earning: activities count until the cycle ends on " + to_iso(cycle->end) + ".";
            break;
        case Phase::lapsed: out.phase_text = p.lapse_text.empty() ? "The cycle has ended." : p.lapse_text; break;
        default: out.phase_text = rule ? rule->text : ""; break;
    }
    // A phase listed before the one found that would hold today but for its needs: say what it needs.
    for (const auto& ph : p.phases) {
        if (&ph == rule) break;
        if (!ph.needs || (ph.when && !ph.when->holds(options))) continue;
        const auto days = phase_days(p, ph, *cycle);
        if (!days || as_of < days->start || as_of > days->end) continue;
        const NeedsCheck n = needs_by(*ph.needs, *cycle, own);
        if (n.met) continue;
        out.phase_text += (out.phase_text.empty() ? "" : " ") + unmet_text(p, ph, n, by_day(*ph.needs, *cycle));
        break;
    }

    for (const auto& f : p.fees) {
        FeeResult fee{f.id, f.label, f.cite.source, f.cite.quote, {}};
        if (f.amount) {
            if (!rule || rule->phase != f.phase) continue;
            fee.amount = *f.amount;
        } else {
            Credits charged;
            for (std::size_t i = 0; i < entries.size(); ++i)
                if (out.entries[i].excluded == Exclusion::none && contains(f.kinds_any, entries[i].kind)) charged += out.entries[i].counted;
            if (charged == Credits{}) continue;
            fee.amount = per_credit(*f.per_credit, charged);
            fee.label += " (" + with_unit(charged, p) + " at " + money(*f.per_credit, p.currency) + " each)";
        }
        out.fees.push_back(std::move(fee));
    }
    flag_missing_evidence(p, entries, out);
    return out;
}

namespace {
// A topic that no program of the log's credentials knows is most likely a typo: each
// credential's report warns about it on the entry, and the entry is evaluated as it is.
void warn_unknown_topics(const std::vector<Program>& programs, const Log& log, Report& report) {
    std::set<std::string> known;
    for (const auto& c : log.credentials)
        for (const auto& p : programs)
            if (p.id == c.program)
                for (const auto& t : p.topics) known.insert(t.id);
    for (auto& r : report.credentials) {
        if (!r.problems.empty()) continue;
        for (std::size_t i = 0; i < log.entries.size(); ++i)
            for (std::size_t k = 0; k < log.entries[i].topics.size(); ++k)
                if (const auto& t = log.entries[i].topics[k]; !known.count(t))
                    r.entries[i].warnings.push_back({"/entries/" + std::to_string(i) + "/topics/" + std::to_string(k),
                                                     "\"" + t + "\" is not a topic of " + r.program + ": the entry is evaluated without it"});
    }
}
}  // namespace

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
    warn_unknown_topics(programs, log, report);
    return report;
}

}  // namespace recert
