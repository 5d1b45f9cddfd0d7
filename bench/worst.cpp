// Worst cases for the allocator's work budget and for a program at every limit of
// programs/README.md. Prints two Markdown tables: allocation problems solved alone, and
// whole evaluations. Times are the median of --runs runs (default 3), wall clock and the
// thread's CPU time; work is in the allocator's units (allocation.h).
//
//   recert_bench_worst [--programs DIR] [--runs N] [--entries N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "allocation.h"
#include "evaluation.h"
#include "instances.h"

using namespace recert;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

namespace {

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct Timing {
    double wall = 0, cpu = 0;
};

template <class F>
Timing median(int runs, F&& f) {
    std::vector<double> wall, cpu;
    for (int r = 0; r < runs; ++r) {
        const auto t0 = Clock::now();
        const double c0 = cpu_ms();
        f();
        cpu.push_back(cpu_ms() - c0);
        wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    // Emscripten's thread clock does not advance under Node: no CPU figure there.
    return {wall[wall.size() / 2], cpu.back() > 0 ? cpu[cpu.size() / 2] : -1};
}

// x with `places` decimals, or "–" when there is no figure (negative).
std::string fixed(double x, int places = 1) {
    if (x < 0) return "–";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", places, x);
    return buf;
}

Credits quarters(std::int64_t q) { return Credits::from_units(q * (Credits::scale / 4)); }

// R requirements adding up to exactly the N items' credit, every item able to go to k of
// them: the subset-sum core that no search settles quickly.
AllocationProblem subset_sum(std::uint64_t seed, int R, int N, int k) {
    bench::Rng rng(seed);
    AllocationProblem p;
    std::int64_t total = 0;
    for (int i = 0; i < N; ++i) {
        const std::int64_t a = rng.between(20, 200);
        total += a;
        AllocationItem it{quarters(a), {}};
        std::vector<int> all;
        for (int r = 0; r < R; ++r) all.push_back(r);
        for (int j = 0; j < k; ++j) {
            std::swap(all[static_cast<std::size_t>(j)], all[static_cast<std::size_t>(rng.between(j, R - 1))]);
            it.candidates.push_back(all[static_cast<std::size_t>(j)]);
        }
        p.items.push_back(it);
    }
    std::int64_t left = total;
    for (int r = 0; r < R; ++r) {
        const std::int64_t need = r == R - 1 ? left : total / R + rng.between(-7, 7);
        left -= need;
        p.required.push_back(quarters(need));
    }
    return p;
}

// N items of 1 to 16 quarter hours, each toward k of R requirements, minimums near what
// the items could bring them: tight, with no bound of the cut kind once R > 16.
AllocationProblem tight(std::uint64_t seed, int R, int N, int k) {
    bench::Rng rng(seed);
    AllocationProblem p;
    std::vector<double> share(static_cast<std::size_t>(R), 0);
    for (int i = 0; i < N; ++i) {
        AllocationItem it{quarters(rng.between(1, 16)), {}};
        std::vector<int> all;
        for (int r = 0; r < R; ++r) all.push_back(r);
        for (int j = 0; j < k; ++j) {
            std::swap(all[static_cast<std::size_t>(j)], all[static_cast<std::size_t>(rng.between(j, R - 1))]);
            it.candidates.push_back(all[static_cast<std::size_t>(j)]);
            share[static_cast<std::size_t>(all[static_cast<std::size_t>(j)])] += static_cast<double>(it.amount.units()) / k;
        }
        p.items.push_back(it);
    }
    for (int r = 0; r < R; ++r) p.required.push_back(Credits::from_units(static_cast<std::int64_t>(share[static_cast<std::size_t>(r)] * 0.97)));
    return p;
}

// Fixing single-candidate items one pass at a time, in the worst order: item k can go to
// requirements k and k+1 and is left with one candidate only once k+1 is met, by the item
// after it in the list, so each pass fixes one. Before them a crowd of items that can go
// anywhere, looked at again by every pass.
AllocationProblem chain(int R, int crowd) {
    AllocationProblem p;
    for (int r = 0; r < R; ++r) p.required.push_back(quarters(4));
    for (int i = 0; i < crowd; ++i) {
        AllocationItem it{quarters(1), {}};
        for (int r = 0; r < R; ++r) it.candidates.push_back(r);
        p.items.push_back(it);
    }
    for (int k = 0; k + 1 < R; ++k) p.items.push_back({quarters(4), {k, k + 1}});
    p.items.push_back({quarters(4), {R - 1}});
    return p;
}

void allocation_row(const char* what, const AllocationProblem& p, int runs) {
    Allocation a;
    const Timing t = median(runs, [&] { a = allocate(p); });
    const double per_unit = t.cpu < 0 ? -1 : t.cpu * 1e6 / static_cast<double>(std::max<std::int64_t>(a.work, 1));
    std::printf("| %s | %zu | %zu | %s | %s | %.1f | %s | %s |\n", what, p.items.size(), p.required.size(), fixed(t.wall).c_str(),
                fixed(t.cpu).c_str(), static_cast<double>(a.work) / 1e6,
                fixed(per_unit, 2).c_str(), a.optimal ? "yes" : "no");
    std::fflush(stdout);
}

std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

// The CPCS program filled to every limit: 200 topics, 200 requirements (32 in one group,
// each eligible for 8 topics; the rest for all 200), 20 options, 50 dates, phases, fees
// and caps.
Program program_at_limits(const std::string& dir) {
    json d = json::parse(read_file(dir + "/namss-cpcs.json"));
    const json cite = d["cycle"]["cite"];
    d["topics"] = json::array();
    for (std::size_t t = 0; t < max_topics; ++t) d["topics"].push_back({{"id", "t" + std::to_string(t)}, {"name", "Topic"}});
    json requirements = json::array();
    for (std::size_t r = 0; r < max_requirements; ++r) {
        json q = {{"id", "r" + std::to_string(r)}, {"name", "Requirement"}, {"cite", cite}};
        json topics = json::array();
        if (r < max_group_requirements) {
            for (std::size_t t = 0; t < 8; ++t) topics.push_back("t" + std::to_string((r * 5 + t) % max_topics));
            q["group"] = "g";
            q["min"] = "20";
        } else {
            for (std::size_t t = 0; t < max_topics; ++t) topics.push_back("t" + std::to_string((r + t) % max_topics));
            q["min"] = "10";
        }
        q["eligible"] = {{"topics_any", topics}};
        requirements.push_back(q);
    }
    d["requirements"] = requirements;
    for (std::size_t o = d["options"].size(); o < max_options; ++o)
        d["options"].push_back({{"id", "o" + std::to_string(o)}, {"type", "boolean"}, {"label", "Option"}});
    for (std::size_t i = d["dates"].size(); i < max_dates; ++i) d["dates"]["d" + std::to_string(i)] = d["dates"]["due"];
    while (d["phases"].size() < max_phases) d["phases"].push_back(d["phases"][0]);
    for (std::size_t i = d["fees"].size(); i < max_fees; ++i) {
        json f = d["fees"][0];
        f["id"] = "f" + std::to_string(i);
        d["fees"].push_back(f);
    }
    d["caps"] = json::array();
    for (std::size_t i = 0; i < max_caps; ++i)
        d["caps"].push_back({{"id", "c" + std::to_string(i)}, {"name", "Cap"}, {"max", "1000"}, {"kinds_any", {"article", "recording"}}, {"cite", cite}});
    const ProgramResult r = read_program(d);
    if (!r.program) {
        std::fprintf(stderr, "recert_bench_worst: the program at the limits does not read: %s\n", describe(r.problems.at(0)).c_str());
        std::exit(1);
    }
    return *r.program;
}

// n activities across the cycle 2023-03-01 to 2026-12-01, 1% of them planned (after
// 2026-11-26), each with 3 of the 200 topics.
std::vector<Entry> entries_for_limits(std::size_t n) {
    bench::Rng rng(n);
    std::vector<Entry> out;
    const Kind kinds[] = {Kind::live_webinar, Kind::recording, Kind::conference, Kind::course, Kind::article};
    for (std::size_t i = 0; i < n; ++i) {
        Entry e;
        e.id = "e" + std::to_string(i);
        e.title = "Activity " + std::to_string(i);
        e.provider = "Provider " + std::to_string(i % 50);
        e.date = rng.chance(0.01) ? add_days(*parse_date("2026-11-27"), date::days{static_cast<int>(rng.between(0, 4))})
                                  : add_days(*parse_date("2023-03-01"), date::days{static_cast<int>(rng.between(0, 1365))});
        e.kind = kinds[rng.between(0, std::size(kinds) - 1)];
        e.credits = quarters(rng.between(2, 32));
        for (int t = 0; t < 3; ++t) e.topics.push_back("t" + std::to_string(rng.between(0, static_cast<std::int64_t>(max_topics) - 1)));
        out.push_back(std::move(e));
    }
    return out;
}

void evaluation_row(const char* what, const Program& p, const Credential& c, const std::vector<Entry>& entries, int runs) {
    CredentialReport r;
    const Timing t = median(runs, [&] { r = evaluate(p, c, entries, *parse_date("2026-11-26")); });
    if (!r.problems.empty()) {
        std::fprintf(stderr, "recert_bench_worst: %s: %s\n", what, describe(r.problems[0]).c_str());
        std::exit(1);
    }
    std::printf("| %s | %zu | %zu | %s | %s | %s |\n", what, p.requirements.size(), entries.size(), fixed(t.wall).c_str(), fixed(t.cpu).c_str(),
                r.allocation_optimal ? "yes" : "no");
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir = "programs";
    int runs = 3;
    std::size_t most = 200'000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--programs") dir = argv[i + 1];
        else if (a == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
        else if (a == "--entries") most = static_cast<std::size_t>(std::atol(argv[i + 1]));
        else { std::fprintf(stderr, "recert_bench_worst: unknown flag %s\n", a.c_str()); return 2; }
    }
    std::printf("Allocation problems alone, budget %.0f million units:\n\n", static_cast<double>(allocation_budget) / 1e6);
    std::printf("| case | items | requirements | wall ms | CPU ms | work, million units | CPU ns per unit | proven |\n"
                "|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        const std::string what = "subset sum, every item to any requirement (seed " + std::to_string(seed) + ")";
        allocation_row(what.c_str(), subset_sum(seed, 12, 60, 12), runs);
    }
    allocation_row("subset sum, every item to 4 of 12 requirements", subset_sum(4, 12, 60, 4), runs);
    allocation_row("tight, a group of 32, every item to 8 of them", tight(5, 32, 500, 8), runs);
    allocation_row("tight, 12 requirements, 500 items to 4 of them", tight(6, 12, 500, 4), runs);
    allocation_row("tight, a group of 32, 200,000 items to 8 of them", tight(7, 32, 200'000, 8), runs);
    allocation_row("one requirement met per pass of the reductions, 32 requirements, 200,000 items", chain(32, 200'000), runs);
    allocation_row("reference check, seed 1 instance 1191 (tight; the most work of its 2,000)", bench::to_problem(bench::generate(1, 1191)), runs);
    allocation_row("reference check, seed 3 instance 995 (tight; proven only past the budget)", bench::to_problem(bench::generate(3, 995)), runs);

    std::printf("\nWhole evaluations (one credential, as of 2026-11-26; 1%% of the activities planned, so both tallies run):\n\n");
    std::printf("| case | requirements | activities | wall ms | CPU ms | allocation proven |\n|---|---:|---:|---:|---:|---|\n");
    Credential c;
    c.id = "c1";
    c.program = "namss-cpcs";
    c.certified_on = *parse_date("2023-03-01");
    {
        // The subset-sum log as a program: twelve requirements of one group.
        const AllocationProblem problem = subset_sum(1, 12, 60, 12);
        json d = json::parse(read_file(dir + "/namss-cpcs.json"));
        d["topics"] = json::array();
        json requirements = json::array();
        for (std::size_t r = 0; r < problem.required.size(); ++r) {
            d["topics"].push_back({{"id", "t" + std::to_string(r)}, {"name", "Topic"}});
            requirements.push_back({{"id", "r" + std::to_string(r)}, {"name", "Area"}, {"min", problem.required[r].to_string(2)},
                                    {"eligible", {{"topics_any", {"t" + std::to_string(r)}}}}, {"group", "g"}, {"cite", d["cycle"]["cite"]}});
        }
        d["requirements"] = requirements;
        const Program p = *read_program(d).program;
        std::vector<Entry> entries;
        for (std::size_t i = 0; i < problem.items.size(); ++i) {
            Entry e;
            e.id = "e" + std::to_string(i);
            e.title = "Session " + std::to_string(i);
            e.date = add_days(*parse_date(i % 20 == 19 ? "2026-11-27" : "2023-04-01"), date::days{static_cast<int>(i % 4)});
            e.kind = Kind::conference;
            e.credits = problem.items[i].amount;
            for (int r : problem.items[i].candidates) e.topics.push_back("t" + std::to_string(r));
            entries.push_back(e);
        }
        evaluation_row("subset sum: 12 requirements in a group, 60 activities for any of them", p, c, entries, runs);
    }
    const Program limits = program_at_limits(dir);
    for (std::size_t n : {std::size_t{1000}, std::size_t{10'000}, most}) {
        if (n > most) continue;
        evaluation_row("a program at every limit", limits, c, entries_for_limits(n), runs);
    }
    return 0;
}
