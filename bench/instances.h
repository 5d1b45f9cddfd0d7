// Generated allocation instances for the reference check (bench/reference.cpp).
//
// Everything is in quarter hours, so a requirement and a credit amount are small
// integers and the objective, the sum over requirements of min(earned, required),
// is an integer that two solvers can be compared on exactly.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "allocation.h"

namespace recert::bench {

// A small, portable generator (splitmix64): the same seed gives the same
// instances with any compiler and standard library.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi].
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

private:
    std::uint64_t s_;
};

struct QuarterItem {
    std::int64_t quarters;
    std::vector<int> candidates;
};

struct Instance {
    std::string family;  // how it was made: random, tight, realistic, contested, adversarial, partition, symmetric
    std::vector<std::int64_t> required;  // quarter hours
    std::vector<QuarterItem> items;
};

// Instance number `index` of the set with this seed. The family cycles with the
// index, so any prefix of the set mixes every family; sizes run from 5 to 500
// items, 2 to 12 requirements and 1 to 4 candidates per item.
Instance generate(std::uint64_t seed, int index);

// The same instance in the allocator's units (1/300 of a credit).
AllocationProblem to_problem(const Instance& in);

// The instance as a MILP in CPLEX LP format:
//   maximise sum_r c_r  subject to  c_r <= required_r,  c_r <= sum_i a_i x_ir,
//   sum_r x_ir = 1 for every item,  x binary,  c continuous >= 0,
// with identical items merged: x_jr is then an integer, how many of the n_j
// copies of item j count toward r, and sum_r x_jr = n_j.
std::string to_lp(const Instance& in);

}  // namespace recert::bench
