#include "program.h"

#include <algorithm>
#include <map>
#include <set>

#include "log.h"
#include "utf8.h"

namespace recert {

using nlohmann::json;

bool Cap::limits(const Entry& e) const {
    if (!kinds_any.empty() && std::find(kinds_any.begin(), kinds_any.end(), e.kind) == kinds_any.end()) return false;
    if (topics_any.empty()) return true;
    return std::any_of(e.topics.begin(), e.topics.end(),
                       [&](const std::string& t) { return std::find(topics_any.begin(), topics_any.end(), t) != topics_any.end(); });
}

bool Condition::holds(const Options& options) const {
    auto it = options.find(option);
    if (it == options.end()) return false;
    if (!equals) return !std::holds_alternative<std::string>(it->second) || !std::get<std::string>(it->second).empty();
    return it->second == *equals;
}

Credits Requirement::min_for(const Options& options) const {
    for (const auto& [cond, m] : min_when)
        if (cond.holds(options)) return m;
    return min;
}

const DateRule* Program::date(std::string_view id) const {
    for (const auto& d : dates)
        if (d.id == id) return &d;
    return nullptr;
}

const Source* Program::source(std::string_view id) const {
    for (const auto& s : sources)
        if (s.id == id) return &s;
    return nullptr;
}

const StepRule* Program::step(std::string_view id) const {
    for (const auto& s : steps)
        if (s.id == id) return &s;
    return nullptr;
}

const OptionRule* Program::option(std::string_view id) const {
    for (const auto& o : options)
        if (o.id == id) return &o;
    return nullptr;
}

namespace {

constexpr int max_amount_places = 2;
// What one activity can be worth (as for an entry's own credits), and the most a fee can
// charge per credit: with at most 200,000 entries, every sum and fee stays far inside 64 bits.
constexpr std::int64_t max_credits_per_activity = 1000;
constexpr std::int64_t max_fee_per_credit = 10'000;

// Amounts are decimal strings, so a file says exactly what the body wrote: as a JSON number,
// 0.1 is a double near it. A number is refused with what to write instead.
bool amount_is_text(const Node& n, std::string_view key) {
    if (!n.has(key) || n.at(key).raw().is_string()) return true;
    const nlohmann::json& v = n.raw().at(std::string(key));
    n.problem_at(key, v.is_number() ? "must be a decimal string: write \"" + v.dump() + "\", in quotes, not " + v.dump()
                                    : "must be a decimal string, as in \"15\" or \"1.5\"");
    return false;
}
std::optional<Credits> credit_amount(const Node& n, std::string_view key) {
    return amount_is_text(n, key) ? n.credits(key, Need::required, max_amount_places) : std::nullopt;
}
std::optional<Money> money_amount(const Node& n, std::string_view key) {
    return amount_is_text(n, key) ? n.money(key, Need::optional) : std::nullopt;
}

// A list or object longer than its limit gets a problem at its pointer. It is still read, so
// that what refers to its items is not reported too.
void limit(const Node& list, std::size_t max, const char* what) {
    const std::size_t n = list.raw().size();
    if ((list.raw().is_array() || list.raw().is_object()) && n > max)
        list.problem("has " + std::to_string(n) + " " + what + "; at most " + std::to_string(max) + " are accepted");
}

std::vector<std::string> read_ids(const Node& n, std::string_view key, Need need, std::size_t max, const char* what) {
    if (n.has(key)) limit(n.at(key), max, what);
    auto ids = n.ids(key, need);
    // Every such list (topics_any, kinds_any, choices) names at least one, each once; past its
    // limit it has been named already (and a search for repeats would be quadratic).
    if (n.has(key) && n.at(key).raw().is_array() && n.at(key).raw().empty())
        n.problem_at(key, std::string("must list at least one of the ") + what + "; leave it out otherwise");
    for (auto it = ids.begin(); ids.size() <= max && it != ids.end(); ++it)
        if (std::find(ids.begin(), it, *it) != it) { n.problem_at(key, "lists \"" + *it + "\" twice"); break; }
    return ids;
}

Cite read_cite(const Node& rule) {
    Cite c;
    Node cite = rule.at("cite");
    if (!rule.has("cite")) {
        rule.problem_at("cite", "is required: every rule names its source and quotes it");
    } else if (cite.expect_object()) {
        cite.only({"source", "quote"});
        c.source = cite.id("source", Need::required).value_or("");
        c.quote = cite.text("quote", Need::required).value_or("");
        if (cite.has("quote") && c.quote.empty()) cite.problem_at("quote", "must quote the source");
    }
    c.interpretation = rule.text("interpretation", Need::optional).value_or("");
    return c;
}

std::vector<Kind> read_kinds(const Node& n, std::string_view key) {
    std::vector<Kind> out;
    const auto names = read_ids(n, key, Need::optional, max_kinds, "activity kinds");
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (auto k = parse_kind(names[i])) out.push_back(*k);
        else n.at(key).at(i).problem("\"" + names[i] + "\" is not an activity kind");
    }
    return out;
}

std::optional<Condition> read_condition(const Node& n) {
    if (!n.expect_object()) return std::nullopt;
    n.only({"option", "equals", "set"});
    Condition c;
    c.option = n.id("option", Need::required).value_or("");
    if (n.has("equals")) {
        const json& v = n.raw().at("equals");
        if (v.is_boolean()) c.equals = v.get<bool>();
        else if (v.is_string()) c.equals = v.get<std::string>();
        else n.problem_at("equals", "must be true, false or a string");
    } else if (auto set = n.boolean("set", Need::optional); !set || !*set) {
        n.problem("needs \"equals\": value, or \"set\": true");
    }
    if (n.has("equals") && n.has("set")) n.problem("needs \"equals\" or \"set\", not both");
    return c;
}

Eligibility read_eligibility(const Node& n) {
    Eligibility e;
    if (!n.expect_object()) return e;
    n.only({"topics_any", "kinds_any", "approved", "except_option_topic"});
    if (n.raw().empty()) n.problem("must hold at least one test; leave it out to count every entry");
    if (n.has("except_option_topic") && !n.has("topics_any")) n.problem_at("topics_any", "is required with except_option_topic");
    e.topics_any = read_ids(n, "topics_any", Need::optional, max_topics, "topics");
    e.kinds_any = read_kinds(n, "kinds_any");
    e.approved = n.boolean("approved", Need::optional);
    e.except_option_topic = n.id("except_option_topic", Need::optional).value_or("");
    return e;
}

// JSON Schema's rules for the whole file: no null anywhere and no empty string. The readers
// below take a null for an absent field, so this walk names both where they are.
void blanks(const Node& n, Problems& nulls, Problems& empties) {
    const json& j = n.raw();
    if (j.is_null()) nulls.push_back({n.path(), "is null: give it a value or leave the field out"});
    else if (j.is_string() && j.get_ref<const std::string&>().empty()) empties.push_back({n.path(), "must not be empty"});
    else if (j.is_array()) for (std::size_t i = 0; i < j.size(); ++i) blanks(n.at(i), nulls, empties);
    else if (j.is_object()) for (const auto& [k, v] : j.items()) blanks(n.at(k), nulls, empties);
}

template <class F>
void each(const Node& parent, std::string_view key, Need need, std::size_t max, const char* what, F&& f) {
    if (!parent.has(key)) {
        if (need == Need::required) parent.problem_at(key, "is required");
        return;
    }
    Node list = parent.at(key);
    if (!list.expect_array()) return;
    limit(list, max, what);
    for (std::size_t i = 0; i < list.raw().size(); ++i) f(list.at(i));
}

void read_credit(const Node& n, Program& p) {
    if (!n.expect_object()) return;
    n.only({"decimals", "from_minutes", "min_minutes", "by_kind", "cite", "interpretation"});
    CreditRule& c = p.credit;
    c.decimals = Places{static_cast<int>(n.integer("decimals", Need::required, 0, max_amount_places).value_or(2))};
    c.from_minutes = n.boolean("from_minutes", Need::optional).value_or(false);
    if (auto m = n.integer("min_minutes", Need::optional, 1, 24 * 60)) c.min_minutes = Minutes{*m};
    if (n.has("by_kind")) {
        Node bk = n.at("by_kind");
        if (bk.expect_object() && bk.raw().empty()) bk.problem("must name at least one activity kind; leave it out otherwise");
        if (bk.raw().is_object())
            for (const auto& [k, v] : bk.raw().items()) {
                auto kind = parse_kind(k);
                if (!kind) { bk.problem_at(k, "\"" + k + "\" is not an activity kind"); continue; }
                if (auto amount = credit_amount(bk, k)) {
                    if (*amount > Credits::whole(max_credits_per_activity))
                        bk.problem_at(k, "is more than " + std::to_string(max_credits_per_activity) + " for one activity");
                    else c.by_kind[*kind] = *amount;
                }
            }
    }
    c.cite = read_cite(n);
}

void read_cycle(const Node& n, Program& p) {
    if (!n.expect_object()) return;
    CycleRule& c = p.cycle;
    const auto type = n.text("type", Need::required).value_or("");
    if (type == "from_certification") {
        n.only({"type", "years", "cite", "interpretation"});
        c.type = CycleRule::Type::from_certification;
        c.years = date::years{static_cast<int>(n.integer("years", Need::required, 1, 20).value_or(1))};
    } else if (type == "anchored") {
        n.only({"type", "years", "end_month", "end_day", "starts_after_anchor", "cite", "interpretation"});
        c.type = CycleRule::Type::anchored;
        c.starts_after_anchor = n.boolean("starts_after_anchor", Need::optional).value_or(false);
        c.years = date::years{static_cast<int>(n.integer("years", Need::required, 1, 20).value_or(1))};
        c.end_month = static_cast<unsigned>(n.integer("end_month", Need::required, 1, 12).value_or(1));
        c.end_day = static_cast<unsigned>(n.integer("end_day", Need::required, 1, 31).value_or(1));
        if (!date::month_day{date::month{c.end_month}, date::day{c.end_day}}.ok())
            n.problem_at("end_day", "month " + std::to_string(c.end_month) + " has no day " + std::to_string(c.end_day));
        else if (c.end_month == 2 && c.end_day == 29)
            n.problem_at("end_day", "a cycle cannot end on Feb 29: most years have none");
    } else if (type == "lookback") {
        n.only({"type", "months", "cite", "interpretation"});
        c.type = CycleRule::Type::lookback;
        c.months = date::months{static_cast<int>(n.integer("months", Need::required, 1, 240).value_or(1))};
    } else if (n.has("type")) {
        n.problem_at("type", "\"" + type + "\" is not a cycle type (from_certification, anchored, lookback)");
    }
    c.cite = read_cite(n);
}

}  // namespace

ProgramResult read_program(const json& doc) {
    ProgramResult r;
    Problems& problems = r.problems;
    Node root(doc, "", problems);
    if (!root.expect_object()) return r;
    if (root.text("format", Need::required).value_or("") != program_format) {
        if (root.has("format")) root.problem_at("format", "must be \"recert-program\"");
        return r;
    }
    const auto version = root.integer("version", Need::required, 1, 1000).value_or(program_version);
    if (version > program_version) {
        root.problem_at("version", "version " + std::to_string(version) + " is not supported; this Recert reads versions 1 to " +
                                       std::to_string(program_version));
        return r;
    }
    root.only({"$schema", "format", "version", "id", "name", "credential", "body", "description", "currency",
               "lapse_text", "lapse", "sources", "unit", "credit", "topics", "options", "cycle", "requirements", "caps",
               "carry_over", "dates", "phases", "fees", "steps", "evidence"});
    root.text("$schema", Need::optional);
    Problems nulls, empties;
    blanks(root, nulls, empties);
    Program p;
    p.id = root.id("id", Need::required).value_or("");
    p.name = root.text("name", Need::required, 200).value_or("");
    p.credential = root.text("credential", Need::optional, 200).value_or("");
    p.body = root.text("body", Need::required, 200).value_or("");
    p.description = root.text("description", Need::optional).value_or("");
    p.currency = root.text("currency", Need::optional, 3).value_or("USD");
    if (!std::all_of(p.currency.begin(), p.currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) || p.currency.size() != 3)
        root.problem_at("currency", "must be three capital letters, a currency code such as USD");
    // Version 1 wrote the lapse as a bare text; version 2 as a rule, with its citation.
    if (version == 1 && root.has("lapse")) root.problem_at("lapse", "is version 2's; a version 1 file writes lapse_text");
    if (version >= 2 && root.has("lapse_text"))
        root.problem_at("lapse_text", "is version 1's; version 2 writes \"lapse\": {\"text\": ..., \"cite\": ...}");
    p.lapse_text = root.text("lapse_text", Need::optional).value_or("");
    if (root.has("lapse") && root.at("lapse").expect_object()) {
        Node lapse = root.at("lapse");
        lapse.only({"text", "cite", "interpretation"});
        p.lapse_text = lapse.text("text", Need::required).value_or("");
        p.lapse_cite = read_cite(lapse);
    }

    std::set<std::string> source_ids;
    if (root.has("sources")) limit(root.at("sources"), max_sources, "sources");
    if (root.has("sources") && root.at("sources").expect_object())
        for (const auto& [k, v] : root.at("sources").raw().items()) {
            Node s = root.at("sources").at(k);
            if (!is_id(k)) root.at("sources").problem_at(k, "is not an id");
            if (!s.expect_object()) continue;
            s.only({"title", "url", "file"});
            p.sources.push_back({k, s.text("title", Need::required).value_or(""), s.text("url", Need::optional).value_or(""),
                                 s.text("file", Need::optional).value_or("")});
            // The page links to it: a web address, nothing a browser would run.
            const std::string& url = p.sources.back().url;
            const bool web = (url.starts_with("http://") && url.size() > 7) || (url.starts_with("https://") && url.size() > 8);
            if (!url.empty() && (!web || !std::all_of(url.begin(), url.end(), [](char c) { return c > ' ' && c <= '~'; })))
                s.problem_at("url", "must be a web address starting http:// or https://, without spaces");
            source_ids.insert(k);
        }
    else if (!root.has("sources")) root.problem_at("sources", "is required");
    if (root.has("sources") && root.at("sources").raw().is_object() && root.at("sources").raw().empty())
        root.problem_at("sources", "must list at least one source: every rule cites one");

    if (root.has("unit")) {
        Node u = root.at("unit");
        if (u.expect_object()) {
            u.only({"singular", "plural"});
            p.unit_singular = u.text("singular", Need::required, 40).value_or("credit");
            p.unit_plural = u.text("plural", Need::required, 40).value_or("credits");
        }
    }
    if (root.has("credit")) read_credit(root.at("credit"), p);
    else root.problem_at("credit", "is required");
    if (root.has("cycle")) read_cycle(root.at("cycle"), p);
    else root.problem_at("cycle", "is required");

    std::set<std::string> topic_ids;
    each(root, "topics", Need::optional, max_topics, "topics", [&](const Node& n) {
        if (!n.expect_object()) return;
        n.only({"id", "name", "group"});
        Topic t{n.id("id", Need::required).value_or(""), n.text("name", Need::required, 200).value_or(""),
                n.text("group", Need::optional, 200).value_or("")};
        if (!topic_ids.insert(t.id).second) n.problem_at("id", "topic \"" + t.id + "\" is listed twice");
        p.topics.push_back(std::move(t));
    });

    each(root, "options", Need::optional, max_options, "options", [&](const Node& n) {
        if (!n.expect_object()) return;
        n.only({"id", "type", "label", "help", "choices", "default"});
        OptionRule o;
        o.id = n.id("id", Need::required).value_or("");
        o.label = n.text("label", Need::required, 200).value_or("");
        o.help = n.text("help", Need::optional).value_or("");
        const auto type = n.text("type", Need::required).value_or("");
        o.is_choice = type == "choice";
        if (type != "choice" && type != "boolean" && n.has("type"))
            n.problem_at("type", "\"" + type + "\" is not an option type (boolean, choice)");
        if (o.is_choice) {
            o.choices = read_ids(n, "choices", Need::required, max_topics, "choices");
            for (std::size_t i = 0; i < o.choices.size(); ++i)
                if (!topic_ids.count(o.choices[i])) n.at("choices").at(i).problem("\"" + o.choices[i] + "\" is not a topic of this program");
            if (auto d = n.id("default", Need::optional)) {
                if (std::find(o.choices.begin(), o.choices.end(), *d) == o.choices.end())
                    n.problem_at("default", "\"" + *d + "\" is not one of the option's choices");
                o.default_value = *d;
            }
        } else if (auto d = n.boolean("default", Need::optional)) {
            o.default_value = *d;
        }
        if (!o.is_choice && n.has("choices")) n.problem_at("choices", "only a choice option has choices");
        if (p.option(o.id)) n.problem_at("id", "option \"" + o.id + "\" is listed twice");
        p.options.push_back(std::move(o));
    });

    auto check_condition = [&](const Node& n, const std::optional<Condition>& c) {
        if (!c || c->option.empty()) return;
        const OptionRule* o = p.option(c->option);
        if (!o) { n.problem_at("option", "\"" + c->option + "\" is not an option of this program"); return; }
        if (c->equals && std::holds_alternative<bool>(*c->equals) == o->is_choice)
            n.problem_at("equals", o->is_choice ? "must be one of the option's choices" : "must be true or false");
        else if (const auto* s = c->equals ? std::get_if<std::string>(&*c->equals) : nullptr;
                 s && std::find(o->choices.begin(), o->choices.end(), *s) == o->choices.end())
            n.problem_at("equals", "\"" + *s + "\" is not one of the option's choices");
    };
    auto check_topics = [&](const Node& n, const std::vector<std::string>& ids, std::string_view key) {
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (!topic_ids.count(ids[i])) n.at(key).at(i).problem("\"" + ids[i] + "\" is not a topic of this program");
    };

    std::set<std::string> requirement_ids;
    std::vector<std::string> requirement_paths;
    each(root, "requirements", Need::required, max_requirements, "requirements", [&](const Node& n) {
        if (!n.expect_object()) return;
        n.only({"id", "name", "min", "min_when", "when", "eligible", "group", "cite", "interpretation"});
        Requirement q;
        q.id = n.id("id", Need::required).value_or("");
        q.name = n.text("name", Need::required, 200).value_or("");
        q.min = credit_amount(n, "min").value_or(Credits{});
        each(n, "min_when", Need::optional, max_conditions, "conditions", [&](const Node& m) {
            if (!m.expect_object()) return;
            m.only({"when", "min"});
            auto c = m.has("when") ? read_condition(m.at("when")) : std::nullopt;
            if (!m.has("when")) m.problem_at("when", "is required");
            check_condition(m.at("when"), c);
            auto amount = credit_amount(m, "min");
            if (c && amount) q.min_when.emplace_back(*c, *amount);
        });
        if (n.has("when")) { q.when = read_condition(n.at("when")); check_condition(n.at("when"), q.when); }
        if (n.has("eligible")) {
            q.eligible = read_eligibility(n.at("eligible"));
            check_topics(n.at("eligible"), q.eligible->topics_any, "topics_any");
            if (!q.eligible->except_option_topic.empty()) {
                const OptionRule* o = p.option(q.eligible->except_option_topic);
                if (!o || !o->is_choice)
                    n.at("eligible").problem_at("except_option_topic", "must name a choice option of this program");
            }
        }
        if (n.has("min_when") && n.at("min_when").raw().is_array() && n.at("min_when").raw().empty())
            n.problem_at("min_when", "must list at least one condition; leave it out otherwise");
        q.group = n.id("group", Need::optional).value_or("");
        q.cite = read_cite(n);
        if (!requirement_ids.insert(q.id).second) n.problem_at("id", "requirement \"" + q.id + "\" is listed twice");
        p.requirements.push_back(std::move(q));
        requirement_paths.push_back(n.path());
    });
    if (root.has("requirements") && p.requirements.empty() && root.at("requirements").raw().is_array())
        root.problem_at("requirements", "must list at least one requirement");
    // An activity counts toward one requirement of a group: the allocator's search grows with
    // how many share it.
    {
        std::map<std::string, std::size_t> in_group;
        for (std::size_t i = 0; i < p.requirements.size(); ++i)
            if (const auto& g = p.requirements[i].group; !g.empty() && ++in_group[g] == max_group_requirements + 1)
                problems.push_back({requirement_paths[i] + "/group",
                                    "\"" + g + "\" is the group of more than " + std::to_string(max_group_requirements) +
                                        " requirements; at most " + std::to_string(max_group_requirements) + " can share one"});
    }

    std::set<std::string> cap_ids, fee_ids;
    each(root, "caps", Need::optional, max_caps, "caps", [&](const Node& n) {
        if (!n.expect_object()) return;
        n.only({"id", "name", "max", "kinds_any", "topics_any", "cite", "interpretation"});
        Cap c;
        c.id = n.id("id", Need::required).value_or("");
        c.name = n.text("name", Need::required, 200).value_or("");
        c.max = credit_amount(n, "max").value_or(Credits{});
        c.kinds_any = read_kinds(n, "kinds_any");
        c.topics_any = read_ids(n, "topics_any", Need::optional, max_topics, "topics");
        check_topics(n, c.topics_any, "topics_any");
        if (!n.has("kinds_any") && !n.has("topics_any"))
            n.problem_at("kinds_any", "must list the activity kinds the cap limits, or give topics_any");
        c.cite = read_cite(n);
        // Ids are unique in every list of rules, as for requirements.
        if (!cap_ids.insert(c.id).second) n.problem_at("id", "cap \"" + c.id + "\" is listed twice");
        p.caps.push_back(std::move(c));
    });

    if (root.has("carry_over")) {
        const Node n = root.at("carry_over");
        if (n.expect_object()) {
            n.only({"requirement", "max", "months", "cite", "interpretation"});
            CarryOverRule c;
            c.requirement = n.id("requirement", Need::required).value_or("");
            if (n.has("requirement") && std::none_of(p.requirements.begin(), p.requirements.end(), [&](const Requirement& q) { return q.id == c.requirement; }))
                n.problem_at("requirement", "\"" + c.requirement + "\" is not one of this program's requirements");
            c.max = credit_amount(n, "max").value_or(Credits{});
            if (n.has("max") && c.max == Credits{}) n.problem_at("max", "must be more than 0: leave carry_over out otherwise");
            c.months = date::months{static_cast<int>(n.integer("months", Need::required, 1, 120).value_or(12))};
            c.cite = read_cite(n);
            if (p.cycle.type == CycleRule::Type::lookback)
                root.problem_at("carry_over", "a look-back window has no cycles to carry credits between");
            p.carry_over = std::move(c);
        }
    }

    if (root.has("dates")) limit(root.at("dates"), max_dates, "dates");
    if (root.has("dates") && root.at("dates").expect_object())
        for (const auto& [k, v] : root.at("dates").raw().items()) {
            Node n = root.at("dates").at(k);
            if (!n.expect_object()) continue;
            n.only({"from", "years", "month", "day", "days", "label", "cite", "interpretation"});
            DateRule d;
            d.id = k;
            if (!is_id(k)) root.at("dates").problem_at(k, "is not an id");
            const auto from = n.text("from", Need::required).value_or("cycle_end");
            if (from != "cycle_end" && from != "cycle_start") n.problem_at("from", "must be \"cycle_end\" or \"cycle_start\"");
            d.from_start = from == "cycle_start";
            d.years = date::years{static_cast<int>(n.integer("years", Need::optional, -20, 20).value_or(0))};
            d.days = date::days{static_cast<int>(n.integer("days", Need::optional, -3660, 3660).value_or(0))};
            if (auto m = n.integer("month", Need::optional, 1, 12)) d.month = static_cast<unsigned>(*m);
            if (auto dd = n.integer("day", Need::optional, 1, 31)) d.day = static_cast<unsigned>(*dd);
            if (d.month.has_value() != d.day.has_value()) n.problem("\"month\" and \"day\" go together");
            else if (d.month && !date::month_day{date::month{*d.month}, date::day{*d.day}}.ok())
                n.problem_at("day", "month " + std::to_string(*d.month) + " has no day " + std::to_string(*d.day));
            d.label = n.text("label", Need::required, 200).value_or("");
            d.cite = read_cite(n);
            p.dates.push_back(std::move(d));
        }
    if (p.cycle.type == CycleRule::Type::lookback && !p.dates.empty())
        root.problem_at("dates", "a look-back window has no calendar of its own: it ends on the day you apply");

    std::string listed_phases;  // "window_open, late, extension, grace"
    for (Phase ph : all_phases)
        if (listed_in_programs(ph)) listed_phases.append(listed_phases.empty() ? "" : ", ").append(to_string(ph));
    // The ids as written, so that a fee naming a phase refused here is not refused again.
    std::set<std::string> phase_ids;
    each(root, "phases", Need::optional, max_phases, "phases", [&](const Node& n) {
        if (!n.expect_object()) return;
        n.only({"id", "from", "after", "until", "when", "needs", "counts_activities", "text", "cite", "interpretation"});
        PhaseRule ph;
        const auto id = n.text("id", Need::required).value_or("");
        phase_ids.insert(id);
        if (const auto phase = parse_phase(id); phase && listed_in_programs(*phase)) ph.phase = *phase;
        else if (n.has("id")) n.problem_at("id", "\"" + id + "\" is not a phase (" + listed_phases + ")");
        if (n.has("from") == n.has("after")) n.problem("needs exactly one of \"from\" and \"after\"");
        ph.after = n.has("after");
        ph.from = n.id(ph.after ? "after" : "from", Need::optional).value_or("");
        ph.until = n.id("until", Need::required).value_or("");
        const std::pair<std::string_view, const std::string*> refs[] = {{ph.after ? "after" : "from", &ph.from}, {"until", &ph.until}};
        for (const auto& [key, named] : refs)
            if (!named->empty() && !p.date(*named))
                n.problem_at(key, std::string("\"").append(*named).append("\" is not one of this program's dates"));
        if (n.has("when")) { ph.when = read_condition(n.at("when")); check_condition(n.at("when"), ph.when); }
        if (n.has("needs")) {
            Node nd = n.at("needs");
            if (nd.expect_object()) {
                nd.only({"requirement", "percent", "by", "cite", "interpretation"});
                PhaseNeeds needs;
                needs.requirement = nd.id("requirement", Need::required).value_or("");
                if (!needs.requirement.empty() && !requirement_ids.count(needs.requirement))
                    nd.problem_at("requirement", "\"" + needs.requirement + "\" is not one of this program's requirements");
                needs.percent = static_cast<int>(nd.integer("percent", Need::required, 1, 100).value_or(100));
                needs.by = nd.id("by", Need::required).value_or("");
                if (!needs.by.empty() && !p.date(needs.by)) nd.problem_at("by", "\"" + needs.by + "\" is not one of this program's dates");
                needs.cite = read_cite(nd);
                ph.needs = std::move(needs);
            }
        }
        if (n.has("counts_activities")) {
            Node ca = n.at("counts_activities");
            if (ca.expect_object()) {
                ca.only({"cite", "interpretation"});
                ph.counts_activities = read_cite(ca);
            }
        }
        ph.text = n.text("text", Need::required).value_or("");
        ph.cite = read_cite(n);
        p.phases.push_back(std::move(ph));
    });

    each(root, "fees", Need::optional, max_fees, "fees", [&](const Node& n) {
        if (!n.expect_object()) return;
        n.only({"id", "label", "amount", "phase", "per_credit", "kinds_any", "cite", "interpretation"});
        FeeRule f;
        f.id = n.id("id", Need::required).value_or("");
        f.label = n.text("label", Need::required, 200).value_or("");
        f.amount = money_amount(n, "amount");
        f.per_credit = money_amount(n, "per_credit");
        if (f.per_credit && *f.per_credit > Money::whole(max_fee_per_credit))
            n.problem_at("per_credit", "is more than " + std::to_string(max_fee_per_credit) + " per credit");
        if (n.has("amount") == n.has("per_credit")) n.problem("needs exactly one of \"amount\" and \"per_credit\"");
        if (n.has("amount")) {
            const auto phase = n.text("phase", Need::required).value_or("");
            if (n.has("phase") && !phase_ids.count(phase)) n.problem_at("phase", "\"" + phase + "\" is not one of this program's phases");
            f.phase = parse_phase(phase);
            if (n.has("kinds_any")) n.problem_at("kinds_any", "goes with per_credit: a fee by phase is owed whatever the activities");
        } else {
            f.kinds_any = read_kinds(n, "kinds_any");
            if (!n.has("kinds_any")) n.problem_at("kinds_any", "must list the activity kinds charged per credit");
            if (n.has("phase")) n.problem_at("phase", "goes with amount: a fee per credit is owed in any phase");
        }
        f.cite = read_cite(n);
        if (!fee_ids.insert(f.id).second) n.problem_at("id", "fee \"" + f.id + "\" is listed twice");
        p.fees.push_back(std::move(f));
    });

    std::set<std::string> step_ids;
    each(root, "steps", Need::optional, max_steps, "steps", [&](const Node& n) {
        if (!n.expect_object()) return;
        n.only({"id", "name", "cite", "interpretation"});
        StepRule s;
        s.id = n.id("id", Need::required).value_or("");
        s.name = n.text("name", Need::required, 200).value_or("");
        s.cite = read_cite(n);
        if (!step_ids.insert(s.id).second) n.problem_at("id", "step \"" + s.id + "\" is listed twice");
        p.steps.push_back(std::move(s));
    });
    if (root.has("steps") && root.at("steps").raw().is_array() && root.at("steps").raw().empty())
        root.problem_at("steps", "must list at least one step; leave it out otherwise");

    std::set<std::string> evidence_ids;
    each(root, "evidence", Need::optional, max_evidence, "evidence rules", [&](const Node& n) {
        if (!n.expect_object()) return;
        n.only({"id", "name", "needs", "kinds_any", "cite", "interpretation"});
        EvidenceRule e;
        e.id = n.id("id", Need::required).value_or("");
        e.name = n.text("name", Need::required, 200).value_or("");
        if (const auto needs = n.text("needs", Need::required, 64)) {
            if (*needs == "certificate") e.needs = Proof::certificate;
            else if (*needs == "code") e.needs = Proof::code;
            else n.problem_at("needs", "is \"" + utf8_excerpt(*needs, 40) + "\", not certificate or code");
        }
        e.kinds_any = read_kinds(n, "kinds_any");
        e.cite = read_cite(n);
        if (!evidence_ids.insert(e.id).second) n.problem_at("id", "evidence \"" + e.id + "\" is listed twice");
        p.evidence.push_back(std::move(e));
    });

    // Every citation must point at a listed source.
    auto check_source = [&](const Cite& c, const std::string& where) {
        if (!c.source.empty() && !source_ids.count(c.source))
            problems.push_back({where + "/cite/source", "\"" + c.source + "\" is not one of this program's sources"});
    };
    check_source(p.credit.cite, "/credit");
    check_source(p.cycle.cite, "/cycle");
    if (p.lapse_cite) check_source(*p.lapse_cite, "/lapse");
    for (std::size_t i = 0; i < p.requirements.size(); ++i) check_source(p.requirements[i].cite, "/requirements/" + std::to_string(i));
    for (std::size_t i = 0; i < p.caps.size(); ++i) check_source(p.caps[i].cite, "/caps/" + std::to_string(i));
    if (p.carry_over) check_source(p.carry_over->cite, "/carry_over");
    for (const auto& d : p.dates) check_source(d.cite, "/dates/" + d.id);
    for (std::size_t i = 0; i < p.phases.size(); ++i) {
        const std::string where = "/phases/" + std::to_string(i);
        check_source(p.phases[i].cite, where);
        if (p.phases[i].needs) check_source(p.phases[i].needs->cite, where + "/needs");
        if (p.phases[i].counts_activities) check_source(*p.phases[i].counts_activities, where + "/counts_activities");
    }
    for (std::size_t i = 0; i < p.fees.size(); ++i) check_source(p.fees[i].cite, "/fees/" + std::to_string(i));
    for (std::size_t i = 0; i < p.steps.size(); ++i) check_source(p.steps[i].cite, "/steps/" + std::to_string(i));
    for (std::size_t i = 0; i < p.evidence.size(); ++i) check_source(p.evidence[i].cite, "/evidence/" + std::to_string(i));

    // A null replaces what a reader said at its place (it read no value); an empty string is
    // named where no reader already said why.
    std::set<std::string> spoken;
    for (const auto& q : problems) spoken.insert(q.where);
    std::set<std::string> null_at;
    for (const auto& q : nulls) null_at.insert(q.where);
    std::erase_if(problems, [&](const Problem& q) { return null_at.count(q.where) > 0; });
    for (auto& q : empties)
        if (!spoken.count(q.where)) problems.push_back(std::move(q));
    problems.insert(problems.end(), nulls.begin(), nulls.end());

    if (problems.empty()) r.program = std::move(p);
    return r;
}

ProgramResult parse_program(std::string_view text) {
    ProgramResult r;
    if (auto doc = parse_json(text, r.problems)) return read_program(*doc);
    return r;
}

}  // namespace recert
