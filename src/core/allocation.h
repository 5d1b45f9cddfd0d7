// Choosing, for activities that fit several exclusive requirements, which one each counts toward.
//
// Guarantee: allocate() returns an assignment that maximises the coverage,
// the sum over requirements of min(earned, required), with every item that has
// a candidate counted whole toward exactly one of them (so the credit counted is
// always the most possible). It is exact branch and bound (reductions, a cut
// bound at least as tight as the LP relaxation, start solutions guided by a
// maximum flow; see allocation.cpp): when it stops within its work budget,
// `optimal` is true and no assignment covers more; when the budget runs out,
// `optimal` is false and the result is the best found, never worse than the
// greedy start. bench/reference.cpp checks it against the MILP solver CBC.
#pragma once
#include <cstdint>
#include <vector>

#include "decimal.h"

namespace recert {

struct AllocationItem {
    Credits amount;
    std::vector<int> candidates;  // indexes into AllocationProblem::required
};

struct AllocationProblem {
    std::vector<Credits> required;
    std::vector<AllocationItem> items;
};

struct Allocation {
    std::vector<int> choice;       // per item: the requirement it counts toward, or -1 when it has no candidate
    std::vector<Credits> earned;   // per requirement
    Credits coverage;
    bool optimal = true;
    std::int64_t nodes = 0;        // search nodes visited, for benchmarks
    std::int64_t work = 0;         // work units used (see allocation_budget)
};

// The work one evaluation of a credential may spend on allocations, in work units: one unit
// is one step of an inner loop (a requirement looked at, a set of requirements tried, a word
// of a bit set, an edge of the flow graph), so where a search stops, and what it returns, is
// the same on every machine. 250 million units take 0.1 to 0.5 s natively (scripts/bench
// worst measures it); every instance of the reference check's seeds 1 and 2 is proven within it.
inline constexpr std::int64_t allocation_budget = 250'000'000;

Credits coverage(const std::vector<Credits>& required, const std::vector<Credits>& earned);
// A valid assignment whatever the budget: with none left, the start solutions.
Allocation allocate(const AllocationProblem& problem, std::int64_t work_budget = allocation_budget);

}  // namespace recert
