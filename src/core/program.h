// A credential program's renewal rules, as read from programs/<id>.json (see programs/README.md).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dates.h"
#include "decimal.h"
#include "json_read.h"
#include "kinds.h"
#include "phases.h"

namespace recert {

struct Entry;

// Where a rule comes from; `interpretation` is set when the file chose what the source leaves open.
struct Cite {
    std::string source, quote, interpretation;
};

using OptionValue = std::variant<bool, std::string>;
using Options = std::map<std::string, OptionValue>;

struct Condition {
    std::string option;
    std::optional<OptionValue> equals;  // absent: the option only has to be set
    bool holds(const Options& options) const;
};

struct Eligibility {
    std::vector<std::string> topics_any;  // empty: any topic, or none
    std::vector<Kind> kinds_any;          // empty: any kind
    std::optional<bool> approved;
    std::string except_option_topic;      // option whose chosen topic does not count here
};

struct Requirement {
    std::string id, name;
    Credits min;
    std::vector<std::pair<Condition, Credits>> min_when;
    std::optional<Condition> when;
    std::optional<Eligibility> eligible;  // absent: every entry
    std::string group;                    // same group: an entry counts toward one of them
    Cite cite;
    Credits min_for(const Options& options) const;
};

// Limits what the entries it names count for. An entry may fall under several caps, each of which
// it uses up: a cap of some topics inside a cap of some kinds caps part of a category.
struct Cap {
    std::string id, name;
    Credits max;
    std::vector<Kind> kinds_any;          // empty: any kind
    std::vector<std::string> topics_any;  // empty: any topic, or none
    Cite cite;
    bool limits(const Entry& e) const;
};

// Credits beyond a requirement's minimum, from activities dated in a cycle's last `months`,
// count toward the next cycle as well, up to `max` (PMI's carry-over of excess PDUs).
struct CarryOverRule {
    std::string requirement;  // requirement id whose surplus carries
    Credits max;
    date::months months{12};
    Cite cite;
};

struct CreditRule {
    Places decimals{2};
    bool from_minutes = false;
    std::optional<Minutes> min_minutes;
    std::map<Kind, Credits> by_kind;
    Cite cite;
};

struct CycleRule {
    enum class Type { from_certification, anchored, lookback } type = Type::from_certification;
    date::years years{0};
    unsigned end_month = 0, end_day = 0;  // anchored
    // anchored: the first cycle starts the day after the first end_month/end_day on or after the
    // certification date (ASHA's "January 1 following"), not on the certification date itself
    bool starts_after_anchor = false;
    date::months months{0};               // lookback
    Cite cite;
};

// A date's id is the program's own choice, but for this one, which code names: the page paces
// what is missing to the "due" date (to the cycle's end in a program without one).
inline constexpr std::string_view due_date_id = "due";

struct DateRule {
    std::string id, label;
    bool from_start = false;  // from cycle_start rather than cycle_end
    date::years years{0};
    date::days days{0};
    std::optional<unsigned> month, day;
    Cite cite;
};

// A phase that applies only when `percent` of a requirement's minimum was earned by a date.
struct PhaseNeeds {
    std::string requirement;  // requirement id
    int percent = 100;
    std::string by;           // date id: activities dated up to that day count
    Cite cite;
};

struct PhaseRule {
    Phase phase = Phase::window_open;  // the file's "id": a phase listed_in_programs
    std::string text;
    std::string from;   // date id; the phase starts that day...
    bool after = false; // ...or the day after it
    std::string until;
    std::optional<Condition> when;
    std::optional<PhaseNeeds> needs;
    // Set when activities dated after the cycle's end, to the phase's last day, count toward a
    // cycle that was short of a requirement at its end (and so not toward the next cycle).
    std::optional<Cite> counts_activities;
    Cite cite;
};

struct FeeRule {
    std::string id, label;
    std::optional<Money> amount;      // owed in `phase`
    std::optional<Phase> phase;
    std::optional<Money> per_credit;  // or owed per credit counted from `kinds_any`
    std::vector<Kind> kinds_any;
    Cite cite;
};

// Something besides credits that renewal asks for (an exam, an application): the log records
// the day each was done, and the report is ready only once every one is.
struct StepRule {
    std::string id, name;  // name: what to do, as a person ticks it ("Pass the recertification exam")
    Cite cite;
};

// What the body asks to see for an activity that counts (its certificate, a verification code):
// each counted activity that lacks it is flagged, before an audit finds it.
enum class Proof { certificate, code };
struct EvidenceRule {
    std::string id, name;  // name: what an activity lacks, as its flag says ("DMEC verification code")
    Proof needs = Proof::certificate;
    std::vector<Kind> kinds_any;  // empty: activities of every kind
    Cite cite;
};

struct Topic { std::string id, name, group; };

struct OptionRule {
    std::string id, label, help;
    bool is_choice = false;
    std::vector<std::string> choices;
    std::optional<OptionValue> default_value;
};

struct Source { std::string id, title, url, file; };

struct Program {
    std::string id, name, credential, body, description, currency = "USD", lapse_text;
    std::optional<Cite> lapse_cite;  // version 2 files cite what a lapse means, as every rule does
    std::string unit_singular = "credit", unit_plural = "credits";
    std::vector<Source> sources;
    CreditRule credit;
    std::vector<Topic> topics;
    std::vector<OptionRule> options;
    CycleRule cycle;
    std::vector<Requirement> requirements;
    std::vector<Cap> caps;
    std::optional<CarryOverRule> carry_over;
    std::vector<DateRule> dates;
    std::vector<PhaseRule> phases;
    std::vector<FeeRule> fees;
    std::vector<StepRule> steps;
    std::vector<EvidenceRule> evidence;

    const DateRule* date(std::string_view id) const;
    const StepRule* step(std::string_view id) const;
    const Source* source(std::string_view id) const;
    const OptionRule* option(std::string_view id) const;
};

// Reads and checks a program file: every problem found, each with its JSON pointer.
struct ProgramResult {
    std::optional<Program> program;
    Problems problems;
};
ProgramResult parse_program(std::string_view text);
ProgramResult read_program(const nlohmann::json& doc);

inline constexpr std::string_view program_format = "recert-program";
// Version 2 writes what a lapse means as a rule object, "lapse": {"text", "cite"}; version 1
// files, with a bare "lapse_text", are still read.
inline constexpr int program_version = 2;

// Limits on a program file: generous for real programs (the shipped ones have at most 8
// requirements, 12 topics, 5 dates), and small enough that an evaluation's work is bounded.
// programs/schema.json states the same as maxItems / maxProperties (tests/web/schema.test.mjs
// reads them here); the group limit only the parser can check.
inline constexpr std::size_t max_requirements = 200;
inline constexpr std::size_t max_group_requirements = 32;  // requirements sharing one group
inline constexpr std::size_t max_topics = 200;             // also topics_any and an option's choices
inline constexpr std::size_t max_options = 20;
inline constexpr std::size_t max_conditions = 20;          // a requirement's min_when
inline constexpr std::size_t max_dates = 50;
inline constexpr std::size_t max_phases = 50;
inline constexpr std::size_t max_fees = 50;
inline constexpr std::size_t max_caps = 50;
inline constexpr std::size_t max_sources = 50;
inline constexpr std::size_t max_steps = 20;
inline constexpr std::size_t max_evidence = 10;
inline constexpr std::size_t max_kinds = 9;                // a kinds_any list: each activity kind once

}  // namespace recert
