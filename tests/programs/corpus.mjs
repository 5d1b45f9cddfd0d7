// The corpus of program files that programs/schema.json and `recert validate` must judge alike.
// Each case is a shipped program file (or the README's example) with one change:
//   valid(what, base, change)               both accept it
//   invalid(what, at, base, change)         both refuse it, each naming the JSON pointer `at`
//   readerOnly(what, at, why, base, change) a cross-reference a JSON Schema cannot state: the
//                                           schema accepts it, recert validate refuses it at `at`
// `change(p)` edits a copy of the parsed base; it may return text to write instead (for what
// JSON.stringify cannot write: 2.0, a repeated key). `at` may be {schema, reader} where the two
// name different places for one mistake.
const valid = (what, base, change) => ({ expect: "valid", what, base, change });
const invalid = (what, at, base, change) => ({ expect: "invalid", what, at, base, change });
const readerOnly = (what, at, why, base, change) => ({ expect: "reader", what, at, why, base, change });

const cpcs = "namss-cpcs.json", dual = "namss-dual.json", dmec = "dmec-clms.json", example = "template/example-ces.json";
const app = "ala-clm-application.json", recert = "ala-clm-recert.json", pmp = "pmi-pmp.json";
const text = (p) => JSON.stringify(p, null, 2);
const times = (n, make) => Array.from({ length: n }, (_, i) => make(i));

export const cases = [
  // What must still be accepted.
  valid("a minimum of 0", cpcs, (p) => { p.requirements[1].min = "0"; }),
  valid("amounts with two decimals and leading zeros", cpcs, (p) => { p.requirements[0].min = "029.50"; p.fees[0].amount = "0.05"; }),
  valid("the largest credits and fees", cpcs, (p) => { p.requirements[0].min = "1000000"; p.fees[0].amount = "1000000000"; }),
  valid("the largest credit per activity and fee per credit", dmec, (p) => { p.credit.by_kind.article = "1000.00"; p.fees[0].per_credit = "10000"; }),
  valid("a date on Feb 29", cpcs, (p) => { p.dates.window_opens.month = 2; p.dates.window_opens.day = 29; }),
  valid("whole numbers written 2.0 and 3e0", cpcs, (p) => text(p).replace('"decimals": 2', '"decimals": 2.0').replace('"years": 3', '"years": 3e0')),
  valid("a name of 200 characters outside ASCII", cpcs, (p) => { p.name = "é".repeat(199) + "😀"; }),
  valid("a description of 10,000 characters", cpcs, (p) => { p.description = "x".repeat(10000); }),
  valid("ids with capitals, digits and dots", cpcs, (p) => { p.requirements[0].id = "Total.v2"; p.phases[1].needs.requirement = "Total.v2"; }),
  valid("no optional field at all", cpcs, (p) => {
    for (const k of ["credential", "description", "currency", "lapse", "unit", "topics", "caps"]) delete p[k];
  }),
  valid("a choice option with a default among its choices", app, (p) => { p.options[0].default = "hr"; }),
  valid("$schema naming the schema", cpcs, (p) => { p.$schema = "https://recert.example/programs/schema.json"; }),
  valid("the README's example for a credential with no fees, caps or phases", example, (p) => {
    for (const k of ["fees", "caps", "phases", "dates", "options", "currency"]) delete p[k];
    delete p.requirements[0].min_when;
  }),
  valid("a carry-over from the last 6 months, of a requirement other than the total", pmp, (p) => {
    p.carry_over.months = 6; p.carry_over.requirement = "education";
  }),
  valid("a carry-over in a program with an anchored cycle", cpcs, (p) => {
    p.carry_over = { requirement: p.requirements[0].id, max: "5", months: 12, cite: p.cycle.cite };
  }),
  valid("a cap by topics alone", dmec, (p) => { delete p.caps[0].kinds_any; p.caps[0].topics_any = ["ethics"]; }),
  valid("a cap of one topic inside a cap of kinds", dmec, (p) => {
    p.caps.push({ ...p.caps[0], id: "ethics_articles", max: "2", kinds_any: ["article"], topics_any: ["ethics"] });
  }),
  valid("a version 1 file, which writes lapse_text", cpcs, (p) => { p.version = 1; p.lapse_text = p.lapse.text; delete p.lapse; }),
  valid("a source with a url", cpcs, (p) => { p.sources["namss-faq"].url = "https://www.namss.org/Certification/Recertification-Resources?x=1#faq"; }),

  // Amounts are decimal strings: a number is refused wherever an amount goes.
  invalid("a min written as a number", "/requirements/1/min", cpcs, (p) => { p.requirements[1].min = 15; }),
  invalid("the README's example with a min written as a number", "/requirements/0/min_when/0/min", example, (p) => { p.requirements[0].min_when[0].min = 12; }),
  invalid("a min_when min written as a number", "/requirements/0/min_when/0/min", dual, (p) => { p.requirements[0].min_when[0].min = 30; }),
  invalid("a cap's max written as a number", "/caps/0/max", dmec, (p) => { p.caps[0].max = 4; }),
  invalid("a fee amount written as a number", "/fees/0/amount", cpcs, (p) => { p.fees[0].amount = 50; }),
  invalid("a fee per credit written as a number", "/fees/0/per_credit", dmec, (p) => { p.fees[0].per_credit = 25.5; }),
  invalid("a credit by kind written as a number", "/credit/by_kind/microcredential", dmec, (p) => { p.credit.by_kind.microcredential = 1; }),
  invalid("a min with three decimals", "/requirements/0/min", cpcs, (p) => { p.requirements[0].min = "30.125"; }),
  invalid("a negative min", "/requirements/0/min", cpcs, (p) => { p.requirements[0].min = "-1"; }),
  invalid("a min written 1.", "/requirements/0/min", cpcs, (p) => { p.requirements[0].min = "1."; }),
  invalid("a min written .5", "/requirements/0/min", cpcs, (p) => { p.requirements[0].min = ".5"; }),
  invalid("an amount with a dollar sign", "/fees/0/amount", cpcs, (p) => { p.fees[0].amount = "$50"; }),
  invalid("a min past 1,000,000", "/requirements/0/min", cpcs, (p) => { p.requirements[0].min = "1000001"; }),
  invalid("a cap past 1,000,000", "/caps/0/max", dmec, (p) => { p.caps[0].max = "00012345678"; }),
  invalid("a credit by kind over 1000", "/credit/by_kind/article", dmec, (p) => { p.credit.by_kind.article = "1000.01"; }),
  invalid("a fee per credit over 10,000", "/fees/0/per_credit", dmec, (p) => { p.fees[0].per_credit = "10000.01"; }),
  invalid("a fee amount past 1,000,000,000", "/fees/0/amount", cpcs, (p) => { p.fees[0].amount = "1000000001"; }),

  // A misspelt or unknown field is named wherever it is.
  invalid("an unknown top-level field", "/renewal", cpcs, (p) => { p.renewal = {}; }),
  invalid("an unknown field in credit", "/credit/per_hour", cpcs, (p) => { p.credit.per_hour = true; }),
  invalid("an unknown field in an anchored cycle", "/cycle/end_year", cpcs, (p) => { p.cycle.end_year = 2025; }),
  invalid("months in a cycle counted in years", "/cycle/months", dmec, (p) => { p.cycle.months = 24; }),
  invalid("an unknown field on a requirement", "/requirements/0/minimum", cpcs, (p) => { p.requirements[0].minimum = "30"; }),
  invalid("an unknown field in eligible", "/requirements/1/eligible/kinds", cpcs, (p) => { p.requirements[1].eligible.kinds = ["course"]; }),
  invalid("an unknown field on a cap", "/caps/0/kinds", dmec, (p) => { p.caps[0].kinds = ["article"]; }),
  invalid("an unknown field on a date", "/dates/due/offset", cpcs, (p) => { p.dates.due.offset = 1; }),
  invalid("an unknown field in needs", "/phases/1/needs/share", cpcs, (p) => { p.phases[1].needs.share = "1/2"; }),
  invalid("an unknown field in counts_activities", "/phases/1/counts_activities/text", cpcs, (p) => { p.phases[1].counts_activities.text = "x"; }),
  invalid("a condition on a fee", "/fees/0/when", cpcs, (p) => { p.fees[0].when = { option: "extension_requested", equals: true }; }),
  invalid("an unknown field in a cite", "/requirements/0/cite/page", cpcs, (p) => { p.requirements[0].cite.page = 3; }),
  invalid("an unknown field on an option", "/options/0/hint", cpcs, (p) => { p.options[0].hint = "x"; }),
  invalid("an unknown field on a topic", "/topics/0/code", dmec, (p) => { p.topics[0].code = "F"; }),
  invalid("an unknown field on a source", "/sources/namss-faq/author", cpcs, (p) => { p.sources["namss-faq"].author = "NAMSS"; }),
  invalid("an unknown field in unit", "/unit/short", cpcs, (p) => { p.unit.short = "cr"; }),
  invalid("an unknown field in a condition", "/phases/1/when/value", cpcs, (p) => { p.phases[1].when.value = true; }),

  // Wrong types.
  invalid("a name that is a number", "/name", cpcs, (p) => { p.name = 5; }),
  invalid("topics as an object", "/topics", dmec, (p) => { p.topics = {}; }),
  invalid("requirements as an object", "/requirements", cpcs, (p) => { p.requirements = { total: p.requirements[0] }; }),
  invalid("a requirement that is a string", "/requirements/0", cpcs, (p) => { p.requirements[0] = "total"; }),
  invalid("approved written \"yes\"", "/requirements/1/eligible/approved", cpcs, (p) => { p.requirements[1].eligible.approved = "yes"; }),
  invalid("from_minutes written \"true\"", "/credit/from_minutes", cpcs, (p) => { p.credit.from_minutes = "true"; }),
  invalid("decimals written \"2\"", "/credit/decimals", cpcs, (p) => { p.credit.decimals = "2"; }),
  invalid("years written \"3\"", "/cycle/years", cpcs, (p) => { p.cycle.years = "3"; }),
  invalid("a percent of 50.5", "/phases/1/needs/percent", cpcs, (p) => { p.phases[1].needs.percent = 50.5; }),
  invalid("the cycle as a string", "/cycle", cpcs, (p) => { p.cycle = "anchored"; }),
  invalid("sources as a list", "/sources", cpcs, (p) => { p.sources = [p.sources["namss-faq"]]; }),
  invalid("dates as a list", "/dates", cpcs, (p) => { p.dates = [p.dates.due]; }),
  invalid("a cite that is a source id", "/requirements/0/cite", cpcs, (p) => { p.requirements[0].cite = "namss-faq"; }),
  invalid("a boolean option's default written \"no\"", "/options/0/default", cpcs, (p) => { p.options[0].default = "no"; }),
  invalid("a choice option's default written true", "/options/0/default", app, (p) => { p.options[0].default = true; }),
  invalid("$schema that is not a string", "/$schema", cpcs, (p) => { p.$schema = 5; }),

  // Missing required fields.
  ...["format", "version", "id", "name", "body", "sources", "credit", "cycle", "requirements"].map((k) =>
    invalid(`no ${k}`, `/${k}`, cpcs, (p) => { delete p[k]; })),
  ...["id", "name", "min", "cite"].map((k) =>
    invalid(`a requirement without ${k}`, `/requirements/0/${k}`, cpcs, (p) => { delete p.requirements[0][k]; })),
  invalid("a cite without quote", "/requirements/0/cite/quote", cpcs, (p) => { delete p.requirements[0].cite.quote; }),
  invalid("a cite without source", "/cycle/cite/source", cpcs, (p) => { delete p.cycle.cite.source; }),
  invalid("a rule without cite", "/credit/cite", cpcs, (p) => { delete p.credit.cite; }),
  invalid("a phase's needs without cite", "/phases/1/needs/cite", cpcs, (p) => { delete p.phases[1].needs.cite; }),
  invalid("counts_activities without cite", "/phases/1/counts_activities/cite", cpcs, (p) => { delete p.phases[1].counts_activities.cite; }),
  invalid("a cap without kinds_any", "/caps/0/kinds_any", dmec, (p) => { delete p.caps[0].kinds_any; }),
  invalid("a carry-over without its max", "/carry_over/max", pmp, (p) => { delete p.carry_over.max; }),
  invalid("a carry-over of 0 months", "/carry_over/months", pmp, (p) => { p.carry_over.months = 0; }),
  invalid("a carry-over of more than 120 months", "/carry_over/months", pmp, (p) => { p.carry_over.months = 121; }),
  invalid("a carry-over without a citation", "/carry_over/cite", pmp, (p) => { delete p.carry_over.cite; }),
  invalid("a carry-over with a field it does not have", "/carry_over/years", pmp, (p) => { p.carry_over.years = 1; }),
  invalid("a carry-over in a look-back window", "/carry_over", app, (p) => {
    p.carry_over = { requirement: p.requirements[0].id, max: "5", months: 12, cite: p.cycle.cite };
  }),
  invalid("a cap with an empty topics_any", "/caps/0/topics_any", dmec, (p) => { p.caps[0].topics_any = []; }),
  invalid("a date without label", "/dates/due/label", cpcs, (p) => { delete p.dates.due.label; }),
  invalid("a date without from", "/dates/due/from", cpcs, (p) => { delete p.dates.due.from; }),
  invalid("a phase without until", "/phases/0/until", cpcs, (p) => { delete p.phases[0].until; }),
  invalid("a phase without text", "/phases/0/text", cpcs, (p) => { delete p.phases[0].text; }),
  invalid("a phase's needs without a date", "/phases/1/needs/by", cpcs, (p) => { delete p.phases[1].needs.by; }),
  invalid("a fee without label", "/fees/0/label", cpcs, (p) => { delete p.fees[0].label; }),
  invalid("a fee with an amount but no phase", "/fees/0/phase", cpcs, (p) => { delete p.fees[0].phase; }),
  invalid("a fee per credit without kinds_any", "/fees/0/kinds_any", dmec, (p) => { delete p.fees[0].kinds_any; }),
  invalid("an option without type", "/options/0/type", cpcs, (p) => { delete p.options[0].type; }),
  invalid("an option without label", "/options/0/label", cpcs, (p) => { delete p.options[0].label; }),
  invalid("a topic without name", "/topics/0/name", dmec, (p) => { delete p.topics[0].name; }),
  invalid("a source without title", "/sources/namss-faq/title", cpcs, (p) => { delete p.sources["namss-faq"].title; }),
  invalid("credit without decimals", "/credit/decimals", cpcs, (p) => { delete p.credit.decimals; }),
  invalid("an anchored cycle without end_day", "/cycle/end_day", cpcs, (p) => { delete p.cycle.end_day; }),
  invalid("a cycle from certification without years", "/cycle/years", dmec, (p) => { delete p.cycle.years; }),
  invalid("a look-back cycle without months", "/cycle/months", app, (p) => { delete p.cycle.months; }),
  invalid("a unit without plural", "/unit/plural", cpcs, (p) => { delete p.unit.plural; }),
  invalid("an empty list of requirements", "/requirements", cpcs, (p) => { p.requirements = []; }),

  // Calendars that cannot be.
  invalid("a month 13", "/dates/window_opens/month", cpcs, (p) => { p.dates.window_opens.month = 13; }),
  invalid("September 31", "/dates/window_opens/day", cpcs, (p) => { p.dates.window_opens.month = 9; p.dates.window_opens.day = 31; }),
  invalid("February 30", "/dates/late_until/day", cpcs, (p) => { p.dates.late_until.month = 2; p.dates.late_until.day = 30; }),
  invalid("a cycle ending on Feb 29", "/cycle/end_day", cpcs, (p) => { p.cycle.end_month = 2; p.cycle.end_day = 29; }),
  invalid("a cycle ending in month 13", "/cycle/end_month", cpcs, (p) => { p.cycle.end_month = 13; }),
  invalid("a month without its day", { schema: "/dates/window_opens/day", reader: "/dates/window_opens" }, cpcs, (p) => { delete p.dates.window_opens.day; }),
  invalid("a date from another date", "/dates/due/from", cpcs, (p) => { p.dates.due.from = "due"; }),
  invalid("a date 4000 days on", "/dates/due/days", cpcs, (p) => { p.dates.due.days = 4000; }),
  invalid("a date id with a space", "/dates/Due Date", cpcs, (p) => { p.dates["Due Date"] = p.dates.due; }),
  invalid("a look-back window with dates", "/dates", app, (p) => { p.dates = { due: { from: "cycle_end", label: "Due", cite: p.cycle.cite } }; }),

  // Unknown kinds, phases, types.
  invalid("an unknown activity kind in a fee", "/fees/0/kinds_any/0", dmec, (p) => { p.fees[0].kinds_any[0] = "blog"; }),
  invalid("the README's example capping an unknown kind", "/caps/0/kinds_any/0", example, (p) => { p.caps[0].kinds_any = ["articles"]; }),
  invalid("an unknown activity kind in by_kind", "/credit/by_kind/webinar", dmec, (p) => { p.credit.by_kind.webinar = "1"; }),
  invalid("an unknown activity kind in eligible", "/requirements/1/eligible/kinds_any/0", cpcs, (p) => { p.requirements[1].eligible.kinds_any = ["seminar"]; }),
  invalid("an unknown activity kind in a cap", "/caps/0/kinds_any/1", dmec, (p) => { p.caps[0].kinds_any[1] = "webinar"; }),
  invalid("an unknown phase id", "/phases/0/id", cpcs, (p) => { p.phases[0].id = "open"; }),
  invalid("a fee in an unknown phase", "/fees/0/phase", cpcs, (p) => { p.fees[0].phase = "overdue"; }),
  invalid("an unknown cycle type", "/cycle/type", cpcs, (p) => { p.cycle.type = "yearly"; }),
  invalid("an unknown option type", "/options/0/type", cpcs, (p) => { p.options[0].type = "number"; }),
  invalid("another format", "/format", cpcs, (p) => { p.format = "recert-programme"; }),
  invalid("version 0", "/version", cpcs, (p) => { p.version = 0; }),
  invalid("version 3", "/version", cpcs, (p) => { p.version = 3; }),
  invalid("a version 2 file with lapse_text", "/lapse_text", cpcs, (p) => { p.lapse_text = p.lapse.text; delete p.lapse; }),
  invalid("a version 1 file with lapse", "/lapse", cpcs, (p) => { p.version = 1; }),
  invalid("a lapse as a bare text", "/lapse", cpcs, (p) => { p.lapse = p.lapse.text; }),
  invalid("a lapse without cite", "/lapse/cite", cpcs, (p) => { delete p.lapse.cite; }),
  invalid("a lapse without text", "/lapse/text", cpcs, (p) => { delete p.lapse.text; }),
  invalid("an unknown field in lapse", "/lapse/when", cpcs, (p) => { p.lapse.when = { option: "extension_requested", equals: true }; }),
  invalid("version written \"1\"", "/version", cpcs, (p) => { p.version = "1"; }),

  // Limits.
  invalid("201 requirements", "/requirements", cpcs, (p) => { p.requirements = times(201, (i) => ({ ...p.requirements[0], id: `r${i}` })); }),
  invalid("201 topics", "/topics", dmec, (p) => { p.topics.push(...times(196, (i) => ({ id: `t${i}`, name: "Topic" }))); }),
  invalid("21 options", "/options", cpcs, (p) => { p.options.push(...times(20, (i) => ({ ...p.options[0], id: `o${i}` }))); }),
  invalid("21 conditions in min_when", "/requirements/0/min_when", dual, (p) => { p.requirements[0].min_when = times(21, () => p.requirements[0].min_when[0]); }),
  invalid("51 dates", "/dates", cpcs, (p) => { for (let i = 0; i < 46; ++i) p.dates[`d${i}`] = p.dates.due; }),
  invalid("51 phases", "/phases", cpcs, (p) => { p.phases.push(...times(47, () => p.phases[0])); }),
  invalid("51 fees", "/fees", cpcs, (p) => { p.fees.push(...times(48, (i) => ({ ...p.fees[0], id: `f${i}` }))); }),
  invalid("51 caps", "/caps", dmec, (p) => { p.caps.push(...times(50, (i) => ({ ...p.caps[0], id: `c${i}` }))); }),
  invalid("51 sources", "/sources", cpcs, (p) => { for (let i = 0; i < 50; ++i) p.sources[`s${i}`] = { title: "Another page" }; }),
  invalid("a name of 201 characters", "/name", cpcs, (p) => { p.name = "x".repeat(201); }),
  invalid("a description of 10,001 characters", "/description", cpcs, (p) => { p.description = "é".repeat(10001); }),
  invalid("an id of 65 characters", "/id", cpcs, (p) => { p.id = "a".repeat(65); }),
  invalid("a unit of 41 characters", "/unit/singular", cpcs, (p) => { p.unit.singular = "u".repeat(41); }),
  invalid("kinds_any naming a kind twice", "/caps/0/kinds_any", dmec, (p) => { p.caps[0].kinds_any.push("article"); }),
  invalid("kinds_any naming ten kinds", "/fees/0/kinds_any", dmec, (p) => {
    p.fees[0].kinds_any = ["live_webinar", "recording", "conference", "microcredential", "course", "presentation", "in_service", "article", "other", "other"];
  }),
  invalid("a minimum of 0 minutes", "/credit/min_minutes", app, (p) => { p.credit.min_minutes = 0; }),
  invalid("a cycle of 21 years", "/cycle/years", dmec, (p) => { p.cycle.years = 21; }),
  invalid("a percent of 0", "/phases/1/needs/percent", cpcs, (p) => { p.phases[1].needs.percent = 0; }),
  invalid("a percent of 101", "/phases/1/needs/percent", cpcs, (p) => { p.phases[1].needs.percent = 101; }),

  // Conditions.
  invalid("a condition with both equals and set", "/phases/1/when", cpcs, (p) => { p.phases[1].when.set = true; }),
  invalid("a condition with set: false", "/phases/1/when", cpcs, (p) => { p.phases[1].when = { option: "extension_requested", set: false }; }),
  invalid("a condition equal to a number", "/phases/1/when/equals", cpcs, (p) => { p.phases[1].when.equals = 1; }),
  invalid("a condition without an option", "/requirements/0/when/option", cpcs, (p) => { p.requirements[0].when = { equals: true }; }),
  invalid("a min_when without when", "/requirements/0/min_when/0/when", dual, (p) => { delete p.requirements[0].min_when[0].when; }),
  invalid("an empty min_when", "/requirements/0/min_when", dual, (p) => { p.requirements[0].min_when = []; }),

  // Fields that go together, or not.
  invalid("a fee with both amount and per_credit", "/fees/0", cpcs, (p) => { p.fees[0].per_credit = "25"; }),
  invalid("a fee with neither amount nor per_credit", "/fees/0", cpcs, (p) => { delete p.fees[0].amount; }),
  invalid("a fee by phase that lists kinds", "/fees/0/kinds_any", cpcs, (p) => { p.fees[0].kinds_any = ["course"]; }),
  invalid("a fee per credit that names a phase", "/fees/0/phase", dmec, (p) => { p.fees[0].phase = "grace"; }),
  invalid("a phase with both from and after", "/phases/0", cpcs, (p) => { p.phases[0].after = "due"; }),
  invalid("a phase with neither from nor after", "/phases/0", cpcs, (p) => { delete p.phases[0].from; }),
  invalid("counts_activities written true", "/phases/1/counts_activities", cpcs, (p) => { p.phases[1].counts_activities = true; }),
  invalid("a yes/no option with choices", "/options/0/choices", cpcs, (p) => { p.options[0].choices = ["x"]; }),
  invalid("a choice option without choices", "/options/0/choices", app, (p) => { delete p.options[0].choices; }),
  invalid("a choice option with no choices", "/options/0/choices", app, (p) => { p.options[0].choices = []; }),
  invalid("a choice listed twice", "/options/0/choices", app, (p) => { p.options[0].choices.push("hr"); }),
  invalid("an empty eligible", "/requirements/1/eligible", cpcs, (p) => { p.requirements[1].eligible = {}; }),
  invalid("an empty topics_any", "/requirements/0/eligible/topics_any", dmec, (p) => { p.requirements[0].eligible.topics_any = []; }),
  invalid("a topic listed twice in topics_any", "/requirements/0/eligible/topics_any", dmec, (p) => { p.requirements[0].eligible.topics_any.push("fmla"); }),
  invalid("an empty kinds_any in eligible", "/requirements/1/eligible/kinds_any", cpcs, (p) => { p.requirements[1].eligible.kinds_any = []; }),
  invalid("except_option_topic without topics_any", "/requirements/5/eligible/topics_any", app, (p) => { delete p.requirements[5].eligible.topics_any; }),
  invalid("an empty by_kind", "/credit/by_kind", dmec, (p) => { p.credit.by_kind = {}; }),
  invalid("an empty sources", "/sources", cpcs, (p) => { p.sources = {}; }),

  // Nothing is null or empty.
  invalid("a credential of null", "/credential", cpcs, (p) => { p.credential = null; }),
  invalid("caps of null", "/caps", dmec, (p) => { p.caps = null; }),
  invalid("a min of null", "/requirements/0/min", cpcs, (p) => { p.requirements[0].min = null; }),
  invalid("approved of null", "/requirements/1/eligible/approved", cpcs, (p) => { p.requirements[1].eligible.approved = null; }),
  invalid("an empty name", "/name", cpcs, (p) => { p.name = ""; }),
  invalid("an empty interpretation", "/requirements/0/interpretation", cpcs, (p) => { p.requirements[0].interpretation = ""; }),
  invalid("an empty quote", "/fees/0/cite/quote", cpcs, (p) => { p.fees[0].cite.quote = ""; }),
  invalid("an empty unit", "/unit/singular", cpcs, (p) => { p.unit.singular = ""; }),
  invalid("an empty source file", "/sources/namss-faq/file", cpcs, (p) => { p.sources["namss-faq"].file = ""; }),
  invalid("an empty phase text", "/phases/0/text", cpcs, (p) => { p.phases[0].text = ""; }),
  invalid("an empty topic group", "/topics/0/group", dmec, (p) => { p.topics[0].group = ""; }),
  invalid("a condition equal to \"\"", "/requirements/5/when/equals", app, (p) => { p.requirements[5].when = { option: "specialist_area", equals: "" }; }),
  invalid("an empty $schema", "/$schema", cpcs, (p) => { p.$schema = ""; }),

  // Ids, currency, links.
  invalid("an id with a space", "/id", cpcs, (p) => { p.id = "namss cpcs"; }),
  invalid("a requirement id with a slash", "/requirements/0/id", cpcs, (p) => { p.requirements[0].id = "total/all"; p.phases[1].needs.requirement = "total/all"; }),
  invalid("a source id with a space", "/sources/NAMSS FAQ", cpcs, (p) => { p.sources["NAMSS FAQ"] = p.sources["namss-faq"]; }),
  invalid("a currency in lower case", "/currency", cpcs, (p) => { p.currency = "usd"; }),
  invalid("a currency of two letters", "/currency", cpcs, (p) => { p.currency = "US"; }),
  invalid("a link that is not http", "/sources/namss-faq/url", cpcs, (p) => { p.sources["namss-faq"].url = "javascript:alert(1)"; }),
  invalid("a link with a space", "/sources/namss-faq/url", cpcs, (p) => { p.sources["namss-faq"].url = "https://www.namss.org/a b"; }),

  // Cross-references: the schema cannot see them, the reader must.
  readerOnly("a carry-over of a requirement the program lacks", "/carry_over/requirement", "carry_over names one of the program's requirements",
    pmp, (p) => { p.carry_over.requirement = "totl"; }),
  readerOnly("a carry-over of at most 0", "/carry_over/max", "a carry-over carries more than 0",
    pmp, (p) => { p.carry_over.max = "0"; }),
  readerOnly("a topic the program does not list", "/requirements/0/eligible/topics_any/0", "topics_any names the program's own topics",
    dmec, (p) => { p.requirements[0].eligible.topics_any[0] = "zzz"; }),
  readerOnly("a choice that is not a topic", "/options/0/choices/0", "an option's choices are the program's topics",
    app, (p) => { p.options[0].choices[0] = "tax"; }),
  readerOnly("a condition on an unknown option", "/phases/1/when/option", "a condition names an option of the program",
    cpcs, (p) => { p.phases[1].when.option = "extension"; }),
  readerOnly("a yes/no option compared with text", "/phases/1/when/equals", "equals must fit the option's type",
    cpcs, (p) => { p.phases[1].when.equals = "yes"; }),
  readerOnly("a condition on a choice the option lacks", "/requirements/5/when/equals", "equals must be one of the option's choices",
    app, (p) => { p.requirements[5].when = { option: "specialist_area", equals: "tax" }; }),
  readerOnly("a default that is not a choice", "/options/0/default", "a choice option's default is one of its choices",
    app, (p) => { p.options[0].default = "writing"; }),
  readerOnly("except_option_topic naming no choice option", "/requirements/5/eligible/except_option_topic", "it names a choice option of the program",
    app, (p) => { p.requirements[5].eligible.except_option_topic = "nope"; }),
  readerOnly("a phase ending on an unknown date", "/phases/2/until", "phases name the program's dates",
    cpcs, (p) => { p.phases[2].until = "new_year"; }),
  readerOnly("needs naming an unknown requirement", "/phases/1/needs/requirement", "needs names a requirement of the program",
    cpcs, (p) => { p.phases[1].needs.requirement = "ce"; }),
  readerOnly("needs by an unknown date", "/phases/1/needs/by", "needs names a date of the program",
    cpcs, (p) => { p.phases[1].needs.by = "dec_1"; }),
  readerOnly("a fee in a phase the program lacks", "/fees/2/phase", "a fee's phase is one the program lists",
    cpcs, (p) => { p.phases.splice(3, 1); }),
  readerOnly("a cite of an unlisted source", "/cycle/cite/source", "a cite names one of the program's sources",
    cpcs, (p) => { p.cycle.cite.source = "hearsay"; }),
  readerOnly("a lapse citing an unlisted source", "/lapse/cite/source", "a cite names one of the program's sources",
    cpcs, (p) => { p.lapse.cite.source = "hearsay"; }),
  readerOnly("a topic listed twice", "/topics/5/id", "ids are unique in their list",
    dmec, (p) => { p.topics.push({ id: "fmla", name: "FMLA again" }); }),
  readerOnly("an option listed twice", "/options/1/id", "ids are unique in their list",
    cpcs, (p) => { p.options.push(p.options[0]); }),
  readerOnly("a requirement listed twice", "/requirements/1/id", "ids are unique in their list",
    cpcs, (p) => { p.requirements[1].id = "total"; }),
  readerOnly("a cap naming a topic the program lacks", "/caps/0/topics_any/0", "topic ids must exist",
    dmec, (p) => { p.caps[0].topics_any = ["volunteering"]; }),
  readerOnly("a cap listed twice", "/caps/1/id", "ids are unique in their list",
    dmec, (p) => { p.caps.push(p.caps[0]); }),
  readerOnly("a fee listed twice", "/fees/1/id", "ids are unique in their list",
    cpcs, (p) => { p.fees[1].id = "late"; }),
  readerOnly("a step listed twice", "/steps/1/id", "ids are unique in their list",
    cpcs, (p) => { p.steps[1].id = "application"; }),
  readerOnly("a step citing an unlisted source", "/steps/0/cite/source", "a cite names one of the program's sources",
    dmec, (p) => { p.steps[0].cite.source = "hearsay"; }),
  invalid("a step without cite", "/steps/0/cite", dmec, (p) => { delete p.steps[0].cite; }),
  invalid("a step without name", "/steps/0/name", dmec, (p) => { delete p.steps[0].name; }),
  invalid("a step with a due date, which steps do not have", "/steps/0/due", dmec, (p) => { p.steps[0].due = "due"; }),
  invalid("an empty list of steps", "/steps", dmec, (p) => { p.steps = []; }),
  valid("a step with an interpretation", dmec, (p) => { p.steps[0].interpretation = "Our reading."; }),
  valid("a program without steps", cpcs, (p) => { delete p.steps; }),
  readerOnly("33 requirements in one group", "/requirements/32/group", "a schema cannot count the members of a group",
    app, (p) => { p.requirements = times(33, (i) => ({ ...p.requirements[0], id: `r${i}` })); }),
  readerOnly("an id that is not the file name", "/id", "the file name is not in the document",
    cpcs, (p) => { p.id = "namss-cpcs-copy"; return { file: "namss-cpcs.json", text: text(p) }; }),
  readerOnly("a key given twice", "/dates/due", "JSON.parse keeps the last of a repeated key: the schema never sees the first",
    cpcs, (p) => text(p).replace('"dates": {', '"dates": {\n    "due": {"from": "cycle_start", "label": "Again", "cite": {"source": "namss-faq", "quote": "x"}},')),
];
