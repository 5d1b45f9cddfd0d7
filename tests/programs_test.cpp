// The shipped program files, read as a specification: each test states one fact of the
// certifying body's source document (shared/seeds, cited in the comment above it) that a
// program file encodes, and fails if the file encoded it wrongly.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support.h"

namespace recert::test {

namespace {

const char* const namss_programs[] = {"namss-cpcs", "namss-cpmsm", "namss-dual"};

std::string iso(Date d) { return to_iso(d); }
std::string why(const CredentialReport& r, const std::string& entry_id) { return std::string(to_string(entry(r, entry_id).excluded)); }
std::string phase(const CredentialReport& r) { return std::string(to_string(r.phase)); }
std::string earned(const CredentialReport& r, const std::string& requirement_id) { return requirement(r, requirement_id).earned.to_string(); }
std::string required(const CredentialReport& r, const std::string& requirement_id) { return requirement(r, requirement_id).required.to_string(); }
std::string counted(const CredentialReport& r, const std::string& entry_id) { return entry(r, entry_id).counted.to_string(); }
std::string amount(const CredentialReport& r, const std::string& entry_id) { return entry(r, entry_id).amount.to_string(); }
std::string on(const CredentialReport& r, const std::string& deadline_id) { return iso(deadline(r, deadline_id).date); }

bool has_requirement(const CredentialReport& r, const std::string& id) {
    for (const auto& q : r.requirements)
        if (q.id == id) return true;
    return false;
}

// The ids of the requirements that apply, in the program's order, separated by spaces.
std::string requirement_ids(const CredentialReport& r) {
    std::string ids;
    for (const auto& q : r.requirements) ids += (ids.empty() ? "" : " ") + q.id;
    return ids;
}

// The requirements an entry counts toward, separated by spaces.
std::string toward(const CredentialReport& r, const std::string& entry_id) {
    std::string ids;
    for (const auto& q : entry(r, entry_id).toward) ids += (ids.empty() ? "" : " ") + q;
    return ids;
}

// "id=amount" for every fee owed, in the report's order: "" when none.
std::string fees(const CredentialReport& r) {
    std::string out;
    for (const auto& f : r.fees) out += (out.empty() ? "" : " ") + f.id + "=" + f.amount.to_string();
    return out;
}

// Phase of a credential (of `program_id`, with `credential_json`) on `as_of`, with an empty log.
std::string phase_on(const std::string& program_id, const std::string& credential_json, const char* as_of) {
    const auto r = evaluate_one(program_id, credential_json, "", as_of);
    REQUIRE(r.problems.empty());
    return phase(r);
}

std::string fees_on(const std::string& program_id, const std::string& credential_json, const char* as_of) {
    return fees(evaluate_one(program_id, credential_json, "", as_of));
}

// An entry list with one NAMSS-approved conference worth `credits` on `date`.
std::string earned_on(const char* date, const char* credits) {
    return std::string(R"([{"id": "e)") + date + R"(", "title": "Conference )" + date + R"(", "date": ")" + date + R"(", "credits": ")" + credits +
           R"(", "kind": "conference", "approved": true}])";
}

// Two JSON entry lists as one.
std::string joined(const std::string& a, const std::string& b) { return a.substr(0, a.size() - 1) + "," + b.substr(1); }

// Per NAMSS program: credits just short of half the total required, exactly half, and the words
// saying an extension needs it.
struct NamssHalf {
    const char *id, *short_of_half, *half, *why;
};
const NamssHalf namss_halves[] = {
    {"namss-cpcs", "14.99", "15", "an extension needs at least 15 of your 30 credits by 2022-12-01, and you had 14.99"},
    {"namss-cpmsm", "14.99", "15", "an extension needs at least 15 of your 30 credits by 2022-12-01, and you had 14.99"},
    {"namss-dual", "22.49", "22.5", "an extension needs at least 22.5 of your 45 credits by 2022-12-01, and you had 22.49"},
};

const CredentialReport& only_credential(const Report& report) {
    REQUIRE(report.credentials.size() == 1);
    REQUIRE(report.credentials[0].problems.empty());
    return report.credentials[0];
}

Report shipped_example(const std::string& id) {
    return evaluate(all_programs(), log_from(read_text("programs/examples/" + id + ".json")), day("2026-11-26"));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// NAMSS CPCS, CPMSM and dual (003_3291c8eb506c197d.txt)
// ---------------------------------------------------------------------------------------------

// "You may submit any CE credits earned between December 2, 2019 and December 1, 2022. If you
// became newly certified in 2019, you may submit any credits earned after your initial
// certification date."
TEST_CASE("NAMSS: a new certificant's first cycle runs from the certification date to Dec 1 three years after the certification year") {
    for (const char* id : namss_programs) {
        CAPTURE(id);
        const auto may = evaluate_one(id, R"({"certified_on": "2019-05-10"})", "", "2021-01-01");
        REQUIRE(may.problems.empty());
        CHECK(iso(may.start) == "2019-05-10");
        CHECK(iso(may.end) == "2022-12-01");
        // Certified in December 2019, after Dec 1: still a 2019 certificant, due in 2022.
        const auto december = evaluate_one(id, R"({"certified_on": "2019-12-15"})", "", "2021-01-01");
        CHECK(iso(december.start) == "2019-12-15");
        CHECK(iso(december.end) == "2022-12-01");
    }
}

// "If you became newly certified in 2019, you may submit any credits earned after your initial
// certification date."
TEST_CASE("NAMSS: credits earned before the certification date do not count in the first cycle") {
    for (const char* id : namss_programs) {
        CAPTURE(id);
        const auto r = evaluate_one(id, R"({"certified_on": "2019-05-10"})", R"([
            {"id": "before", "title": "Exam prep course", "date": "2019-05-09", "credits": 4, "kind": "course", "approved": true},
            {"id": "on_the_day", "title": "Webinar on certification day", "date": "2019-05-10", "credits": 1, "kind": "live_webinar", "approved": true}
        ])", "2021-01-01");
        CHECK(why(r, "before") == "outside_cycle");
        CHECK(why(r, "on_the_day") == "");
        CHECK(earned(r, "total") == "1");
    }
}

// "What is the official recertification cycle this year? You may submit any CE credits earned
// between December 2, 2019 and December 1, 2022."
TEST_CASE("NAMSS: after a renewal the cycle runs from Dec 2 to Dec 1 three years later") {
    for (const char* id : namss_programs) {
        CAPTURE(id);
        const auto second = evaluate_one(id, R"({"certified_on": "2019-05-10", "renewed_through": "2022-12-01"})", "", "2024-01-01");
        REQUIRE(second.problems.empty());
        CHECK(iso(second.start) == "2022-12-02");
        CHECK(iso(second.end) == "2025-12-01");
        const auto third = evaluate_one(id, R"({"certified_on": "2019-05-10", "renewed_through": "2025-12-01"})", "", "2027-01-01");
        CHECK(iso(third.start) == "2025-12-02");
        CHECK(iso(third.end) == "2028-12-01");
    }
}

// "You may submit any CE credits earned between December 2, 2019 and December 1, 2022."
TEST_CASE("NAMSS: credits dated Dec 1 count in the cycle that ends that day") {
    for (const char* id : namss_programs) {
        CAPTURE(id);
        const auto r = evaluate_one(id, R"({"certified_on": "2019-05-10", "renewed_through": "2022-12-01"})", R"([
            {"id": "first_day", "title": "Webinar A", "date": "2022-12-02", "credits": 1, "kind": "live_webinar", "approved": true},
            {"id": "last_day", "title": "Webinar B", "date": "2025-12-01", "credits": 2, "kind": "live_webinar", "approved": true}
        ])", "2025-12-01");
        CHECK(why(r, "first_day") == "");
        CHECK(why(r, "last_day") == "");
        CHECK(earned(r, "total") == "3");
        CHECK(earned(r, "approved") == "3");
    }
}

// "You may submit any CE credits earned between December 2, 2019 and December 1, 2022."
TEST_CASE("NAMSS: credits dated Dec 2 start the next cycle") {
    const char* log = R"([
        {"id": "dec1", "title": "Webinar on Dec 1", "date": "2022-12-01", "credits": 1, "kind": "live_webinar", "approved": true},
        {"id": "dec2", "title": "Webinar on Dec 2", "date": "2022-12-02", "credits": 2, "kind": "live_webinar", "approved": true}
    ])";
    for (const char* id : namss_programs) {
        CAPTURE(id);
        // Late in the renewal of the cycle that ended Dec 1, 2022: Dec 2 is outside it.
        const auto ending = evaluate_one(id, R"({"certified_on": "2019-05-10"})", log, "2022-12-15");
        CHECK(iso(ending.end) == "2022-12-01");
        CHECK(why(ending, "dec1") == "");
        CHECK(why(ending, "dec2") == "outside_cycle");
        CHECK(earned(ending, "total") == "1");
        // Once that cycle is renewed, Dec 2 counts in the next one and Dec 1 no longer does.
        const auto next = evaluate_one(id, R"({"certified_on": "2019-05-10", "renewed_through": "2022-12-01"})", log, "2023-03-01");
        CHECK(why(next, "dec1") == "outside_cycle");
        CHECK(why(next, "dec2") == "");
        CHECK(earned(next, "total") == "2");
    }
}

// "CPCS Only 30 15"; "If you are a single certificant, you must report at least 30 CE credits,
// 15 of which much be NAMSS approved."
TEST_CASE("NAMSS: a CPCS needs 30 credits, 15 of them NAMSS-approved") {
    const auto r = evaluate_one("namss-cpcs", R"({"certified_on": "2019-05-10"})", "", "2021-01-01");
    CHECK(requirement_ids(r) == "total approved");
    CHECK(required(r, "total") == "30");
    CHECK(required(r, "approved") == "15");
}

// "CPCSM Only 30 15" (the README: the page writes CPCSM once where the credential is CPMSM).
TEST_CASE("NAMSS: a CPMSM needs 30 credits, 15 of them NAMSS-approved") {
    const auto r = evaluate_one("namss-cpmsm", R"({"certified_on": "2019-05-10"})", "", "2021-01-01");
    CHECK(requirement_ids(r) == "total approved");
    CHECK(required(r, "total") == "30");
    CHECK(required(r, "approved") == "15");
}

// "If you are a dual certificant, you must report at least 45 CE credits, 25 of which must be
// NAMSS approved."
TEST_CASE("NAMSS: a dual certificant needs 45 credits, 25 of them NAMSS-approved") {
    for (const char* cred : {R"({"certified_on": "2019-05-10"})",
                             R"({"certified_on": "2019-05-10", "options": {"first_dual_renewal": false}})"}) {
        CAPTURE(cred);
        const auto r = evaluate_one("namss-dual", cred, "", "2021-01-01");
        REQUIRE(r.problems.empty());
        CHECK(requirement_ids(r) == "total approved");
        CHECK(required(r, "total") == "45");
        CHECK(required(r, "approved") == "25");
    }
}

// "If you are recertifying as a dual certificant for the first time this year, you are only
// required to have 30 credits." The approved minimum of 15 is the file's interpretation.
TEST_CASE("NAMSS: recertifying as a dual certificant for the first time needs 30 credits (15 approved, by interpretation)") {
    const auto r = evaluate_one("namss-dual", R"({"certified_on": "2019-05-10", "options": {"first_dual_renewal": true}})", "", "2021-01-01");
    REQUIRE(r.problems.empty());
    CHECK(required(r, "total") == "30");
    CHECK(required(r, "approved") == "15");
}

// "single certificant ... at least 30 CE credits, 15 of which much be NAMSS approved ... dual
// certificant ... at least 45 CE credits, 25 of which must be NAMSS approved."
TEST_CASE("NAMSS: 15 approved and 15 other credits renew a single certificant but not a dual one") {
    const char* log = R"([
        {"id": "approved", "title": "NAMSS conference", "date": "2020-10-01", "credits": 15, "kind": "conference", "approved": true},
        {"id": "other", "title": "Employer training", "date": "2021-03-01", "credits": 15, "kind": "course", "approved": false}
    ])";
    for (const char* id : {"namss-cpcs", "namss-cpmsm"}) {
        CAPTURE(id);
        const auto r = evaluate_one(id, R"({"certified_on": "2019-05-10"})", log, "2022-09-01");
        CHECK(requirement(r, "total").met);
        CHECK(requirement(r, "approved").met);
        CHECK(r.complete);
    }
    const auto dual = evaluate_one("namss-dual", R"({"certified_on": "2019-05-10"})", log, "2022-09-01");
    CHECK_FALSE(dual.complete);
    CHECK(requirement(dual, "total").remaining.to_string() == "15");
    CHECK(requirement(dual, "approved").remaining.to_string() == "10");
    const auto first_dual = evaluate_one("namss-dual", R"({"certified_on": "2019-05-10", "options": {"first_dual_renewal": true}})", log, "2022-09-01");
    CHECK(first_dual.complete);
}

// "NAMSS Approved credits are those that have been sponsored directly by NAMSS or pre-approved
// by NAMSS for credit. All NAMSS Approved credits have a NAMSS-approved CE certificate".
TEST_CASE("NAMSS: only NAMSS-approved credits count toward the approved minimum; all count toward the total") {
    for (const char* id : namss_programs) {
        CAPTURE(id);
        const auto r = evaluate_one(id, R"({"certified_on": "2019-05-10"})", R"([
            {"id": "namss", "title": "NAMSS webinar", "date": "2020-02-01", "credits": 2, "kind": "live_webinar", "approved": true},
            {"id": "other", "title": "Vendor webinar", "date": "2020-03-01", "credits": 3, "kind": "live_webinar", "approved": false},
            {"id": "unsaid", "title": "Hospital in-service", "date": "2020-04-01", "credits": 4, "kind": "in_service"}
        ])", "2021-01-01");
        CHECK(earned(r, "total") == "9");
        CHECK(earned(r, "approved") == "2");
        CHECK(toward(r, "namss") == "total approved");
        CHECK(toward(r, "other") == "total");
        CHECK(toward(r, "unsaid") == "total");
    }
}

// "you must report at least 30 CE credits"; the file reads it as the credits on each certificate.
TEST_CASE("NAMSS: an entry without a credits field earns nothing (invalid), whatever its minutes") {
    for (const char* id : namss_programs) {
        CAPTURE(id);
        const auto r = evaluate_one(id, R"({"certified_on": "2019-05-10"})", R"([
            {"id": "minutes_only", "title": "Webinar", "date": "2020-02-01", "minutes": 60, "kind": "live_webinar", "approved": true},
            {"id": "with_credits", "title": "Other webinar", "date": "2020-02-01", "minutes": 60, "credits": 1.25, "kind": "live_webinar", "approved": true}
        ])", "2021-01-01");
        CHECK(why(r, "minutes_only") == "invalid");
        CHECK(counted(r, "minutes_only") == "0");
        CHECK(counted(r, "with_credits") == "1.25");
        CHECK(earned(r, "total") == "1.25");
    }
}

// "The recertification application will open on August 1 of your renewal year."
TEST_CASE("NAMSS: before August 1 of the renewal year you are earning credits") {
    for (const char* id : namss_programs) {
        CAPTURE(id);
        const char* cred = R"({"certified_on": "2019-05-10"})";
        CHECK(phase_on(id, cred, "2019-05-10") == "earning");
        CHECK(phase_on(id, cred, "2021-08-15") == "earning");  // August of a year that is not the renewal year
        CHECK(phase_on(id, cred, "2022-07-31") == "earning");
        CHECK(fees_on(id, cred, "2022-07-31") == "");
    }
}

// "The recertification application will open on August 1 of your renewal year." "The deadline to
// submit your recertification application without a late fee is December 1 of your renewal year."
TEST_CASE("NAMSS: the application window is open from Aug 1 to Dec 1 of the renewal year, without a fee") {
    for (const char* id : namss_programs) {
        CAPTURE(id);
        for (const char* cred : {R"({"certified_on": "2019-05-10"})", R"({"certified_on": "2019-05-10", "options": {"extension_requested": true}})"}) {
            CAPTURE(cred);
            CHECK(phase_on(id, cred, "2022-08-01") == "window_open");
            CHECK(phase_on(id, cred, "2022-12-01") == "window_open");
            CHECK(fees_on(id, cred, "2022-12-01") == "");
        }
        // The same in a later cycle's renewal year.
        const char* renewed = R"({"certified_on": "2019-05-10", "renewed_through": "2022-12-01"})";
        CHECK(phase_on(id, renewed, "2025-07-31") == "earning");
        CHECK(phase_on(id, renewed, "2025-08-01") == "window_open");
        CHECK(phase_on(id, renewed, "2025-12-01") == "window_open");
    }
}

// "You may still submit your application with an additional late fee of $50 until December 31 of
// your renewal year."
TEST_CASE("NAMSS: from Dec 2 to Dec 31 the application is late, with a $50 late fee") {
    for (const char* id : namss_programs) {
        CAPTURE(id);
        const char* cred = R"({"certified_on": "2019-05-10"})";
        CHECK(phase_on(id, cred, "2022-12-02") == "late");
        CHECK(fees_on(id, cred, "2022-12-02") == "late=50");
        CHECK(phase_on(id, cred, "2022-12-31") == "late");
        CHECK(fees_on(id, cred, "2022-12-31") == "late=50");
    }
}

// "As of January 1 of the year following the recertification date, a certificants status will be
// considered to have lapsed" ... "A grace period for expired certificants will be allowed for a
// period of six months from the initial recertification date." ... "pay a $100 reinstatement fee."
TEST_CASE("NAMSS: from Jan 1 to Jun 1 the certification has lapsed but can be reinstated with a $100 fee") {
    for (const char* id : namss_programs) {
        CAPTURE(id);
        const char* cred = R"({"certified_on": "2019-05-10"})";
        CHECK(phase_on(id, cred, "2023-01-01") == "grace");
        CHECK(fees_on(id, cred, "2023-01-01") == "reinstatement=100");
        CHECK(phase_on(id, cred, "2023-06-01") == "grace");
        CHECK(fees_on(id, cred, "2023-06-01") == "reinstatement=100");
    }
}

// "For reinstatement after six months past the initial expiration date, a candidate must apply as
// a new candidate and pass the exam."
TEST_CASE("NAMSS: from Jun 2 the certification has lapsed for good") {
    for (const char* id : namss_programs) {
        CAPTURE(id);
        for (const char* cred : {R"({"certified_on": "2019-05-10"})", R"({"certified_on": "2019-05-10", "options": {"extension_requested": true}})"}) {
            CAPTURE(cred);
            CHECK(phase_on(id, cred, "2023-06-02") == "lapsed");
            CHECK(fees_on(id, cred, "2023-06-02") == "");
        }
    }
}

// "To formally request an extension, please submit at least half of your required CE
// certificates ... All extensions are subject to audit and a $50 fee." "Once approved for an
// extension, you will have until June 1, 2023 to submit your remaining CEs".
TEST_CASE("NAMSS: an extension runs from Dec 2 to Jun 1 with a $50 fee, instead of the late and grace periods") {
    for (const auto& n : namss_halves) {
        INFO(n.id);
        const char* cred = R"({"certified_on": "2019-05-10", "options": {"extension_requested": true}})";
        for (const char* as_of : {"2022-12-02", "2022-12-31", "2023-01-01", "2023-06-01"}) {
            CAPTURE(as_of);
            const auto r = evaluate_one(n.id, cred, earned_on("2022-06-01", n.half), as_of);
            CHECK(phase(r) == "extension");
            CHECK(fees(r) == "extension=50");  // neither the late nor the reinstatement fee
        }
    }
}

// "To formally request an extension, please submit at least half of your required CE
// certificates to certification@namss.org." (interpretation: half of the total required)
TEST_CASE("NAMSS: without half the CE by Dec 1 no extension applies") {
    for (const auto& n : namss_halves) {
        INFO(n.id);
        const char* cred = R"({"certified_on": "2019-05-10", "options": {"extension_requested": true}})";
        const std::string log = earned_on("2022-06-01", n.short_of_half);
        const auto late = evaluate_one(n.id, cred, log, "2022-12-02");
        CHECK(phase(late) == "late");
        CHECK(fees(late) == "late=50");
        CHECK(late.phase_text.find(n.why) != std::string::npos);
        const auto grace = evaluate_one(n.id, cred, log, "2023-01-01");
        CHECK(phase(grace) == "grace");
        CHECK(fees(grace) == "reinstatement=100");
        CHECK(grace.phase_text.find(n.why) != std::string::npos);
        CHECK(phase(evaluate_one(n.id, cred, log, "2023-06-02")) == "lapsed");
        // Credits dated after Dec 1 do not make up the half: it is counted on Dec 1.
        const auto after = evaluate_one(n.id, cred, joined(log, earned_on("2022-12-02", "5")), "2022-12-05");
        CHECK(phase(after) == "late");
        // Without the request, the phase text has nothing to explain.
        const auto unrequested = evaluate_one(n.id, R"({"certified_on": "2019-05-10"})", log, "2022-12-02");
        CHECK(unrequested.phase_text.find("extension needs") == std::string::npos);
    }
}

// "If you are recertifying as a dual certificant for the first time this year, you are only
// required to have 30 credits." The half follows the total that applies.
TEST_CASE("NAMSS dual: on a first dual renewal an extension needs half of 30 credits") {
    const char* cred = R"({"certified_on": "2019-05-10", "options": {"extension_requested": true, "first_dual_renewal": true}})";
    CHECK(phase(evaluate_one("namss-dual", cred, earned_on("2022-06-01", "15"), "2022-12-02")) == "extension");
    const auto r = evaluate_one("namss-dual", cred, earned_on("2022-06-01", "14"), "2022-12-02");
    CHECK(phase(r) == "late");
    CHECK(r.phase_text.find("an extension needs at least 15 of your 30 credits by 2022-12-01") != std::string::npos);
}

// "Once approved for an extension, you will have until June 1, 2023 to submit your remaining CEs"
// and "I have earned my remaining CE certificates" (interpretation: CE earned during the extension
// counts toward the cycle being renewed).
TEST_CASE("NAMSS: CE earned during an extension counts toward the cycle being renewed") {
    for (const auto& n : namss_halves) {
        INFO(n.id);
        const char* cred = R"({"certified_on": "2019-05-10", "options": {"extension_requested": true}})";
        const std::string log = R"([
            {"id": "before", "title": "Conference", "date": "2022-06-01", "credits": ")" + std::string(n.half) + R"(", "kind": "conference", "approved": true},
            {"id": "december", "title": "Webinar A", "date": "2022-12-02", "credits": "20", "kind": "live_webinar", "approved": true},
            {"id": "last_day", "title": "Webinar B", "date": "2023-06-01", "credits": "5", "kind": "live_webinar", "approved": true},
            {"id": "too_late", "title": "Webinar C", "date": "2023-06-02", "credits": "5", "kind": "live_webinar", "approved": true}
        ])";
        const auto r = evaluate_one(n.id, cred, log, "2023-06-01");
        CHECK(phase(r) == "extension");
        CHECK(why(r, "december") == "");
        CHECK(counted(r, "december") == "20");
        CHECK(why(r, "last_day") == "");
        CHECK(why(r, "too_late") == "outside_cycle");
        CHECK(entry(r, "too_late").detail == "dated 2023-06-02, outside the cycle 2019-05-10 to 2022-12-01 and the days to 2023-06-01 that count toward it");
        // Before the extension ends, a later activity is planned toward the cycle.
        const auto earlier = evaluate_one(n.id, cred, log, "2023-01-15");
        CHECK(why(earlier, "december") == "");
        CHECK(why(earlier, "last_day") == "planned");
        CHECK(why(earlier, "too_late") == "outside_cycle");
        CHECK(requirement(earlier, "total").projected == requirement(earlier, "total").earned + Credits::whole(5));
    }
}

// "The deadline to submit your recertification application without a late fee is December 1" and
// "the candidate must have earned the required amount of CEUs during their recertification period".
TEST_CASE("NAMSS: without an extension, CE dated after Dec 1 does not count toward the cycle that ended") {
    for (const auto& n : namss_halves) {
        INFO(n.id);
        const std::string log = R"([
            {"id": "before", "title": "Conference", "date": "2022-06-01", "credits": ")" + std::string(n.half) + R"(", "kind": "conference", "approved": true},
            {"id": "december", "title": "Webinar A", "date": "2022-12-20", "credits": "20", "kind": "live_webinar", "approved": true},
            {"id": "grace", "title": "Webinar B", "date": "2023-02-01", "credits": "20", "kind": "live_webinar", "approved": true}
        ])";
        // Not requested: the late month and the grace period count nothing new.
        for (const char* as_of : {"2022-12-31", "2023-03-01"}) {
            CAPTURE(as_of);
            const auto r = evaluate_one(n.id, R"({"certified_on": "2019-05-10"})", log, as_of);
            CHECK(why(r, "december") == "outside_cycle");
            CHECK(why(r, "grace") == "outside_cycle");
            CHECK(earned(r, "total") == n.half);
        }
        // Requested without the half: the same.
        const auto r = evaluate_one(n.id, R"({"certified_on": "2019-05-10", "options": {"extension_requested": true}})",
                                    joined(earned_on("2022-06-01", n.short_of_half), earned_on("2023-02-01", "30")), "2023-03-01");
        CHECK(phase(r) == "grace");
        CHECK(earned(r, "total") == n.short_of_half);
    }
}

// "You may submit any CE credits earned between December 2, 2019 and December 1, 2022." What an
// extension counted toward the cycle it renewed does not count again in the next one.
TEST_CASE("NAMSS: CE that completed a cycle during its extension does not count again in the next cycle") {
    for (const auto& n : namss_halves) {
        INFO(n.id);
        const std::string log = R"([
            {"id": "before", "title": "Conference", "date": "2022-06-01", "credits": ")" + std::string(n.half) + R"(", "kind": "conference", "approved": true},
            {"id": "extension", "title": "Webinar A", "date": "2023-02-01", "credits": "25", "kind": "live_webinar", "approved": true},
            {"id": "after", "title": "Webinar B", "date": "2023-06-02", "credits": "3", "kind": "live_webinar", "approved": true}
        ])";
        // Renewed through the extension: whether or not the option is still on, the next cycle
        // starts Dec 2 but the extension's activities stay with the cycle they completed.
        for (const char* cred : {R"({"certified_on": "2019-05-10", "renewed_through": "2022-12-01", "options": {"extension_requested": true}})",
                                 R"({"certified_on": "2019-05-10", "renewed_through": "2022-12-01"})"}) {
            CAPTURE(cred);
            const auto next = evaluate_one(n.id, cred, log, "2024-01-01");
            CHECK(iso(next.start) == "2022-12-02");
            CHECK(why(next, "extension") == "outside_cycle");
            CHECK(entry(next, "extension").detail ==
                  "dated 2023-02-01: counted toward the previous cycle, which ended 2022-12-01 short of its requirements and counts activities to 2023-06-01");
            CHECK(why(next, "after") == "");
            CHECK(earned(next, "total") == "3");
        }
        // A cycle complete on Dec 1 had no use for the extension: December's activities start the next cycle.
        const std::string complete = R"([
            {"id": "before", "title": "Conference", "date": "2022-06-01", "credits": "50", "kind": "conference", "approved": true},
            {"id": "december", "title": "Webinar A", "date": "2023-02-01", "credits": "2", "kind": "live_webinar", "approved": true}
        ])";
        const auto next = evaluate_one(n.id, R"({"certified_on": "2019-05-10", "renewed_through": "2022-12-01", "options": {"extension_requested": true}})",
                                       complete, "2024-01-01");
        CHECK(why(next, "december") == "");
        CHECK(earned(next, "total") == "2");
    }
}

// "A grace period for expired certificants will be allowed for a period of six months from the
// initial recertification date. To reinstate a certification, the candidate must have earned the
// required amount of CEUs during their recertification period."
TEST_CASE("NAMSS: CE earned in the grace period does not count toward the lapsed cycle, but toward the next") {
    for (const char* id : namss_programs) {
        CAPTURE(id);
        const std::string log = R"([
            {"id": "cycle", "title": "Conference", "date": "2022-06-01", "credits": "10", "kind": "conference", "approved": true},
            {"id": "grace", "title": "Webinar", "date": "2023-02-01", "credits": "30", "kind": "live_webinar", "approved": true}
        ])";
        const auto lapsed = evaluate_one(id, R"({"certified_on": "2019-05-10"})", log, "2023-03-01");
        CHECK(phase(lapsed) == "grace");
        CHECK(why(lapsed, "grace") == "outside_cycle");
        CHECK(earned(lapsed, "total") == "10");
        CHECK_FALSE(lapsed.complete);
        const auto next = evaluate_one(id, R"({"certified_on": "2019-05-10", "renewed_through": "2022-12-01"})", log, "2024-01-01");
        CHECK(why(next, "grace") == "");
        CHECK(earned(next, "total") == "30");
    }
}

// The renewal calendar: Aug 1 opens, Dec 1 due, Dec 31 late, June 1 extension and grace end.
TEST_CASE("NAMSS: the renewal deadlines of a cycle ending Dec 1, 2022") {
    for (const char* id : namss_programs) {
        CAPTURE(id);
        const auto r = evaluate_one(id, R"({"certified_on": "2019-05-10"})", "", "2022-11-01");
        CHECK(on(r, "window_opens") == "2022-08-01");
        CHECK(on(r, "due") == "2022-12-01");
        CHECK(on(r, "late_until") == "2022-12-31");
        CHECK(on(r, "extension_until") == "2023-06-01");
        CHECK(on(r, "grace_until") == "2023-06-01");
        CHECK(deadline(r, "due").days_from_as_of == 30);
        // A later cycle's calendar moves with its end.
        const auto later = evaluate_one(id, R"({"certified_on": "2019-05-10", "renewed_through": "2022-12-01"})", "", "2024-01-01");
        CHECK(on(later, "window_opens") == "2025-08-01");
        CHECK(on(later, "due") == "2025-12-01");
        CHECK(on(later, "late_until") == "2025-12-31");
        CHECK(on(later, "extension_until") == "2026-06-01");
        CHECK(on(later, "grace_until") == "2026-06-01");
    }
}

// ---------------------------------------------------------------------------------------------
// DMEC CLMS (000_7216c9bd22818d72.txt, 001_95db385201c9dc35.txt)
// ---------------------------------------------------------------------------------------------

// "Your Certified Leave Management Specialist (CLMS) designation is active for two (2) years from
// the date you successfully complete the CLMS final exam."
TEST_CASE("DMEC CLMS: the designation is active for two years from the final exam") {
    const auto r = evaluate_one("dmec-clms", R"({"certified_on": "2025-02-10"})", "", "2025-06-01");
    REQUIRE(r.problems.empty());
    CHECK(iso(r.start) == "2025-02-10");
    CHECK(iso(r.end) == "2027-02-10");
    // A final exam passed on Feb 29 expires on Feb 28 two years on.
    const auto leap = evaluate_one("dmec-clms", R"({"certified_on": "2024-02-29"})", "", "2025-01-01");
    CHECK(iso(leap.start) == "2024-02-29");
    CHECK(iso(leap.end) == "2026-02-28");
}

// "Upon successful completion of both the recertification exam and the required continuing
// education hours, you will receive a new CLMS designation certificate with an updated expiration
// date." (each renewed period starting the day after the last: the file's interpretation)
TEST_CASE("DMEC CLMS: a renewed designation's two-year period starts the day after the previous one ends") {
    const auto r = evaluate_one("dmec-clms", R"({"certified_on": "2024-02-29", "renewed_through": "2026-02-28"})", "", "2027-01-01");
    REQUIRE(r.problems.empty());
    CHECK(iso(r.start) == "2026-03-01");
    CHECK(iso(r.end) == "2028-02-28");
}

// "Renewal requires completion of 20 continuing education units (CEUs)".
TEST_CASE("DMEC CLMS: renewal requires 20 CEUs") {
    const auto empty = evaluate_one("dmec-clms", R"({"certified_on": "2025-02-10"})", "", "2025-06-01");
    CHECK(requirement_ids(empty) == "total");
    CHECK(required(empty, "total") == "20");
    const auto short_of_it = evaluate_one("dmec-clms", R"({"certified_on": "2025-02-10"})", R"([
        {"id": "conf", "title": "DMEC Annual Conference", "date": "2025-08-01", "credits": 19.5, "kind": "conference", "topics": ["fmla"]}
    ])", "2026-01-01");
    CHECK_FALSE(short_of_it.complete);
    CHECK(requirement(short_of_it, "total").remaining.to_string() == "0.5");
    const auto enough = evaluate_one("dmec-clms", R"({"certified_on": "2025-02-10"})", R"([
        {"id": "conf", "title": "DMEC Annual Conference", "date": "2025-08-01", "credits": 19.5, "kind": "conference", "topics": ["fmla"]},
        {"id": "web", "title": "DMEC webinar", "date": "2025-09-01", "credits": 0.5, "kind": "live_webinar", "topics": ["ada"]}
    ])", "2026-01-01");
    CHECK(enough.complete);
}

// "Each DMEC microcredential course offers one CLMS CEU."
TEST_CASE("DMEC CLMS: a microcredential course earns 1 CEU whatever credits are logged") {
    const auto r = evaluate_one("dmec-clms", R"({"certified_on": "2025-02-10"})", R"([
        {"id": "logged_three", "title": "Microcredential: PWFA", "date": "2025-03-01", "credits": 3, "kind": "microcredential", "topics": ["state_leave"]},
        {"id": "logged_none", "title": "Microcredential: ADA", "date": "2025-04-01", "kind": "microcredential", "topics": ["ada"]},
        {"id": "logged_half", "title": "Microcredential: FMLA", "date": "2025-05-01", "credits": 0.5, "kind": "microcredential", "topics": ["fmla"]}
    ])", "2026-01-01");
    CHECK(counted(r, "logged_three") == "1");
    CHECK(counted(r, "logged_none") == "1");
    CHECK(counted(r, "logged_half") == "1");
    CHECK(earned(r, "total") == "3");
}

// "Development of professional presentations: Two (2) CEUs for each presentation";
// "Development of in-service training programs: Two (2) CEUs for each in-service training
// program"; "Authorship or co-authorship of a published article ...: Two (2) CEUs for each
// published article"
TEST_CASE("DMEC CLMS: each presentation, in-service program and published article earns 2 CEUs") {
    const auto r = evaluate_one("dmec-clms", R"({"certified_on": "2025-02-10"})", R"([
        {"id": "presentation", "title": "Talk on intermittent leave", "date": "2025-03-01", "credits": 5, "kind": "presentation", "topics": ["fmla"]},
        {"id": "in_service", "title": "In-service on accommodations", "date": "2025-04-01", "credits": 1, "kind": "in_service", "topics": ["ada"]},
        {"id": "article", "title": "Article on state leave", "date": "2025-05-01", "kind": "article", "topics": ["state_leave"]}
    ])", "2026-01-01");
    CHECK(amount(r, "presentation") == "2");
    CHECK(amount(r, "in_service") == "2");
    CHECK(amount(r, "article") == "2");
}

// "you will receive a CLMS verification code and a certificate which indicates the number of CEUs
// you earned" (webinars, recordings, conferences: the file counts the CEUs on the certificate).
TEST_CASE("DMEC CLMS: webinars, recordings and conferences earn the CEUs on their certificate") {
    const auto r = evaluate_one("dmec-clms", R"({"certified_on": "2025-02-10"})", R"([
        {"id": "webinar", "title": "Live webinar", "date": "2025-03-01", "minutes": 90, "credits": 1.5, "kind": "live_webinar", "topics": ["fmla"]},
        {"id": "recording", "title": "Recording", "date": "2025-04-01", "credits": 0.75, "kind": "recording", "topics": ["privacy"]},
        {"id": "conference", "title": "Compliance Conference", "date": "2025-05-01", "credits": 8, "kind": "conference", "topics": ["ethics"]},
        {"id": "minutes_only", "title": "Webinar with no certificate", "date": "2025-06-01", "minutes": 60, "kind": "live_webinar", "topics": ["fmla"]}
    ])", "2026-01-01");
    CHECK(counted(r, "webinar") == "1.5");
    CHECK(counted(r, "recording") == "0.75");
    CHECK(counted(r, "conference") == "8");
    CHECK(why(r, "minutes_only") == "invalid");
    CHECK(earned(r, "total") == "10.25");
}

// "A maximum of four (4) hours of professional contribution may be applied to the required 20
// hours of CE required every two years."
TEST_CASE("DMEC CLMS: professional contribution counts for at most 4 CEUs, the earliest activities first") {
    // Logged out of date order: the latest contribution is listed first.
    const auto r = evaluate_one("dmec-clms", R"({"certified_on": "2025-02-10"})", R"([
        {"id": "latest", "title": "Article on PWFA", "date": "2025-11-01", "kind": "article", "topics": ["state_leave"]},
        {"id": "webinar", "title": "Webinar", "date": "2025-06-01", "credits": 1, "kind": "live_webinar", "topics": ["fmla"]},
        {"id": "earliest", "title": "Conference presentation", "date": "2025-03-01", "kind": "presentation", "topics": ["fmla"]},
        {"id": "middle", "title": "In-service program", "date": "2025-07-01", "kind": "in_service", "topics": ["ada"]}
    ])", "2026-01-01");
    CHECK(counted(r, "earliest") == "2");
    CHECK(counted(r, "middle") == "2");
    CHECK(why(r, "latest") == "cap_reached");
    CHECK(counted(r, "latest") == "0");
    CHECK(amount(r, "latest") == "2");
    CHECK(entry(r, "latest").toward.empty());
    CHECK(earned(r, "total") == "5");  // 4 of contribution + the 1 CEU webinar, which the cap does not touch
}

// "A maximum of four (4) hours of professional contribution may be applied"; "Professional
// contribution CE activities must focus on one or more of the focus areas noted above."
TEST_CASE("DMEC CLMS: a contribution that does not count does not use up the professional contribution cap") {
    const auto r = evaluate_one("dmec-clms", R"({"certified_on": "2025-02-10"})", R"([
        {"id": "off_focus", "title": "Article on payroll", "date": "2025-03-01", "kind": "article", "topics": ["payroll"]},
        {"id": "second", "title": "Presentation on FMLA", "date": "2025-04-01", "kind": "presentation", "topics": ["fmla"]},
        {"id": "third", "title": "Article on ADA", "date": "2025-05-01", "kind": "article", "topics": ["ada"]}
    ])", "2026-01-01");
    CHECK(why(r, "off_focus") == "off_topic");
    CHECK(counted(r, "second") == "2");
    CHECK(counted(r, "third") == "2");
    CHECK(earned(r, "total") == "4");
}

// "Continuing Education Requirements - FMLA - ADA(AA) - Other state/municipal leave laws -
// Privacy of records/medical information (HIPAA, GINA, ADA) - Ethical standards in leave
// management"
TEST_CASE("DMEC CLMS: CEUs count only in the five focus areas") {
    const auto r = evaluate_one("dmec-clms", R"({"certified_on": "2025-02-10"})", R"([
        {"id": "fmla", "title": "A", "date": "2025-03-01", "credits": 1, "kind": "live_webinar", "topics": ["fmla"]},
        {"id": "ada", "title": "B", "date": "2025-03-02", "credits": 1, "kind": "live_webinar", "topics": ["ada"]},
        {"id": "state_leave", "title": "C", "date": "2025-03-03", "credits": 1, "kind": "live_webinar", "topics": ["state_leave"]},
        {"id": "privacy", "title": "D", "date": "2025-03-04", "credits": 1, "kind": "live_webinar", "topics": ["privacy"]},
        {"id": "ethics", "title": "E", "date": "2025-03-05", "credits": 1, "kind": "live_webinar", "topics": ["ethics"]},
        {"id": "untagged", "title": "F", "date": "2025-03-06", "credits": 1, "kind": "live_webinar"},
        {"id": "hr", "title": "G", "date": "2025-03-07", "credits": 1, "kind": "live_webinar", "topics": ["hr"]},
        {"id": "hr_and_fmla", "title": "H", "date": "2025-03-08", "credits": 1, "kind": "live_webinar", "topics": ["hr", "fmla"]},
        {"id": "untagged_micro", "title": "I", "date": "2025-03-09", "kind": "microcredential"}
    ])", "2026-01-01");
    for (const char* id : {"fmla", "ada", "state_leave", "privacy", "ethics", "hr_and_fmla"}) {
        CAPTURE(id);
        CHECK(why(r, id) == "");
        CHECK(counted(r, id) == "1");
    }
    CHECK(why(r, "untagged") == "off_topic");
    CHECK(why(r, "hr") == "off_topic");
    CHECK(why(r, "untagged_micro") == "off_topic");
    CHECK(earned(r, "total") == "6");
}

// "Notifications regarding your recertification exam will be sent 90 days prior to your CLMS
// designation expiration date."
TEST_CASE("DMEC CLMS: recertification exam notices are sent 90 days before the designation expires") {
    const auto r = evaluate_one("dmec-clms", R"({"certified_on": "2024-02-29"})", "", "2025-06-01");
    CHECK(on(r, "due") == "2026-02-28");
    CHECK(on(r, "exam_notice") == "2025-11-30");
    const auto later = evaluate_one("dmec-clms", R"({"certified_on": "2025-02-10"})", "", "2025-06-01");
    CHECK(on(later, "exam_notice") == "2026-11-12");
    CHECK(on(later, "due") == "2027-02-10");
}

// "Failure to ... complete your required CE hours will result in the expiration of your CLMS
// designation." "To reinstate your CLMS designation after it has lapsed by more than 90 days, you
// will be required to pay for and retake the CLMS online course and final exam."
TEST_CASE("DMEC CLMS: after expiry the designation can be reinstated for 90 days, then it has lapsed") {
    const char* cred = R"({"certified_on": "2024-02-29"})";
    CHECK(phase_on("dmec-clms", cred, "2025-11-30") == "earning");
    CHECK(phase_on("dmec-clms", cred, "2026-02-28") == "earning");
    CHECK(phase_on("dmec-clms", cred, "2026-03-01") == "grace");
    CHECK(phase_on("dmec-clms", cred, "2026-05-29") == "grace");  // expiry + 90 days
    CHECK(phase_on("dmec-clms", cred, "2026-05-30") == "lapsed");  // expiry + 91 days
    const auto r = evaluate_one("dmec-clms", cred, "", "2026-03-01");
    CHECK(on(r, "grace_until") == "2026-05-29");
    CHECK(fees(r) == "");  // the page names no reinstatement fee
}

// "To reinstate your CLMS designation after it has lapsed by more than 90 days, you will be
// required to pay for and retake the CLMS online course and final exam." (interpretation: within
// the 90 days a designee reinstates by completing what is missing)
TEST_CASE("DMEC CLMS: CEUs earned in the 90-day grace count toward the cycle that just ended") {
    const char* cred = R"({"certified_on": "2024-02-29"})";
    const std::string log = R"([
        {"id": "cycle", "title": "Conference", "date": "2025-10-01", "credits": "18", "kind": "conference", "topics": ["fmla"]},
        {"id": "grace", "title": "Webinar", "date": "2026-04-01", "credits": "2", "kind": "live_webinar", "topics": ["ada"]},
        {"id": "day_90", "title": "Recording", "date": "2026-05-29", "credits": "1", "kind": "recording", "topics": ["ada"]},
        {"id": "day_91", "title": "Course", "date": "2026-05-30", "credits": "1", "kind": "live_webinar", "topics": ["ada"]}
    ])";
    const auto expired = evaluate_one("dmec-clms", cred, log, "2026-03-15");
    CHECK(phase(expired) == "grace");
    CHECK_FALSE(expired.complete);
    CHECK(why(expired, "grace") == "planned");
    CHECK(why(expired, "day_90") == "planned");
    CHECK(why(expired, "day_91") == "outside_cycle");
    CHECK(expired.projected_complete);
    const auto reinstated = evaluate_one("dmec-clms", cred, log, "2026-05-29");
    CHECK(phase(reinstated) == "grace");
    CHECK(why(reinstated, "grace") == "");
    CHECK(why(reinstated, "day_90") == "");
    CHECK(earned(reinstated, "total") == "21");
    CHECK(reinstated.complete);
}

// The same reading: what completed the cycle in its grace does not count again in the next cycle,
// which starts the day after expiry.
TEST_CASE("DMEC CLMS: CEUs that completed a cycle in its grace do not count again in the next cycle") {
    const std::string short_log = R"([
        {"id": "cycle", "title": "Conference", "date": "2025-10-01", "credits": "18", "kind": "conference", "topics": ["fmla"]},
        {"id": "grace", "title": "Webinar", "date": "2026-04-01", "credits": "2", "kind": "live_webinar", "topics": ["ada"]},
        {"id": "later", "title": "Recording", "date": "2026-06-01", "credits": "1", "kind": "recording", "topics": ["ada"]}
    ])";
    const char* renewed = R"({"certified_on": "2024-02-29", "renewed_through": "2026-02-28"})";
    const auto next = evaluate_one("dmec-clms", renewed, short_log, "2026-07-01");
    CHECK(iso(next.start) == "2026-03-01");
    CHECK(why(next, "grace") == "outside_cycle");
    CHECK(entry(next, "grace").detail ==
          "dated 2026-04-01: counted toward the previous cycle, which ended 2026-02-28 short of its requirements and counts activities to 2026-05-29");
    CHECK(why(next, "later") == "");
    CHECK(earned(next, "total") == "1");
    // Renewed on time: activities after expiry belong to the next cycle.
    const std::string on_time = R"([
        {"id": "cycle", "title": "Conference", "date": "2025-10-01", "credits": "20", "kind": "conference", "topics": ["fmla"]},
        {"id": "after", "title": "Webinar", "date": "2026-04-01", "credits": "2", "kind": "live_webinar", "topics": ["ada"]}
    ])";
    const auto fresh = evaluate_one("dmec-clms", renewed, on_time, "2026-07-01");
    CHECK(why(fresh, "after") == "");
    CHECK(earned(fresh, "total") == "2");
}

// "Submit your professional contribution through our online form. A $25 processing fee will be
// charged per CEU."
TEST_CASE("DMEC CLMS: professional contribution costs a $25 processing fee per CEU counted") {
    const auto none = evaluate_one("dmec-clms", R"({"certified_on": "2025-02-10"})", R"([
        {"id": "web", "title": "Webinar", "date": "2025-03-01", "credits": 1, "kind": "live_webinar", "topics": ["fmla"]},
        {"id": "micro", "title": "Microcredential", "date": "2025-03-02", "kind": "microcredential", "topics": ["fmla"]}
    ])", "2026-01-01");
    CHECK(fees(none) == "");

    const auto one = evaluate_one("dmec-clms", R"({"certified_on": "2025-02-10"})", R"([
        {"id": "talk", "title": "Presentation", "date": "2025-03-01", "kind": "presentation", "topics": ["fmla"]}
    ])", "2026-01-01");
    CHECK(fees(one) == "processing=50");
    // The rate is money like the amount: "$25", as the page and the CLI write it (it read "25 USD").
    CHECK(one.fees.at(0).label == "Professional contribution processing fee (2 CEUs at $25 each)");

    // Two contributions count (4 CEUs, $100); a third over the cap and an off-topic one are not charged.
    const auto several = evaluate_one("dmec-clms", R"({"certified_on": "2025-02-10"})", R"([
        {"id": "talk", "title": "Presentation", "date": "2025-03-01", "kind": "presentation", "topics": ["fmla"]},
        {"id": "off_focus", "title": "Blog-style article", "date": "2025-03-15", "kind": "article"},
        {"id": "training", "title": "In-service", "date": "2025-04-01", "kind": "in_service", "topics": ["ada"]},
        {"id": "article", "title": "Article", "date": "2025-05-01", "kind": "article", "topics": ["privacy"]},
        {"id": "web", "title": "Webinar", "date": "2025-06-01", "credits": 1, "kind": "live_webinar", "topics": ["fmla"]}
    ])", "2026-01-01");
    CHECK(why(several, "off_focus") == "off_topic");
    CHECK(why(several, "article") == "cap_reached");
    CHECK(fees(several) == "processing=100");
}

// ---------------------------------------------------------------------------------------------
// ALA CLM exam application (002_3721a51baf6ad8e0.txt)
// ---------------------------------------------------------------------------------------------

// "ALL CLM applicants must provide, within the 24 months preceding the date of their application"
TEST_CASE("ALA CLM application: hours count within the 24 months up to the application date, both ends included") {
    const auto r = evaluate_one("ala-clm-application", "", R"([
        {"id": "too_old", "title": "A", "date": "2024-11-25", "minutes": 120, "kind": "live_webinar", "topics": ["writing"]},
        {"id": "first_day", "title": "B", "date": "2024-11-26", "minutes": 120, "kind": "live_webinar", "topics": ["communication"]},
        {"id": "application_day", "title": "C", "date": "2026-11-26", "minutes": 120, "kind": "live_webinar", "topics": ["self_management"]}
    ])", "2026-11-26");
    REQUIRE(r.problems.empty());
    CHECK(iso(r.start) == "2024-11-26");
    CHECK(iso(r.end) == "2026-11-26");
    CHECK(why(r, "too_old") == "outside_cycle");
    CHECK(why(r, "first_day") == "");
    CHECK(why(r, "application_day") == "");
    CHECK(earned(r, "writing") == "0");
    CHECK(earned(r, "communication") == "2");
    CHECK(earned(r, "self_management") == "2");
}

// "within the 24 months preceding the date of their application": no certification date involved.
TEST_CASE("ALA CLM application: the window does not depend on a certification date") {
    const auto without = evaluate_one("ala-clm-application", "", "", "2026-11-26");
    CHECK(without.problems.empty());
    const auto with = evaluate_one("ala-clm-application", R"({"certified_on": "2010-01-01"})", "", "2026-11-26");
    REQUIRE(with.problems.empty());
    CHECK(iso(with.start) == "2024-11-26");
    CHECK(iso(with.end) == "2026-11-26");
}

// "a minimum of 2 hours of course work in each of the following five (5) Management Categories:
// 1. WRITING SKILLS ... 2. COMMUNICATION SKILLS ... 3. SELF-MANAGEMENT SKILLS ... 4. INFORMATION
// TECHNOLOGY ... 5. ORGANIZATIONAL DEVELOPMENT"
TEST_CASE("ALA CLM application: every applicant needs 2 hours in each of the five management categories") {
    const auto empty = evaluate_one("ala-clm-application", "", "", "2026-11-26");
    CHECK(requirement_ids(empty) ==
          "writing communication self_management information_technology organizational_development");
    for (const auto& q : empty.requirements) {
        CAPTURE(q.id);
        CHECK(q.required.to_string() == "2");
    }
    // "You may use 2 different subjects within the Category to obtain the 2 hours you need"
    const auto r = evaluate_one("ala-clm-application", "", R"([
        {"id": "w", "title": "Write Better Right Now", "date": "2026-01-10", "minutes": 120, "kind": "conference", "topics": ["writing"]},
        {"id": "c", "title": "Persuasive Communication", "date": "2026-01-10", "minutes": 120, "kind": "conference", "topics": ["communication"]},
        {"id": "s1", "title": "Break the Cycle of Stress", "date": "2026-01-11", "minutes": 60, "kind": "conference", "topics": ["self_management"]},
        {"id": "s2", "title": "Project management", "date": "2026-01-11", "minutes": 60, "kind": "conference", "topics": ["self_management"]},
        {"id": "i", "title": "Electronic Client Service: Extranets", "date": "2026-01-12", "minutes": 120, "kind": "conference", "topics": ["information_technology"]},
        {"id": "o", "title": "7 Tips to Build a Strong Work Team", "date": "2026-01-12", "minutes": 105, "kind": "conference", "topics": ["organizational_development"]}
    ])", "2026-11-26");
    CHECK(earned(r, "self_management") == "2");
    CHECK_FALSE(requirement(r, "organizational_development").met);
    CHECK(requirement(r, "organizational_development").remaining.to_string() == "0.25");
    CHECK_FALSE(r.complete);
    for (const char* id : {"writing", "communication", "self_management", "information_technology"}) {
        CAPTURE(id);
        CHECK(requirement(r, id).met);
    }
}

// "but all sessions must be a minimum of 60 minutes."
TEST_CASE("ALA CLM application: a session shorter than 60 minutes earns nothing") {
    const auto r = evaluate_one("ala-clm-application", "", R"([
        {"id": "m59", "title": "A", "date": "2026-01-10", "minutes": 59, "kind": "live_webinar", "topics": ["writing"]},
        {"id": "m60", "title": "B", "date": "2026-01-11", "minutes": 60, "kind": "live_webinar", "topics": ["writing"]},
        {"id": "h075", "title": "C", "date": "2026-01-12", "credits": 0.75, "kind": "live_webinar", "topics": ["writing"]},
        {"id": "h1", "title": "D", "date": "2026-01-13", "credits": 1, "kind": "live_webinar", "topics": ["writing"]}
    ])", "2026-11-26");
    CHECK(why(r, "m59") == "too_short");
    CHECK(entry(r, "m59").detail == "59 minutes; sessions shorter than 60 minutes earn nothing");
    CHECK(counted(r, "m59") == "0");
    CHECK(why(r, "m60") == "");
    CHECK(counted(r, "m60") == "1");
    // A session logged in hours is as long as its hours.
    CHECK(why(r, "h075") == "too_short");
    CHECK(counted(r, "h1") == "1");
    CHECK(earned(r, "writing") == "2");
}

TEST_CASE("ALA CLM application: a one-minute session is named in the singular") {
    const auto r = evaluate_one("ala-clm-application", "", R"([
        {"id": "m1", "title": "A", "date": "2026-01-10", "minutes": 1, "kind": "live_webinar", "topics": ["writing"]}
    ])", "2026-11-26");
    CHECK(entry(r, "m1").detail == "1 minute; sessions shorter than 60 minutes earn nothing");  // it read "1 minutes"
}

// "The following example fulfills 1.5 hours of CLM credit ... Time: 9 – 10:30 A.M."; "The
// following example fulfills 1.25 hours of CLM credit ... Time: 10 – 11:15 A.M."
TEST_CASE("ALA CLM application: a session earns its length in hours, exactly") {
    const auto r = evaluate_one("ala-clm-application", "", R"([
        {"id": "m90", "title": "Write Better Right Now", "date": "2026-01-10", "minutes": 90, "kind": "conference", "topics": ["communication"]},
        {"id": "m75", "title": "Electronic Client Service: Extranets", "date": "2026-01-10", "minutes": 75, "kind": "conference", "topics": ["information_technology"]},
        {"id": "a", "title": "Session A", "date": "2026-01-11", "minutes": 80, "kind": "live_webinar", "topics": ["writing"]},
        {"id": "b", "title": "Session B", "date": "2026-01-12", "minutes": 80, "kind": "live_webinar", "topics": ["writing"]},
        {"id": "c", "title": "Session C", "date": "2026-01-13", "minutes": 80, "kind": "live_webinar", "topics": ["writing"]}
    ])", "2026-11-26");
    CHECK(counted(r, "m90") == "1.5");
    CHECK(counted(r, "m75") == "1.25");
    CHECK(counted(r, "a") == "1.33");
    CHECK(entry(r, "a").counted == Credits::from_units(400));  // 4/3 of an hour, kept exact
    CHECK(requirement(r, "writing").earned == Credits::whole(4));
    CHECK(earned(r, "writing") == "4");
}

// "a minimum of 2 hours of course work in each of the following five (5) Management Categories"
// (the file: a session counts toward one category only).
TEST_CASE("ALA CLM application: a session tagged with two categories counts, whole, toward one of them") {
    const auto r = evaluate_one("ala-clm-application", "", R"([
        {"id": "both", "title": "Writing and presenting", "date": "2026-01-10", "minutes": 120, "kind": "conference", "topics": ["writing", "communication"]}
    ])", "2026-11-26");
    CHECK(entry(r, "both").toward.size() == 1);
    CHECK(requirement(r, "writing").earned + requirement(r, "communication").earned == Credits::whole(2));
    const bool one_met = requirement(r, "writing").met != requirement(r, "communication").met;
    CHECK(one_met);

    // Tagged with every category (and, for a specialist, a subject area), a session still counts toward one.
    const auto every = evaluate_one("ala-clm-application", R"({"options": {"specialist_area": "hr"}})", R"([
        {"id": "all", "title": "Leading a law firm", "date": "2026-01-10", "minutes": 120, "kind": "conference",
         "topics": ["writing", "communication", "self_management", "information_technology", "organizational_development", "fm"]}
    ])", "2026-11-26");
    CHECK(entry(every, "all").toward.size() == 1);
    Credits all;
    for (const auto& q : every.requirements) all += q.earned;
    CHECK(all == Credits::whole(2));
}

// "Functional Specialists must also fulfill an additional 15 hours of coursework distributed in
// areas other than the field in which the functional specialist is primarily employed".
TEST_CASE("ALA CLM application: a functional specialist needs 15 additional hours; other applicants do not") {
    const auto general = evaluate_one("ala-clm-application", "", "", "2026-11-26");
    CHECK_FALSE(has_requirement(general, "additional"));
    CHECK(general.requirements.size() == 5);
    const auto cleared = evaluate_one("ala-clm-application", R"({"options": {"specialist_area": ""}})", "", "2026-11-26");
    REQUIRE(cleared.problems.empty());
    CHECK_FALSE(has_requirement(cleared, "additional"));
    for (const char* area : {"hr", "fm", "om", "li"}) {
        CAPTURE(area);
        const auto r = evaluate_one("ala-clm-application", std::string(R"({"options": {"specialist_area": ")") + area + R"("}})", "", "2026-11-26");
        REQUIRE(r.problems.empty());
        REQUIRE(has_requirement(r, "additional"));
        CHECK(required(r, "additional") == "15");
        CHECK(r.requirements.size() == 6);
    }
}

// "an additional 15 hours of coursework distributed in areas other than the field in which the
// functional specialist is primarily employed"; "all subject areas must be outside the Functional
// Specialist's area of specialty".
TEST_CASE("ALA CLM application: sessions in the specialist's own area do not count toward the additional hours") {
    const auto r = evaluate_one("ala-clm-application", R"({"options": {"specialist_area": "hr"}})", R"([
        {"id": "own", "title": "Employment law update", "date": "2026-01-10", "minutes": 120, "kind": "conference", "topics": ["hr"]},
        {"id": "fm", "title": "Finance for the Non-Financial Manager", "date": "2026-01-11", "minutes": 120, "kind": "conference", "topics": ["fm"]},
        {"id": "om", "title": "Facilities planning", "date": "2026-01-12", "minutes": 90, "kind": "conference", "topics": ["om"]},
        {"id": "li", "title": "Law firm economics", "date": "2026-01-13", "minutes": 60, "kind": "conference", "topics": ["li"]},
        {"id": "own_and_fm", "title": "Payroll and benefits budgeting", "date": "2026-01-14", "minutes": 60, "kind": "conference", "topics": ["hr", "fm"]}
    ])", "2026-11-26");
    CHECK(why(r, "own") == "off_topic");
    CHECK(toward(r, "own_and_fm") == "additional");
    CHECK(earned(r, "additional") == "5.5");
    // The same sessions for a financial management specialist: now fm is their own area.
    const auto fm = evaluate_one("ala-clm-application", R"({"options": {"specialist_area": "fm"}})", R"([
        {"id": "own", "title": "Employment law update", "date": "2026-01-10", "minutes": 120, "kind": "conference", "topics": ["hr"]},
        {"id": "fm", "title": "Finance for the Non-Financial Manager", "date": "2026-01-11", "minutes": 120, "kind": "conference", "topics": ["fm"]}
    ])", "2026-11-26");
    CHECK(why(fm, "own") == "");
    CHECK(why(fm, "fm") == "off_topic");
    CHECK(earned(fm, "additional") == "2");
}

// "Functional Specialists have a choice to make. Use Electronic Client Service: Extranets for
// Information Technology (general education requirement) or its subject area (Operations
// Management) towards the additional hours needed for the application."
TEST_CASE("ALA CLM application: a session that fits a category and a subject area counts toward one only") {
    const auto alone = evaluate_one("ala-clm-application", R"({"options": {"specialist_area": "fm"}})", R"([
        {"id": "extranets", "title": "Electronic Client Service: Extranets", "date": "2026-01-10", "minutes": 120, "kind": "conference", "topics": ["information_technology", "om"]}
    ])", "2026-11-26");
    CHECK(entry(alone, "extranets").toward.size() == 1);
    CHECK(requirement(alone, "information_technology").earned + requirement(alone, "additional").earned == Credits::whole(2));

    // With Information Technology already met by another session, it goes to the additional hours.
    const auto chosen = evaluate_one("ala-clm-application", R"({"options": {"specialist_area": "fm"}})", R"([
        {"id": "excel", "title": "Excel for administrators", "date": "2026-01-09", "minutes": 120, "kind": "conference", "topics": ["information_technology"]},
        {"id": "extranets", "title": "Electronic Client Service: Extranets", "date": "2026-01-10", "minutes": 90, "kind": "conference", "topics": ["information_technology", "om"]}
    ])", "2026-11-26");
    CHECK(toward(chosen, "extranets") == "additional");
    CHECK(earned(chosen, "information_technology") == "2");
    CHECK(earned(chosen, "additional") == "1.5");
}

// "a minimum of 2 hours of course work in each of the following five (5) Management Categories"
// with each session counting toward one: the hours are shared out to meet as many as possible.
TEST_CASE("ALA CLM application: sessions are shared out among categories so that as many as possible are met") {
    // Taking each session for its first tag (or the largest session first for the first
    // category still short) puts both long sessions in Writing and leaves Self-Management empty.
    const auto r = evaluate_one("ala-clm-application", "", R"([
        {"id": "long", "title": "Writing project plans", "date": "2026-01-10", "minutes": 180, "kind": "conference", "topics": ["writing", "self_management"]},
        {"id": "mid", "title": "Writing for presentations", "date": "2026-01-11", "minutes": 150, "kind": "conference", "topics": ["writing", "communication"]},
        {"id": "talk", "title": "Persuasive Communication", "date": "2026-01-12", "minutes": 150, "kind": "conference", "topics": ["communication"]}
    ])", "2026-11-26");
    CHECK(r.allocation_optimal);
    CHECK(requirement(r, "writing").met);
    CHECK(requirement(r, "communication").met);
    CHECK(requirement(r, "self_management").met);
    CHECK(toward(r, "long") == "self_management");
    CHECK(toward(r, "mid") == "writing");
    CHECK(earned(r, "writing") == "2.5");
    CHECK(earned(r, "communication") == "2.5");
    CHECK(earned(r, "self_management") == "3");
}

// ---------------------------------------------------------------------------------------------
// ALA CLM recertification (002_3721a51baf6ad8e0.txt)
// ---------------------------------------------------------------------------------------------

// "Once you earn CLM certification, you must continue your education and recertify every three
// years."
TEST_CASE("ALA CLM recert: a CLM recertifies every three years from certification") {
    const auto first = evaluate_one("ala-clm-recert", R"({"certified_on": "2023-06-15"})", "", "2024-01-01");
    REQUIRE(first.problems.empty());
    CHECK(iso(first.start) == "2023-06-15");
    CHECK(iso(first.end) == "2026-06-15");
    const auto second = evaluate_one("ala-clm-recert", R"({"certified_on": "2023-06-15", "renewed_through": "2026-06-15"})", "", "2027-01-01");
    CHECK(iso(second.start) == "2026-06-16");
    CHECK(iso(second.end) == "2029-06-15");
}

// "To recertify, you must obtain 36 hours of education, including one hour of Substance Abuse and
// one hour of Business Ethics. A minimum of three hours per Subject Area is required."
TEST_CASE("ALA CLM recert: 36 hours, 3 in each subject area, 1 of substance abuse and 1 of business ethics") {
    const auto r = evaluate_one("ala-clm-recert", R"({"certified_on": "2023-06-15"})", "", "2024-01-01");
    CHECK(requirement_ids(r) == "total hr fm om li cm substance_abuse business_ethics");
    CHECK(required(r, "total") == "36");
    for (const char* area : {"hr", "fm", "om", "li", "cm"}) {
        CAPTURE(area);
        CHECK(required(r, area) == "3");
    }
    CHECK(required(r, "substance_abuse") == "1");
    CHECK(required(r, "business_ethics") == "1");
}

// "To recertify, you must obtain 36 hours of education, including one hour of Substance Abuse and
// one hour of Business Ethics. A minimum of three hours per Subject Area is required."
TEST_CASE("ALA CLM recert: a log with exactly the hours needed recertifies, an hour less does not") {
    const std::string needed = R"([
        {"id": "hr", "title": "HR", "date": "2024-01-10", "minutes": 180, "kind": "conference", "topics": ["hr"]},
        {"id": "fm", "title": "FM", "date": "2024-01-11", "minutes": 180, "kind": "conference", "topics": ["fm"]},
        {"id": "om", "title": "OM", "date": "2024-01-12", "minutes": 180, "kind": "conference", "topics": ["om"]},
        {"id": "li", "title": "LI", "date": "2024-01-13", "minutes": 180, "kind": "conference", "topics": ["li"]},
        {"id": "cm", "title": "CM", "date": "2024-01-14", "minutes": 180, "kind": "conference", "topics": ["cm"]},
        {"id": "sa", "title": "Substance abuse in the workplace", "date": "2024-01-15", "minutes": 60, "kind": "live_webinar", "topics": ["substance_abuse"]},
        {"id": "be", "title": "Business ethics", "date": "2024-01-16", "minutes": 60, "kind": "live_webinar", "topics": ["business_ethics"]},
        {"id": "rest", "title": "Annual conference", "date": "2024-05-01", "credits": 18, "kind": "conference"})";
    const auto complete = evaluate_one("ala-clm-recert", R"({"certified_on": "2023-06-15"})",
                                       needed + R"(, {"id": "more", "title": "One more hour", "date": "2024-06-01", "minutes": 60, "kind": "live_webinar"}])",
                                       "2025-01-01");
    CHECK(earned(complete, "total") == "36");
    CHECK(complete.complete);
    const auto short_of_it = evaluate_one("ala-clm-recert", R"({"certified_on": "2023-06-15"})", needed + "]", "2025-01-01");
    CHECK(earned(short_of_it, "total") == "35");
    CHECK_FALSE(short_of_it.complete);
    for (const char* id : {"hr", "fm", "om", "li", "cm", "substance_abuse", "business_ethics"}) {
        CAPTURE(id);
        CHECK(requirement(short_of_it, id).met);
    }
}

// "Almost all subjects counts for recertification." "Note: Sessions need to be at least 60 minutes
// in length."
TEST_CASE("ALA CLM recert: every session of at least 60 minutes counts toward the 36 hours, whatever its topic") {
    const auto r = evaluate_one("ala-clm-recert", R"({"certified_on": "2023-06-15"})", R"([
        {"id": "untagged", "title": "Keynote", "date": "2024-01-10", "minutes": 60, "kind": "conference"},
        {"id": "category_only", "title": "Write Better Right Now", "date": "2024-01-11", "minutes": 90, "kind": "conference", "topics": ["writing"]},
        {"id": "area", "title": "Finance for the Non-Financial Manager", "date": "2024-01-12", "minutes": 120, "kind": "conference", "topics": ["fm"]},
        {"id": "short", "title": "Lightning talk", "date": "2024-01-13", "minutes": 59, "kind": "conference", "topics": ["hr"]}
    ])", "2025-01-01");
    CHECK(why(r, "untagged") == "");
    CHECK(toward(r, "untagged") == "total");
    CHECK(why(r, "category_only") == "");
    CHECK(toward(r, "category_only") == "total");  // a category alone is no subject area
    CHECK(toward(r, "area") == "total fm");
    CHECK(why(r, "short") == "too_short");
    CHECK(earned(r, "total") == "4.5");
    CHECK(earned(r, "hr") == "0");
}

// "A minimum of three hours per Subject Area is required." (a session counts toward one subject
// area, and fully toward the 36 hours)
TEST_CASE("ALA CLM recert: a session tagged with two subject areas counts for one area but fully toward the total") {
    const auto r = evaluate_one("ala-clm-recert", R"({"certified_on": "2023-06-15"})", R"([
        {"id": "both", "title": "Budgeting for staffing", "date": "2024-01-10", "minutes": 180, "kind": "conference", "topics": ["hr", "fm"]},
        {"id": "ethics_and_hr", "title": "Ethics of employee drug testing", "date": "2024-01-11", "minutes": 60, "kind": "conference", "topics": ["substance_abuse", "hr"]}
    ])", "2025-01-01");
    CHECK(earned(r, "total") == "4");
    CHECK(entry(r, "both").toward.size() == 2);
    CHECK(entry(r, "both").toward.front() == "total");
    CHECK(requirement(r, "hr").earned + requirement(r, "fm").earned + requirement(r, "substance_abuse").earned == Credits::whole(4));
    CHECK(entry(r, "ethics_and_hr").toward.size() == 2);

    // Tagged with every subject area at once, a session still counts toward one of them.
    const auto every = evaluate_one("ala-clm-recert", R"({"certified_on": "2023-06-15"})", R"([
        {"id": "survey", "title": "Law firm management survey", "date": "2024-01-10", "minutes": 120, "kind": "conference",
         "topics": ["hr", "fm", "om", "li", "cm", "substance_abuse", "business_ethics"]}
    ])", "2025-01-01");
    CHECK(entry(every, "survey").toward.size() == 2);
    Credits areas;
    for (const char* id : {"hr", "fm", "om", "li", "cm", "substance_abuse", "business_ethics"}) areas += requirement(every, id).earned;
    CHECK(areas == Credits::whole(2));
    CHECK(earned(every, "total") == "2");
}

// "including one hour of Substance Abuse and one hour of Business Ethics"
TEST_CASE("ALA CLM recert: an hour of substance abuse and an hour of business ethics meet their requirements") {
    const auto r = evaluate_one("ala-clm-recert", R"({"certified_on": "2023-06-15"})", R"([
        {"id": "sa", "title": "Substance abuse in the workplace", "date": "2024-01-10", "minutes": 60, "kind": "live_webinar", "topics": ["substance_abuse"]},
        {"id": "be", "title": "Business ethics", "date": "2024-01-11", "credits": 1, "kind": "course", "topics": ["business_ethics"]}
    ])", "2025-01-01");
    CHECK(requirement(r, "substance_abuse").met);
    CHECK(requirement(r, "business_ethics").met);
    CHECK(earned(r, "total") == "2");
}

// "you must continue your education and recertify every three years" (the page gives no grace
// period: the file counts the certification as lapsed the day after the cycle ends).
TEST_CASE("ALA CLM recert: on the cycle's last day you are still earning; the day after, lapsed") {
    const char* cred = R"({"certified_on": "2023-06-15"})";
    CHECK(phase_on("ala-clm-recert", cred, "2026-06-15") == "earning");
    CHECK(phase_on("ala-clm-recert", cred, "2026-06-16") == "lapsed");
    const auto r = evaluate_one("ala-clm-recert", cred, "", "2026-01-01");
    CHECK(on(r, "due") == "2026-06-15");
}

// ---------------------------------------------------------------------------------------------
// The shipped example logs, programs/examples/<id>.json, evaluated on 2026-11-26
// ---------------------------------------------------------------------------------------------

TEST_CASE("Shipped example: namss-cpcs") {
    const Report report = shipped_example("namss-cpcs");
    const auto& r = only_credential(report);
    CHECK(earned(r, "total") == "28.5");
    CHECK(earned(r, "approved") == "15.5");
    CHECK(requirement(r, "total").projected.to_string() == "30");
    CHECK_FALSE(r.complete);
    CHECK(r.projected_complete);
    CHECK(phase(r) == "window_open");
    CHECK(why(r, "e1") == "outside_cycle");  // before the certification date
    CHECK(why(r, "e11") == "duplicate");
    CHECK(why(r, "e20") == "planned");
}

TEST_CASE("Shipped example: namss-cpmsm") {
    const Report report = shipped_example("namss-cpmsm");
    const auto& r = only_credential(report);
    CHECK(earned(r, "total") == "34");
    CHECK(earned(r, "approved") == "18");
    CHECK(r.complete);
    CHECK(why(r, "e1") == "outside_cycle");  // in the cycle renewed through Dec 1, 2023
    CHECK(why(r, "e2") == "");               // Dec 2, 2023 starts this cycle
}

TEST_CASE("Shipped example: namss-dual") {
    const Report report = shipped_example("namss-dual");
    const auto& r = only_credential(report);
    CHECK(required(r, "total") == "30");
    CHECK(required(r, "approved") == "15");
    CHECK(earned(r, "total") == "36.25");
    CHECK(earned(r, "approved") == "19.75");
    CHECK(r.complete);
}

TEST_CASE("Shipped example: dmec-clms") {
    const Report report = shipped_example("dmec-clms");
    const auto& r = only_credential(report);
    CHECK(earned(r, "total") == "19.5");
    CHECK(why(r, "e10") == "cap_reached");
    CHECK(why(r, "e12") == "off_topic");
    CHECK(why(r, "e15") == "planned");
    CHECK(fees(r) == "processing=100");
}

TEST_CASE("Shipped example: ala-clm-application") {
    const Report report = shipped_example("ala-clm-application");
    const auto& r = only_credential(report);
    CHECK(earned(r, "writing") == "2.5");
    CHECK(earned(r, "communication") == "2.25");
    CHECK(earned(r, "self_management") == "1.5");
    CHECK(earned(r, "information_technology") == "2.5");
    CHECK(earned(r, "organizational_development") == "2.75");
    CHECK(earned(r, "additional") == "15.42");
    CHECK(requirement(r, "additional").earned == Credits::from_units(4625));  // 925 minutes, exactly
    CHECK(why(r, "e1") == "outside_cycle");
    CHECK(why(r, "e3") == "off_topic");  // HR, the specialist's own area
    CHECK(why(r, "e5") == "too_short");
    CHECK(why(r, "e10") == "off_topic");
}

TEST_CASE("Shipped example: ala-clm-recert") {
    const Report report = shipped_example("ala-clm-recert");
    const auto& r = only_credential(report);
    CHECK(earned(r, "total") == "32.83");
    CHECK(earned(r, "hr") == "9.33");
    CHECK(earned(r, "li") == "4");
    CHECK(earned(r, "cm") == "3.25");
    CHECK(why(r, "e17") == "too_short");
}

}  // namespace recert::test
