#include "allocation.h"

#include <algorithm>
#include <numeric>

namespace recert {

Credits coverage(const std::vector<Credits>& required, const std::vector<Credits>& earned) {
    Credits c;
    for (std::size_t r = 0; r < required.size(); ++r) c += std::min(required[r], earned[r]);
    return c;
}

namespace {

using Units = std::int64_t;

struct Search {
    std::vector<Units> req;
    std::vector<Units> amount;               // flexible items, largest first
    std::vector<std::vector<int>> cands;     // sorted ascending
    std::vector<bool> same_as_previous;      // identical to the item before: only non-decreasing choices
    std::vector<std::vector<Units>> reach;   // reach[k][r]: credit items k.. could still bring to r
    std::vector<Units> rest;                 // rest[k]: all credit of items k..

    Units value(const std::vector<Units>& e) const {
        Units v = 0;
        for (std::size_t r = 0; r < req.size(); ++r) v += std::min(req[r], e[r]);
        return v;
    }
    Units bound(std::size_t k, const std::vector<Units>& e) const {
        Units gain = 0;
        for (std::size_t r = 0; r < req.size(); ++r)
            if (e[r] < req[r]) gain += std::min(req[r] - e[r], reach[k][r]);
        return value(e) + std::min(gain, rest[k]);
    }
    // Options at level k: unmet candidates, largest deficit first (counting toward a met one
    // can never do better); if all are met, one is as good as another.
    void options(std::size_t k, const std::vector<Units>& e, int floor, std::vector<int>& out) const {
        out.clear();
        for (int r : cands[k])
            if (r >= floor && e[static_cast<std::size_t>(r)] < req[static_cast<std::size_t>(r)]) out.push_back(r);
        if (out.empty()) {
            for (int r : cands[k])
                if (r >= floor) { out.push_back(r); break; }
            return;
        }
        std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
            return req[static_cast<std::size_t>(a)] - e[static_cast<std::size_t>(a)] >
                   req[static_cast<std::size_t>(b)] - e[static_cast<std::size_t>(b)];
        });
    }
};

}  // namespace

Allocation allocate(const AllocationProblem& problem, std::int64_t node_budget) {
    const std::size_t R = problem.required.size();
    Allocation out;
    out.choice.assign(problem.items.size(), -1);
    std::vector<Units> base(R, 0);
    std::vector<std::size_t> flexible;
    for (std::size_t i = 0; i < problem.items.size(); ++i) {
        const auto& it = problem.items[i];
        if (it.candidates.size() == 1) {
            out.choice[i] = it.candidates[0];
            base[static_cast<std::size_t>(it.candidates[0])] += it.amount.units();
        } else if (it.candidates.size() > 1) {
            flexible.push_back(i);
        }
    }

    Search s;
    for (auto c : problem.required) s.req.push_back(c.units());
    auto sorted_cands = [&](std::size_t i) {
        auto c = problem.items[i].candidates;
        std::sort(c.begin(), c.end());
        c.erase(std::unique(c.begin(), c.end()), c.end());
        return c;
    };
    std::vector<std::vector<int>> cand_of(problem.items.size());
    for (auto i : flexible) cand_of[i] = sorted_cands(i);
    std::stable_sort(flexible.begin(), flexible.end(), [&](std::size_t a, std::size_t b) {
        const auto ua = problem.items[a].amount.units(), ub = problem.items[b].amount.units();
        if (ua != ub) return ua > ub;
        return cand_of[a] < cand_of[b];
    });
    const std::size_t n = flexible.size();
    for (std::size_t k = 0; k < n; ++k) {
        s.amount.push_back(problem.items[flexible[k]].amount.units());
        s.cands.push_back(cand_of[flexible[k]]);
        s.same_as_previous.push_back(k > 0 && s.amount[k] == s.amount[k - 1] && s.cands[k] == s.cands[k - 1]);
    }
    s.reach.assign(n + 1, std::vector<Units>(R, 0));
    s.rest.assign(n + 1, 0);
    for (std::size_t k = n; k-- > 0;) {
        s.reach[k] = s.reach[k + 1];
        for (int r : s.cands[k]) s.reach[k][static_cast<std::size_t>(r)] += s.amount[k];
        s.rest[k] = s.rest[k + 1] + s.amount[k];
    }

    // Greedy start: each item to its candidate with the largest deficit.
    std::vector<int> best(n, -1), cur(n, -1);
    std::vector<Units> e = base;
    std::vector<int> opts;
    for (std::size_t k = 0; k < n; ++k) {
        s.options(k, e, -1, opts);
        best[k] = opts.front();
        e[static_cast<std::size_t>(best[k])] += s.amount[k];
    }
    Units best_value = s.value(e);
    const Units ceiling = s.bound(0, base);

    // Depth-first search without recursion: logs can hold many thousands of flexible items.
    std::vector<std::vector<int>> level_opts(n);
    std::vector<std::size_t> next(n, 0);
    e = base;
    std::size_t k = 0;
    bool descending = true;
    std::int64_t nodes = 0;
    bool exhausted = best_value >= ceiling;
    while (!exhausted) {
        if (descending) {
            ++nodes;
            if (k == n) {
                const Units v = s.value(e);
                if (v > best_value) { best_value = v; best = cur; }
                descending = false;
            } else if (s.bound(k, e) <= best_value) {
                descending = false;
            } else {
                const int floor = s.same_as_previous[k] ? cur[k - 1] : -1;
                s.options(k, e, floor, level_opts[k]);
                next[k] = 0;
            }
            if (best_value >= ceiling || nodes >= node_budget) break;
            if (!descending) continue;
        }
        // Take the next option at level k, or go back up.
        if (!descending) {
            if (k == 0) { exhausted = true; break; }
            --k;
            e[static_cast<std::size_t>(cur[k])] -= s.amount[k];
        }
        if (next[k] < level_opts[k].size()) {
            cur[k] = level_opts[k][next[k]++];
            e[static_cast<std::size_t>(cur[k])] += s.amount[k];
            ++k;
            descending = true;
        } else {
            descending = false;
        }
    }
    out.optimal = best_value >= ceiling || exhausted;
    out.nodes = nodes;

    for (std::size_t k2 = 0; k2 < n; ++k2) out.choice[flexible[k2]] = best[k2];
    out.earned.assign(R, Credits{});
    for (std::size_t i = 0; i < problem.items.size(); ++i)
        if (out.choice[i] >= 0) out.earned[static_cast<std::size_t>(out.choice[i])] += problem.items[i].amount;
    out.coverage = coverage(problem.required, out.earned);
    return out;
}

}  // namespace recert
