// The reference check: the allocator against CBC, an established MILP solver,
// on generated instances (bench/instances.cpp). Each instance is written as an
// LP file, solved by `cbc`, and the two optimal objective values (integers, in
// quarter hours) must be equal; the allocator must also claim optimality and
// return a real assignment with the coverage it reports.
//
//   recert_reference [--count N] [--from I] [--seed S] [--cbc PATH] [--dir DIR] [--keep] [--verbose]
//
// --from I checks instances I to I+N-1 of the set (to rerun one that failed).
//
// Exit status 0 when every instance matches, 1 on any mismatch, 2 on bad usage
// or when cbc cannot be run.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <unistd.h>

#include "allocation.h"
#include "instances.h"

using namespace recert;
using namespace recert::bench;
using Clock = std::chrono::steady_clock;

namespace {

struct CbcResult {
    bool ran = false, optimal = false;
    double objective = 0;
    double seconds = 0;  // wall time of the cbc process, start to exit
    std::string output;
};

CbcResult run_cbc(const std::string& cbc, const std::string& lp_path, const std::string& options = "") {
    CbcResult r;
    const std::string cmd = cbc + " '" + lp_path + "' " + options + " solve 2>&1";
    const auto t0 = Clock::now();
    FILE* f = popen(cmd.c_str(), "r");
    if (!f) return r;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, f)) r.output += buf;
    const int status = pclose(f);
    r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    r.ran = status == 0;
    r.optimal = r.output.find("Result - Optimal solution found") != std::string::npos;
    const auto at = r.output.find("Objective value:");
    if (at == std::string::npos) r.optimal = false;
    else r.objective = std::strtod(r.output.c_str() + at + 16, nullptr);
    return r;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

// Seconds per call of allocate(p), repeated until at least 2 ms have passed.
double time_allocate(const AllocationProblem& p, Allocation& out) {
    int reps = 0;
    const auto t0 = Clock::now();
    auto t = t0;
    do {
        out = allocate(p);
        ++reps;
        t = Clock::now();
    } while (t - t0 < std::chrono::milliseconds(2) && reps < 1000);
    return std::chrono::duration<double>(t - t0).count() / reps;
}

// The assignment is real: each item toward one of its candidates, sums and coverage as reported.
bool valid(const AllocationProblem& p, const Allocation& a, std::string& why) {
    std::vector<Credits> earned(p.required.size());
    for (std::size_t i = 0; i < p.items.size(); ++i) {
        const auto& c = p.items[i].candidates;
        if (c.empty()) {
            if (a.choice[i] != -1) { why = "item without candidates was assigned"; return false; }
            continue;
        }
        if (std::find(c.begin(), c.end(), a.choice[i]) == c.end()) { why = "item " + std::to_string(i) + " assigned to a non-candidate"; return false; }
        earned[static_cast<std::size_t>(a.choice[i])] += p.items[i].amount;
    }
    if (earned != a.earned) { why = "earned does not match the assignment"; return false; }
    if (coverage(p.required, earned) != a.coverage) { why = "coverage does not match the assignment"; return false; }
    return true;
}

// The obvious rule a person (or a simple program) follows: largest item first,
// each toward the candidate with the largest deficit left. Counted to show how
// often the instances need more than that.
Credits greedy(const AllocationProblem& p) {
    std::vector<std::size_t> order(p.items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p.items[b].amount < p.items[a].amount; });
    std::vector<Credits> earned(p.required.size());
    for (std::size_t i : order) {
        int pick = -1;
        for (int r : p.items[i].candidates) {
            const auto ur = static_cast<std::size_t>(r);
            if (pick < 0 || p.required[ur] - earned[ur] > p.required[static_cast<std::size_t>(pick)] - earned[static_cast<std::size_t>(pick)]) pick = r;
        }
        if (pick >= 0) earned[static_cast<std::size_t>(pick)] += p.items[i].amount;
    }
    return coverage(p.required, earned);
}

struct Family {
    int instances = 0, mismatches = 0, not_optimal = 0, greedy_short = 0;
    std::int64_t max_nodes = 0, max_work = 0;
    std::vector<double> alloc_s, cbc_s, ratio;
};

void print_row(const char* name, const Family& f) {
    std::printf("%-12s %6d %6d %8d %7d %10.3f %10.3f %9.1f %9.1f %9.5f %9.5f %9lld %9.1f\n", name, f.instances, f.mismatches,
                f.not_optimal, f.greedy_short, median(f.alloc_s) * 1e3,
                f.alloc_s.empty() ? 0.0 : *std::max_element(f.alloc_s.begin(), f.alloc_s.end()) * 1e3, median(f.cbc_s) * 1e3,
                f.cbc_s.empty() ? 0.0 : *std::max_element(f.cbc_s.begin(), f.cbc_s.end()) * 1e3, median(f.ratio),
                f.ratio.empty() ? 0.0 : *std::max_element(f.ratio.begin(), f.ratio.end()), static_cast<long long>(f.max_nodes),
                static_cast<double>(f.max_work) / 1e6);
}

int usage() {
    std::fprintf(stderr, "usage: recert_reference [--count N] [--from I] [--seed S] [--cbc PATH] [--dir DIR] [--keep] [--verbose]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    int count = 2000, from = 0;
    std::uint64_t seed = 1;
    std::string cbc = "cbc", dir;
    bool keep = false, verbose = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        if (a == "--count") { const char* v = value(); if (!v) return usage(); count = std::atoi(v); }
        else if (a == "--from") { const char* v = value(); if (!v) return usage(); from = std::atoi(v); }
        else if (a == "--seed") { const char* v = value(); if (!v) return usage(); seed = std::strtoull(v, nullptr, 10); }
        else if (a == "--cbc") { const char* v = value(); if (!v) return usage(); cbc = v; }
        else if (a == "--dir") { const char* v = value(); if (!v) return usage(); dir = v; }
        else if (a == "--keep") keep = true;
        else if (a == "--verbose") verbose = true;
        else return usage();
    }
    if (count <= 0 || from < 0) return usage();
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    namespace fs = std::filesystem;
    if (dir.empty()) dir = (fs::temp_directory_path() / ("recert-reference-" + std::to_string(getpid()))).string();
    fs::create_directories(dir);

    // CBC's fixed cost: starting the process and reading a trivial file.
    {
        Instance trivial{"trivial", {1}, {{1, {0}}}};
        const std::string path = dir + "/trivial.lp";
        std::ofstream(path) << to_lp(trivial);
        const CbcResult r = run_cbc(cbc, path);
        if (!r.ran || !r.optimal || r.objective != 1) {
            std::fprintf(stderr, "recert_reference: cannot run cbc (%s); install coinor-cbc (scripts/setup does)\n%s", cbc.c_str(),
                         r.output.c_str());
            return 2;
        }
        std::vector<double> starts;
        for (int k = 0; k < 5; ++k) starts.push_back(run_cbc(cbc, path).seconds);
        std::printf("cbc start-up on a one-item instance: %.1f ms (median of 5); included in the CBC times below\n", median(starts) * 1e3);
        fs::remove(path);
    }

    std::map<std::string, Family> families;
    int cbc_retries = 0;
    Family all;
    const auto t_start = Clock::now();
    for (int index = from; index < from + count; ++index) {
        const Instance in = generate(seed, index);
        const AllocationProblem p = to_problem(in);
        Allocation a;
        const double alloc_s = time_allocate(p, a);

        const std::string path = dir + "/instance-" + std::to_string(index) + ".lp";
        std::ofstream(path) << to_lp(in);
        CbcResult r = run_cbc(cbc, path);
        // CBC 2.10.8 sometimes fails an assertion in its presolve (OsiClpSolverInterface::crunch);
        // the same model solves without it.
        if (!r.ran || !r.optimal) {
            const CbcResult again = run_cbc(cbc, path, "-presolve off");
            if (again.ran && again.optimal) {
                r = again;
                ++cbc_retries;
            }
        }
        if (!keep) fs::remove(path);

        constexpr std::int64_t quarter = Credits::scale / 4;
        const std::int64_t mine = a.coverage.units() / quarter;
        const long long theirs = std::llround(r.objective);
        std::string why;
        bool ok = r.ran && r.optimal && std::abs(r.objective - static_cast<double>(theirs)) < 1e-6 &&
                  a.coverage.units() % quarter == 0 && mine == theirs && valid(p, a, why);
        if (!r.ran || !r.optimal) why = "cbc did not report an optimal solution";
        else if (mine != theirs) why = "objective " + std::to_string(mine) + " vs cbc " + std::to_string(theirs);

        for (Family* f : {&families[in.family], &all}) {
            ++f->instances;
            if (!ok) ++f->mismatches;
            if (!a.optimal) ++f->not_optimal;
            if (greedy(p) < a.coverage) ++f->greedy_short;
            f->max_nodes = std::max(f->max_nodes, a.nodes);
            f->max_work = std::max(f->max_work, a.work);
            f->alloc_s.push_back(alloc_s);
            f->cbc_s.push_back(r.seconds);
            f->ratio.push_back(alloc_s / r.seconds);
        }
        if (!ok || !a.optimal || verbose)
            std::printf("%s instance %d (%s, %zu items, %zu requirements): allocator %lld%s, cbc %lld, %.3f ms vs %.1f ms, %lld nodes, %.1f million work units of %.0f%s%s\n",
                        ok && a.optimal ? "ok" : "MISMATCH", index, in.family.c_str(), in.items.size(), in.required.size(),
                        static_cast<long long>(mine), a.optimal ? "" : " (not proven optimal)", theirs, alloc_s * 1e3, r.seconds * 1e3,
                        static_cast<long long>(a.nodes), static_cast<double>(a.work) / 1e6, static_cast<double>(allocation_budget) / 1e6,
                        why.empty() ? "" : ": ", why.c_str());
        if (!ok && keep) std::printf("  kept %s\n", path.c_str());
    }
    if (!keep) fs::remove_all(dir);
    const double wall = std::chrono::duration<double>(Clock::now() - t_start).count();

    std::printf("\nseed %llu, %d instances in %.1f s; times per instance, ratio = allocator time / CBC time; work in millions of units\n",
                static_cast<unsigned long long>(seed), count, wall);
    std::printf("%-12s %6s %6s %8s %7s %10s %10s %9s %9s %9s %9s %9s %9s\n", "family", "count", "wrong", "unproven", "greedy<",
                "alloc ms", "alloc max", "cbc ms", "cbc max", "ratio", "worst", "max nodes", "max work");
    for (const auto& [name, f] : families) print_row(name.c_str(), f);
    print_row("all", all);
    std::printf("\n%d instances, %d mismatches, %d not proven optimal, greedy short of the optimum on %d", all.instances,
                all.mismatches, all.not_optimal, all.greedy_short);
    if (cbc_retries) std::printf(" (cbc solved %d of them only with -presolve off: its presolve failed an assertion)", cbc_retries);
    std::printf("\n");
    return all.mismatches == 0 && all.not_optimal == 0 ? 0 : 1;
}
