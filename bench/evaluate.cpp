// The evaluation benchmark: a generated log of N entries evaluated against each
// shipped program, the way the page evaluates it (Report-level evaluate on the
// parsed log). Built natively (CMake target recert_bench) and with Emscripten
// for Node (scripts/bench); both print the same JSON lines, one per program and
// size, which bench/table.mjs turns into the table.
//
//   recert_bench [--programs DIR] [--sizes 100,1000,...] [--seconds S] [--only ID]
//
// Per program and size: the median time of evaluate() over several runs (at
// least 5, more while under S seconds, default 0.5), the time to parse the log's
// JSON text once, and the peak heap the evaluation used on top of what was
// live before it (every operator new is counted).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include <malloc.h>

#include "evaluation.h"
#include "instances.h"
#include "log.h"
#include "program.h"

// Counting allocator: the live heap and its high-water mark.
namespace {
std::size_t g_live = 0, g_peak = 0;
void* counted_alloc(std::size_t n) {
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    g_live += malloc_usable_size(p);
    g_peak = std::max(g_peak, g_live);
    return p;
}
void counted_free(void* p) noexcept {
    if (!p) return;
    g_live -= malloc_usable_size(p);
    std::free(p);
}
}  // namespace

void* operator new(std::size_t n) { return counted_alloc(n); }
void* operator new[](std::size_t n) { return counted_alloc(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    try { return counted_alloc(n); } catch (...) { return nullptr; }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    try { return counted_alloc(n); } catch (...) { return nullptr; }
}
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }

using namespace recert;
using Clock = std::chrono::steady_clock;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

const char* kinds[] = {"live_webinar", "live_webinar", "live_webinar", "live_webinar", "recording", "recording", "conference",
                       "course",       "course",       "microcredential", "presentation", "in_service", "article", "other"};
const char* providers[] = {"NAMSS", "DMEC", "ALA", "ALA Capital Chapter", "ALA Chicago Chapter", "State Bar CLE", "Leave Law Institute",
                           "HR Collective", "Compliance Academy", "Local hospital"};
const char* words[] = {"FMLA", "Leave", "Credentialing", "Standards", "Update", "Primary", "Source", "Verification", "Ethics",
                       "Budgeting", "Records", "Management", "Law", "Firm", "Privacy", "Workshop", "Essentials", "Advanced",
                       "Intermittent", "Accommodation", "Telehealth", "Peer", "Review", "Writing", "Leadership", "Technology"};
const int minutes_pool[] = {60, 60, 60, 75, 90, 90, 120, 45, 30, 180, 240, 360, 480};

// A realistic log of n entries for this credential: dates across the cycle and
// around it, the program's topics, some approved, a few duplicates, some that
// earn nothing (too short, off topic, outside the cycle, planned).
std::string make_log(const Program& p, const nlohmann::json& credential, Date start, Date end, std::size_t n, std::uint64_t seed) {
    bench::Rng rng(seed);
    nlohmann::json entries = nlohmann::json::array();
    const int span = days_between(start, end) + 210;
    for (std::size_t i = 0; i < n; ++i) {
        nlohmann::json e;
        e["id"] = std::string("e").append(std::to_string(i + 1));
        if (i > 0 && rng.chance(0.02)) {
            // The same activity logged twice.
            const auto& prev = entries[static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(i) - 1))];
            e["title"] = prev["title"];
            e["date"] = prev["date"];
            if (prev.contains("provider")) e["provider"] = prev["provider"];
        } else {
            std::string title;
            const int nw = static_cast<int>(rng.between(3, 7));
            for (int w = 0; w < nw; ++w) {
                if (w) title += ' ';
                title += words[rng.between(0, std::size(words) - 1)];
            }
            title += ' ';
            title += std::to_string(rng.between(1, 400));
            e["title"] = title;
            e["date"] = to_iso(add_days(start, date::days{static_cast<int>(rng.between(-180, span - 181))}));
            e["provider"] = providers[rng.between(0, std::size(providers) - 1)];
        }
        const char* kind = kinds[rng.between(0, std::size(kinds) - 1)];
        e["kind"] = kind;
        const int minutes = minutes_pool[rng.between(0, std::size(minutes_pool) - 1)];
        if (p.credit.from_minutes) {
            e["minutes"] = minutes;
        } else {
            e["credits"] = static_cast<double>((minutes + 14) / 15) / 4.0;
            if (rng.chance(0.5)) e["minutes"] = minutes;
        }
        if (!p.topics.empty() && !rng.chance(0.05)) {
            nlohmann::json topics = nlohmann::json::array();
            const int nt = rng.chance(0.6) ? 1 : rng.chance(0.6) ? 2 : 3;
            for (int t = 0; t < nt; ++t) {
                const std::string& id = p.topics[static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(p.topics.size()) - 1))].id;
                if (std::find(topics.begin(), topics.end(), id) == topics.end()) topics.push_back(id);
            }
            e["topics"] = topics;
        }
        if (!rng.chance(0.1)) e["approved"] = rng.chance(0.55);
        if (rng.chance(0.5)) e["code"] = std::string("C-").append(std::to_string(i + 1));
        entries.push_back(std::move(e));
    }
    nlohmann::json doc{{"format", "recert-log"}, {"version", 1}, {"credentials", nlohmann::json::array({credential})}, {"entries", entries}};
    return doc.dump();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir = "programs", only;
    std::vector<std::size_t> sizes = {100, 1000, 10000, 100000};
    double seconds = 0.5;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const char* v = i + 1 < argc ? argv[i + 1] : nullptr;
        if (!v) { std::fprintf(stderr, "recert_bench: %s needs a value\n", a.c_str()); return 2; }
        ++i;
        if (a == "--programs") dir = v;
        else if (a == "--only") only = v;
        else if (a == "--seconds") seconds = std::atof(v);
        else if (a == "--sizes") {
            sizes.clear();
            std::stringstream s(v);
            std::string part;
            while (std::getline(s, part, ',')) sizes.push_back(static_cast<std::size_t>(std::stoul(part)));
        } else { std::fprintf(stderr, "recert_bench: unknown flag %s\n", a.c_str()); return 2; }
    }
    const char* ids[] = {"ala-clm-application", "ala-clm-recert", "dmec-clms", "namss-cpcs", "namss-cpmsm", "namss-dual"};
    const Date as_of = *parse_date("2026-11-26");

    std::vector<Program> programs;
    for (const char* id : ids) {
        auto r = parse_program(read_file(dir + "/" + id + ".json"));
        if (!r.program) { std::fprintf(stderr, "recert_bench: cannot read %s/%s.json\n", dir.c_str(), id); return 1; }
        programs.push_back(std::move(*r.program));
    }
    for (std::size_t pi = 0; pi < std::size(ids); ++pi) {
        if (!only.empty() && only != ids[pi]) continue;
        // The example log's credential, so the cycle and options are the shipped ones.
        const auto example = nlohmann::json::parse(read_file(dir + "/examples/" + ids[pi] + ".json"));
        const nlohmann::json credential = example["credentials"][0];
        Log empty;
        empty.credentials.push_back(*parse_log(nlohmann::json{{"format", "recert-log"}, {"version", 1}, {"credentials", {credential}}, {"entries", nlohmann::json::array()}}.dump()).log->credentials.begin());
        const auto cycle = evaluate(programs, empty, as_of).credentials.at(0);
        for (std::size_t n : sizes) {
            const std::string text = make_log(programs[pi], credential, cycle.start, cycle.end, n, 1000 + n + pi);
            auto t0 = Clock::now();
            LogResult parsed = parse_log(text);
            const double parse_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
            if (!parsed.log) {
                std::fprintf(stderr, "recert_bench: generated log does not parse: %s %s\n", parsed.problems.at(0).where.c_str(),
                             parsed.problems.at(0).what.c_str());
                return 1;
            }
            const Log& log = *parsed.log;

            // Peak heap of one evaluation, over what was live before it.
            const std::size_t live_before = g_live;
            g_peak = g_live;
            Report report = evaluate(programs, log, as_of);
            const std::size_t peak = g_peak - live_before;
            const auto& cr = report.credentials.at(0);
            std::size_t counted = 0;
            for (const auto& e : cr.entries) counted += e.excluded == Exclusion::none;
            const bool optimal = cr.allocation_optimal;
            report = Report{};

            std::vector<double> times;
            const auto begin = Clock::now();
            while (times.size() < 5 || (std::chrono::duration<double>(Clock::now() - begin).count() < seconds && times.size() < 1001)) {
                t0 = Clock::now();
                Report r = evaluate(programs, log, as_of);
                times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                if (r.credentials.size() != 1) return 1;
            }
            std::printf("{\"program\":\"%s\",\"entries\":%zu,\"evaluate_ms\":%.6f,\"min_ms\":%.6f,\"runs\":%zu,\"parse_ms\":%.3f,"
                        "\"peak_bytes\":%zu,\"log_bytes\":%zu,\"counted\":%zu,\"optimal\":%s}\n",
                        ids[pi], n, median(times), *std::min_element(times.begin(), times.end()), times.size(), parse_ms, peak,
                        text.size(), counted, optimal ? "true" : "false");
            std::fflush(stdout);
        }
    }
    return 0;
}
