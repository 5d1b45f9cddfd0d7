#include "allocation.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <numeric>

namespace recert {

Credits coverage(const std::vector<Credits>& required, const std::vector<Credits>& earned) {
    Credits c;
    for (std::size_t r = 0; r < required.size(); ++r) c += std::min(required[r], earned[r]);
    return c;
}

// How the search stays exact and fast (see allocation.h for the guarantee):
//
// 1. Reductions. Counting an item toward a requirement that is already met
//    adds nothing, and counting it toward an unmet one never lowers the
//    coverage. So an item keeps only its candidates that the fixed items have
//    not met yet; with one left it is fixed there, with none it goes anywhere.
//    This repeats until nothing changes.
// 2. Decomposition. The remaining items join requirements into connected
//    components, which are solved one by one: the coverage is their sum.
// 3. A bound on each component's gain, from cuts of the transportation
//    problem: for a set U of requirements, the others gain at most their
//    deficits, and U gains at most what the items that can reach U bring it,
//    each item at most the largest deficit it could fill there, and no more
//    than a knapsack over U allows when every amount a requirement can receive
//    is a multiple of some g (a requirement filled needs its deficit rounded up
//    to a multiple of g; one left short gets at most that less g). The least
//    over U bounds the gain; it is at least as tight as the LP relaxation.
// 4. Start solutions: largest deficit first; best fit; and a dive guided by
//    the relaxation (the maximum flow's whole items, then an exact search on
//    the rest). When one reaches the bound, it is optimal and the search ends.
// 5. Otherwise depth-first branch and bound over the items, largest first,
//    each toward one of its unmet candidates, largest deficit first; identical
//    items take non-decreasing choices. A node is cut when its gain plus a
//    bound on what the later items could still bring cannot beat the best
//    found: what each requirement could still receive; the subset sums each
//    requirement could still reach (class SubsetSums); and, where a run of
//    identical items starts, the cut bound of step 3. A node whose capped
//    deficits were already explored at the same depth is skipped (its subtree
//    is the same). The search ends when it has explored every node left, or
//    reached the bound (optimal either way), or used its work budget (then the
//    result is the best found and says it is not proven optimal).
namespace {

using Units = std::int64_t;

// Work done, in units of one step of an inner loop (a requirement looked at, a set of
// requirements tried, a word of a bit set, an edge of the flow graph): the budget is counted
// in these, so where a search stops is the same on every machine.
struct Work {
    std::int64_t used = 0, limit = 0;
    bool spent() const { return used >= limit; }
    std::int64_t left() const { return std::max<std::int64_t>(0, limit - used); }
};

// The items of one component, in the component's own requirement numbering.
struct Component {
    std::vector<Units> deficit;           // per requirement, > 0 at the start
    std::vector<Units> amount;            // per item, largest first
    std::vector<std::vector<int>> cands;  // per item: sorted, at least two
    std::vector<std::size_t> item;        // per item: its index in the problem
};

// Items of the same amount and candidates, next to each other once sorted.
struct Run {
    std::uint32_t mask;  // candidates, when there are at most 32 requirements
    Units amount, count;
    std::size_t first;
};

std::vector<Run> runs_of(const Component& c) {
    std::vector<Run> runs;
    for (std::size_t k = 0; k < c.amount.size(); ++k) {
        std::uint32_t mask = 0;
        for (int r : c.cands[k])
            if (r < 32) mask |= 1u << r;
        if (k > 0 && c.amount[k] == c.amount[k - 1] && c.cands[k] == c.cands[k - 1]) ++runs.back().count;
        else runs.push_back({mask, c.amount[k], 1, k});
    }
    return runs;
}

// The cut bound of step 3: the most the items of runs[from..] could add to the
// coverage, the deficits being d. Needs at most 16 requirements. Tables over
// the sets of unmet requirements make each set cost a few operations.
class CutBound {
public:
    // `first_left`: how many items of runs[from] are left (the search may be inside that run).
    Units operator()(const std::vector<Units>& d, const std::vector<Run>& runs, std::size_t from, Units first_left, bool knapsack) {
        work += static_cast<std::int64_t>((runs.size() - from + 1) * d.size());
        // Number the unmet requirements 0..u-1.
        std::vector<int>& index = index_;
        index.assign(d.size(), -1);
        std::vector<Units>& dd = dd_;
        dd.clear();
        Units total = 0;
        for (std::size_t r = 0; r < d.size(); ++r)
            if (d[r] > 0) {
                index[r] = static_cast<int>(dd.size());
                dd.push_back(d[r]);
            }
        const std::size_t u = dd.size();
        const Units all = std::accumulate(dd.begin(), dd.end(), Units{0});
        if (u == 0) return 0;
        const std::uint32_t full = (1u << u) - 1;
        const std::size_t size = std::size_t{1} << u;

        // Runs in that numbering, only those touching an unmet requirement.
        local_.clear();
        std::vector<Units> g(u, 0);
        Units smallest = all;
        for (Units x : dd) smallest = std::min(smallest, x);
        for (std::size_t j = from; j < runs.size(); ++j) {
            std::uint32_t mask = 0;
            for (std::size_t r = 0; r < d.size(); ++r)
                if ((runs[j].mask >> r & 1u) && index[r] >= 0) mask |= 1u << index[r];
            if (!mask) continue;
            const Units count = j == from ? first_left : runs[j].count;
            total += runs[j].amount * count;
            local_.push_back({mask, runs[j].amount, count, j});
            for (std::size_t r = 0; r < u; ++r)
                if (mask >> r & 1u) g[r] = std::gcd(g[r], runs[j].amount);
        }
        Units best = std::min(all, total);
        if (best == 0) return 0;
        work += static_cast<std::int64_t>(size * (u + 2 + local_.size()));

        // Per set U: sum and largest of the deficits, credit of the runs that can only reach
        // requirements inside U (so the runs reaching U bring total - within[~U]).
        sum_.assign(size, 0);
        most_.assign(size, 0);
        within_.assign(size, 0);
        for (std::uint32_t U = 1; U <= full; ++U) {
            const std::uint32_t low = U & (~U + 1), rest = U & (U - 1);
            const Units x = dd[static_cast<std::size_t>(__builtin_ctz(low))];
            sum_[U] = sum_[rest] + x;
            most_[U] = std::max(most_[rest], x);
        }
        for (const Run& run : local_) within_[run.mask] += run.amount * run.count;
        for (std::size_t r = 0; r < u; ++r)
            for (std::uint32_t X = 0; X <= full; ++X)
                if (X >> r & 1u) within_[X] += within_[X ^ (1u << r)];
        // Runs larger than some deficit: their credit counts at most the largest deficit they reach in U.
        big_.clear();
        for (const Run& run : local_)
            if (run.amount > smallest) big_.push_back(run);

        if (knapsack) {
            // Filling r exactly takes its deficit rounded up to a multiple of g[r]; left short it gets at most that less g[r].
            up_.assign(size, 0);
            down_.assign(size, 0);
            constexpr Units unreachable = std::numeric_limits<Units>::max() / 64;
            for (std::uint32_t U = 1; U <= full; ++U) {
                const std::uint32_t low = U & (~U + 1), rest = U & (U - 1);
                const std::size_t r = static_cast<std::size_t>(__builtin_ctz(low));
                // No item left can reach r: it cannot be filled, nor get anything.
                const Units upr = g[r] ? (dd[r] + g[r] - 1) / g[r] * g[r] : unreachable;
                up_[U] = up_[rest] + upr;
                down_[U] = down_[rest] + (g[r] ? upr - g[r] : 0);
            }
        }

        work += static_cast<std::int64_t>(size * (big_.size() + 1));
        for (std::uint32_t U = full; U; --U) {
            const Units outside = all - sum_[U], inside = sum_[U];
            if (outside >= best) continue;
            const Units reach = total - within_[full & ~U];
            Units capped = reach;
            for (const Run& run : big_) {
                const std::uint32_t in = run.mask & U;
                if (in && most_[in] < run.amount) capped -= (run.amount - most_[in]) * run.count;
            }
            Units gain = std::min({inside, capped, reach});
            if (knapsack && reach < up_[U]) {
                // The knapsack over which requirements of U end up filled.
                Units knap = 0;
                work += std::int64_t{1} << __builtin_popcount(U);
                for (std::uint32_t F = U;; F = (F - 1) & U) {
                    const Units cost = up_[F];
                    if (cost <= reach) knap = std::max(knap, sum_[F] + std::min(reach - cost, down_[U] - down_[F]));
                    if (F == 0) break;
                }
                gain = std::min(gain, knap);
            }
            best = std::min(best, outside + gain);
        }
        return best;
    }

    std::int64_t work = 0;  // units used by all calls so far

private:
    std::vector<int> index_;
    std::vector<Units> dd_, sum_, most_, within_, up_, down_;
    std::vector<Run> local_, big_;
};

// The sums the items k.. that can reach requirement r could bring it, as bit
// sets in units of the items' common divisor: each requirement alone, the
// others ignored. A requirement is either filled, taking at least the least
// such sum that reaches its deficit, or left short, getting at most the largest
// sum below it; the credit left must pay for what the filled ones take. That
// bounds the gain (a knapsack over which requirements end up filled), and is
// much sharper than the cut bound when little credit is to spare.
class SubsetSums {
public:
    // False (and unusable) when the tables would take too much memory.
    bool build(const Component& c, std::size_t max_words) {
        m_ = c.deficit.size();
        n_ = c.amount.size();
        if (m_ > 12) return false;
        g_ = 0;
        Units biggest = 0;
        for (Units a : c.amount) { g_ = std::gcd(g_, a); biggest = std::max(biggest, a); }
        Units top = 0;
        for (Units d : c.deficit) top = std::max(top, d);
        const Units bits = (top + biggest) / g_ + 2;
        w_ = static_cast<std::size_t>(bits / 64 + 1);
        if (bits > (Units{1} << 20) || (n_ + 1) * m_ * w_ > max_words) return false;
        sets_.assign((n_ + 1) * m_ * w_, 0);
        work += static_cast<std::int64_t>((n_ + 1) * m_ * w_ * 2);
        for (std::size_t r = 0; r < m_; ++r) at(n_, r)[0] = 1;
        for (std::size_t k = n_; k-- > 0;) {
            std::copy_n(at(k + 1, 0), m_ * w_, at(k, 0));
            const std::size_t shift = static_cast<std::size_t>(c.amount[k] / g_), words = shift / 64, bit = shift % 64;
            for (int r : c.cands[k]) {
                const std::uint64_t* from = at(k + 1, static_cast<std::size_t>(r));
                std::uint64_t* to = at(k, static_cast<std::size_t>(r));
                for (std::size_t w = w_; w-- > words;) {
                    std::uint64_t v = from[w - words] << bit;
                    if (bit && w > words) v |= from[w - words - 1] >> (64 - bit);
                    to[w] |= v;
                }
            }
        }
        return true;
    }
    // The most items k.. (total credit `rest`) can add with deficits d.
    Units bound(std::size_t k, const std::vector<Units>& d, Units rest) {
        up_.clear();
        gap_.clear();
        Units down_all = 0;
        for (std::size_t r = 0; r < m_; ++r) {
            if (d[r] == 0) continue;
            const std::uint64_t* set = at(k, r);
            const std::size_t t = static_cast<std::size_t>((d[r] + g_ - 1) / g_);  // the least multiple of g reaching d[r]
            // Largest sum below the deficit (0 is always there), least sum reaching it.
            std::size_t below = 0;
            for (std::size_t b = t; b-- > 0;) {
                ++work;
                const std::uint64_t word = set[b / 64] & (b % 64 == 63 ? ~0ULL : (2ULL << (b % 64)) - 1);
                if (word) { below = b / 64 * 64 + 63 - static_cast<std::size_t>(__builtin_clzll(word)); break; }
                b = b / 64 * 64;
            }
            Units up = -1;
            for (std::size_t b = t; b < w_ * 64;) {
                ++work;
                const std::uint64_t word = set[b / 64] >> (b % 64);
                if (word) { up = static_cast<Units>(b + static_cast<std::size_t>(__builtin_ctzll(word))) * g_; break; }
                b = (b / 64 + 1) * 64;
            }
            const Units down = static_cast<Units>(below) * g_;
            down_all += down;
            up_.push_back(up < 0 ? -1 : up - d[r]);  // what filling it wastes, or -1: it cannot be filled
            gap_.push_back(d[r] - down);             // what leaving it short costs at least
        }
        // max over the set F of filled ones of min(rest - waste(F), down_all + gap(F)),
        // F among those that can be filled.
        const std::size_t u = up_.size();
        std::uint32_t fillable = 0;
        for (std::size_t r = 0; r < u; ++r)
            if (up_[r] >= 0) fillable |= 1u << r;
        waste_.assign(std::size_t{1} << u, 0);
        gained_.assign(std::size_t{1} << u, 0);
        work += std::int64_t{2} << u;
        Units best = std::min(rest, down_all);
        // F = {} is the first value; each F builds on F without its lowest member, done before it.
        for (std::uint32_t F = 1; F < (1u << u); ++F) {
            if (F & ~fillable) continue;
            const std::uint32_t rest_of = F & (F - 1);
            const auto r = static_cast<std::size_t>(__builtin_ctz(F));
            waste_[F] = waste_[rest_of] + up_[r];
            gained_[F] = gained_[rest_of] + gap_[r];
            best = std::max(best, std::min(rest - waste_[F], down_all + gained_[F]));
        }
        return best;
    }

    std::int64_t work = 0;  // units used by build and all bounds so far

private:
    std::uint64_t* at(std::size_t k, std::size_t r) { return &sets_[(k * m_ + r) * w_]; }
    std::size_t m_ = 0, n_ = 0, w_ = 0;
    Units g_ = 1;
    std::vector<std::uint64_t> sets_;
    std::vector<Units> up_, gap_, waste_, gained_;
};

// Capped deficit vectors already explored, per depth: exact keys, bounded memory.
class Seen {
public:
    Seen(std::size_t words_per_key, std::size_t max_words) : w_(words_per_key), max_keys_(max_words / words_per_key) {}
    // True if the key was there; otherwise adds it (while there is room).
    bool check_and_add(const std::int32_t* key) {
        if (max_keys_ == 0) return false;
        if (slots_.empty()) slots_.assign(1024, 0);
        const std::uint64_t h = hash(key);
        std::size_t mask = slots_.size() - 1, i = h & mask;
        // A probe of a table of megabytes is a cache miss: it costs what 64 steps do.
        work += static_cast<std::int64_t>(4 * w_ + 64);
        while (std::uint32_t s = slots_[i]) {
            work += static_cast<std::int64_t>(w_ + 64);
            if (std::memcmp(&keys_[(s - 1) * w_], key, w_ * sizeof(std::int32_t)) == 0) return true;
            i = (i + 1) & mask;
        }
        if (count_ >= max_keys_) return false;
        work += static_cast<std::int64_t>(8 * w_ + 32);  // with its share of growing the table
        keys_.insert(keys_.end(), key, key + w_);
        slots_[i] = static_cast<std::uint32_t>(++count_);
        if (count_ * 2 > slots_.size()) grow();
        return false;
    }

private:
    std::uint64_t hash(const std::int32_t* key) const {
        std::uint64_t h = 0x9e3779b97f4a7c15ULL;
        for (std::size_t j = 0; j < w_; ++j) {
            h ^= static_cast<std::uint32_t>(key[j]);
            h *= 0xff51afd7ed558ccdULL;
            h ^= h >> 32;
        }
        return h;
    }
    void grow() {
        work += static_cast<std::int64_t>(slots_.size() * 2 + count_ * (4 * w_ + 64));
        std::vector<std::uint32_t> old(slots_.size() * 2, 0);
        old.swap(slots_);
        const std::size_t mask = slots_.size() - 1;
        for (std::uint32_t s : old) {
            if (!s) continue;
            std::size_t i = hash(&keys_[(s - 1) * w_]) & mask;
            while (slots_[i]) i = (i + 1) & mask;
            slots_[i] = s;
        }
    }
public:
    std::int64_t work = 0;  // units used so far

private:
    std::size_t w_, max_keys_, count_ = 0;
    std::vector<std::int32_t> keys_;
    std::vector<std::uint32_t> slots_;
};

// Maximum flow (Dinic) on a small graph: what the items could bring the
// requirements if they could be split.
class Flow {
public:
    explicit Flow(std::size_t nodes) : g_(nodes), level_(nodes), it_(nodes) {}
    std::size_t add(std::size_t u, std::size_t v, Units cap) {
        g_[u].push_back({v, cap, g_[v].size()});
        g_[v].push_back({u, 0, g_[u].size() - 1});
        return g_[u].size() - 1;
    }
    Units left(std::size_t u, std::size_t e) const { return g_[u][e].cap; }
    std::int64_t work = 0;  // edges looked at
    Units run(std::size_t s, std::size_t t) {
        Units total = 0;
        while (levels(s, t))
            while (Units f = push(s, t, std::numeric_limits<Units>::max())) total += f;
        return total;
    }

private:
    struct Edge { std::size_t to; Units cap; std::size_t rev; };
    bool levels(std::size_t s, std::size_t t) {
        std::fill(level_.begin(), level_.end(), -1);
        std::fill(it_.begin(), it_.end(), 0);
        std::vector<std::size_t> queue{s};
        level_[s] = 0;
        for (std::size_t q = 0; q < queue.size(); ++q)
            for (const Edge& e : g_[queue[q]]) {
                ++work;
                if (e.cap > 0 && level_[e.to] < 0) {
                    level_[e.to] = level_[queue[q]] + 1;
                    queue.push_back(e.to);
                }
            }
        return level_[t] >= 0;
    }
    // Paths alternate items and requirements, so they are short: recursion is fine.
    Units push(std::size_t u, std::size_t t, Units f) {
        if (u == t) return f;
        for (; it_[u] < g_[u].size(); ++it_[u]) {
            ++work;
            Edge& e = g_[u][it_[u]];
            if (e.cap <= 0 || level_[e.to] != level_[u] + 1) continue;
            if (Units got = push(e.to, t, std::min(f, e.cap))) {
                e.cap -= got;
                g_[e.to][e.rev].cap += got;
                return got;
            }
        }
        return 0;
    }
    std::vector<std::vector<Edge>> g_;
    std::vector<int> level_;
    std::vector<std::size_t> it_;
};

// The start of a solution guided by the relaxation: split the items as the
// maximum flow would, count whole items where the flow carries whole items,
// and solve the flow again for the rest until it carries no whole item. The
// items left (-1) are for an exact search on what remains. Stops early (more items left)
// when the work runs out.
std::vector<int> dive(const Component& c, Work& work) {
    const std::size_t m = c.deficit.size(), n = c.amount.size();
    struct Run { std::size_t first, left; };
    std::vector<Run> runs;
    for (std::size_t k = 0; k < n; ++k)
        if (k > 0 && c.amount[k] == c.amount[k - 1] && c.cands[k] == c.cands[k - 1]) ++runs.back().left;
        else runs.push_back({k, 1});
    std::vector<Units> d = c.deficit;
    std::vector<int> choice(n, -1);
    auto assign = [&](std::size_t j, int r, std::size_t count) {
        Run& run = runs[j];
        const Units a = c.amount[run.first];
        for (std::size_t q = 0; q < count; ++q) choice[run.first + (--run.left)] = r;
        auto& dr = d[static_cast<std::size_t>(r)];
        dr = std::max<Units>(0, dr - a * static_cast<Units>(count));
    };
    const std::size_t J = runs.size(), rounds = 2 * J + 2 * m + 64;
    for (std::size_t round = 0; round < rounds && !work.spent(); ++round) {
        // Nodes: source, runs, requirements, sink.
        Flow flow(J + m + 2);
        const std::size_t source = 0, sink = J + m + 1;
        std::vector<std::vector<std::size_t>> edge(J);
        for (std::size_t j = 0; j < J; ++j) {
            const Units have = c.amount[runs[j].first] * static_cast<Units>(runs[j].left);
            if (have == 0) continue;
            flow.add(source, 1 + j, have);
            for (int r : c.cands[runs[j].first]) edge[j].push_back(flow.add(1 + j, 1 + J + static_cast<std::size_t>(r), have));
        }
        for (std::size_t r = 0; r < m; ++r)
            if (d[r] > 0) flow.add(1 + J + r, sink, d[r]);
        const Units carried = flow.run(source, sink);
        work.used += flow.work + static_cast<std::int64_t>(J * (m + 2));
        if (carried == 0) break;
        bool whole = false;
        for (std::size_t j = 0; j < J; ++j) {
            if (runs[j].left == 0) continue;
            const Units a = c.amount[runs[j].first], have = a * static_cast<Units>(runs[j].left);
            const auto& cands = c.cands[runs[j].first];
            for (std::size_t e = 0; e < cands.size(); ++e) {
                const Units f = have - flow.left(1 + j, edge[j][e]);
                if (f >= a) {
                    assign(j, cands[e], static_cast<std::size_t>(f / a));
                    whole = true;
                }
            }
        }
        if (!whole) break;
    }
    // Give the exact search some room: where three or more identical items went to one
    // requirement, up to three of them go back to it.
    work.used += static_cast<std::int64_t>(n + J * m);
    for (std::size_t k = 0, end = 0; k < n; k = end) {
        end = k + 1;
        while (end < n && c.amount[end] == c.amount[k] && c.cands[end] == c.cands[k]) ++end;
        std::vector<int> sent(m, 0), back(m, 0);
        for (std::size_t i = k; i < end; ++i)
            if (choice[i] >= 0) ++sent[static_cast<std::size_t>(choice[i])];
        for (std::size_t i = k; i < end; ++i) {
            if (choice[i] < 0) continue;
            const auto r = static_cast<std::size_t>(choice[i]);
            if (sent[r] >= 3 && back[r] < 3) {
                ++back[r];
                choice[i] = -1;
            }
        }
    }
    return choice;
}

struct Result {
    std::vector<int> choice;  // per component item
    bool optimal = true;
};

Allocation allocate_within(const AllocationProblem& problem, Work& work, bool diving);

Result solve(const Component& c, std::int64_t& nodes, Work& work, bool diving) {
    const std::size_t m = c.deficit.size(), n = c.amount.size();
    std::size_t all_cands = 0;
    for (const auto& k : c.cands) all_cands += k.size();
    auto gain_of = [&](const std::vector<Units>& d) {
        Units g = 0;
        for (std::size_t r = 0; r < m; ++r) g += c.deficit[r] - d[r];
        return g;
    };
    // Start solutions: largest deficit first, and best fit (the smallest deficit the item fills).
    Result out;
    Units best_gain = -1;
    for (int rule = 0; rule < 2; ++rule) {
        std::vector<Units> d = c.deficit;
        std::vector<int> choice(n);
        for (std::size_t k = 0; k < n; ++k) {
            int pick = -1;
            for (int r : c.cands[k]) {
                const Units dr = d[static_cast<std::size_t>(r)];
                if (dr == 0) continue;
                if (pick < 0) { pick = r; continue; }
                const Units dp = d[static_cast<std::size_t>(pick)];
                const bool better = rule == 0 ? dr > dp
                                              : (dr >= c.amount[k]) != (dp >= c.amount[k]) ? dr >= c.amount[k]
                                                : dr >= c.amount[k]                      ? dr < dp
                                                                                         : dr > dp;
                if (better) pick = r;
            }
            if (pick < 0) pick = c.cands[k][0];
            choice[k] = pick;
            auto& dr = d[static_cast<std::size_t>(pick)];
            dr = std::max<Units>(0, dr - c.amount[k]);
        }
        const Units g = gain_of(d);
        if (g > best_gain) { best_gain = g; out.choice = choice; }
    }
    work.used += static_cast<std::int64_t>(3 * (all_cands + m));
    const std::vector<Run> runs = runs_of(c);
    const bool cuts = m <= 16;  // the cut bound enumerates sets of requirements
    CutBound cut_bound;
    const Units ceiling = cuts ? cut_bound(c.deficit, runs, 0, runs.empty() ? 0 : runs[0].count, m <= 12)
                               : std::min(std::accumulate(c.deficit.begin(), c.deficit.end(), Units{0}),
                                          std::accumulate(c.amount.begin(), c.amount.end(), Units{0}));
    work.used += cut_bound.work;
    cut_bound.work = 0;
    ++nodes;
    out.optimal = best_gain >= ceiling;
    if (out.optimal || work.spent()) return out;
    if (diving) {
        // The relaxation's whole items, then the best completion of them (found by the same
        // search, on the few items left; its optimality does not matter here).
        std::vector<int> choice = dive(c, work);
        std::vector<Units> d = c.deficit;
        for (std::size_t k = 0; k < n; ++k) {
            if (choice[k] < 0) continue;
            auto& dr = d[static_cast<std::size_t>(choice[k])];
            dr = std::max<Units>(0, dr - c.amount[k]);
        }
        AllocationProblem rest;
        for (Units dr : d) rest.required.push_back(Credits::from_units(dr));
        std::vector<std::size_t> left;
        for (std::size_t k = 0; k < n; ++k)
            if (choice[k] < 0) {
                left.push_back(k);
                rest.items.push_back({Credits::from_units(c.amount[k]), c.cands[k]});
            }
        Work sub_work{0, std::min(work.limit / 10, work.left())};
        const Allocation sub = allocate_within(rest, sub_work, false);
        nodes += sub.nodes;
        work.used += sub_work.used;
        for (std::size_t q = 0; q < left.size(); ++q) {
            const int r = sub.choice[q];
            choice[left[q]] = r;
            auto& dr = d[static_cast<std::size_t>(r)];
            dr = std::max<Units>(0, dr - c.amount[left[q]]);
        }
        const Units g = gain_of(d);
        if (g > best_gain) { best_gain = g; out.choice = std::move(choice); }
        out.optimal = best_gain >= ceiling;
        if (out.optimal || work.spent()) return out;
    }

    // reach[k * m + r]: credit items k.. could still bring to r; rest[k]: all of it.
    std::vector<Units> reach((n + 1) * m, 0), rest(n + 1, 0);
    for (std::size_t k = n; k-- > 0;) {
        std::copy_n(&reach[(k + 1) * m], m, &reach[k * m]);
        for (int r : c.cands[k]) reach[k * m + static_cast<std::size_t>(r)] += c.amount[k];
        rest[k] = rest[k + 1] + c.amount[k];
    }
    work.used += static_cast<std::int64_t>((n + 1) * m);
    SubsetSums sums;
    const bool sums_ok = sums.build(c, std::size_t{1} << 20);
    work.used += sums.work;
    sums.work = 0;
    std::vector<std::size_t> run_at(n);  // the run item k belongs to
    for (std::size_t j = 0; j < runs.size(); ++j)
        for (Units q = 0; q < runs[j].count; ++q) run_at[runs[j].first + static_cast<std::size_t>(q)] = j;
    std::vector<char> same(n, 0);
    for (std::size_t k = 1; k < n; ++k) same[k] = c.amount[k] == c.amount[k - 1] && c.cands[k] == c.cands[k - 1];

    const bool small = *std::max_element(c.deficit.begin(), c.deficit.end()) <= std::numeric_limits<std::int32_t>::max();
    Seen seen(m + 2, small ? std::size_t{4} << 20 : 0);
    std::vector<std::int32_t> key(m + 2);

    std::vector<Units> d = c.deficit;
    Units gain = 0;
    std::vector<int> cur(n, -1);
    std::vector<Units> before(n, 0);          // the chosen requirement's deficit before item k
    std::vector<int> opts(n * m), nopts(n, 0), next(n, 0);
    std::size_t k = 0;
    bool descending = true, exhausted = false;
    while (true) {
        if (descending) {
            ++nodes;
            work.used += static_cast<std::int64_t>(m + c.cands[std::min(k, n - 1)].size());
            bool cut = false;
            if (k == n) {
                if (gain > best_gain) { best_gain = gain; out.choice = cur; }
                cut = true;
            } else {
                Units could = 0;
                for (std::size_t r = 0; r < m; ++r) could += std::min(d[r], reach[k * m + r]);
                cut = gain + std::min(could, rest[k]) <= best_gain;
                if (!cut && small) {
                    const int floor = same[k] ? cur[k - 1] : -1;
                    key[0] = static_cast<std::int32_t>(k);
                    key[1] = floor;
                    for (std::size_t r = 0; r < m; ++r) key[r + 2] = static_cast<std::int32_t>(d[r]);
                    cut = seen.check_and_add(key.data());
                    work.used += seen.work;
                    seen.work = 0;
                }
                if (!cut && sums_ok) {
                    cut = gain + sums.bound(k, d, rest[k]) <= best_gain;
                    work.used += sums.work;
                    sums.work = 0;
                }
                // Where a run of identical items starts, the cut bound on what is left, when it is cheap enough.
                if (!cut && cuts && runs[run_at[k]].first == k && ((runs.size() - run_at[k]) << m) <= (std::size_t{1} << 16)) {
                    const Run& run = runs[run_at[k]];
                    cut = gain + cut_bound(d, runs, run_at[k], static_cast<Units>(run.first) + run.count - static_cast<Units>(k), m <= 8) <= best_gain;
                    work.used += cut_bound.work;
                    cut_bound.work = 0;
                }
                if (!cut) {
                    // Unmet candidates at or above the floor, largest deficit first; if all are met, any one.
                    const int floor = same[k] ? cur[k - 1] : -1;
                    int* o = &opts[k * m];
                    int count = 0;
                    for (int r : c.cands[k])
                        if (r >= floor && d[static_cast<std::size_t>(r)] > 0) o[count++] = r;
                    if (count == 0) {
                        for (int r : c.cands[k])
                            if (r >= floor) { o[count++] = r; break; }
                    } else {
                        // Stable insertion sort: a few options, and std::stable_sort allocates a buffer per call.
                        for (int x = 1; x < count; ++x)
                            for (int y = x; y > 0 && d[static_cast<std::size_t>(o[y])] > d[static_cast<std::size_t>(o[y - 1])]; --y) std::swap(o[y], o[y - 1]);
                        work.used += count * count;
                    }
                    nopts[k] = count;
                    next[k] = 0;
                }
            }
            if (best_gain >= ceiling || work.spent()) break;
            descending = !cut;
            if (cut) {
                if (k == 0) { exhausted = true; break; }
                --k;
                auto& dr = d[static_cast<std::size_t>(cur[k])];
                gain -= before[k] - dr;
                dr = before[k];
            }
        }
        // Take the next option at level k, or go back up.
        if (next[k] < nopts[k]) {
            const int r = opts[k * m + static_cast<std::size_t>(next[k]++)];
            cur[k] = r;
            auto& dr = d[static_cast<std::size_t>(r)];
            before[k] = dr;
            dr = std::max<Units>(0, dr - c.amount[k]);
            gain += before[k] - dr;
            ++k;
            descending = true;
        } else {
            if (k == 0) { exhausted = true; break; }
            --k;
            auto& dr = d[static_cast<std::size_t>(cur[k])];
            gain -= before[k] - dr;
            dr = before[k];
        }
    }
    out.optimal = exhausted || best_gain >= ceiling;
    return out;
}

Allocation allocate_within(const AllocationProblem& problem, Work& work, bool diving) {
    const std::size_t R = problem.required.size(), N = problem.items.size();
    Allocation out;
    out.choice.assign(N, -1);
    std::vector<Units> req(R), base(R, 0);
    for (std::size_t r = 0; r < R; ++r) req[r] = problem.required[r].units();

    // Step 1: fix what can be fixed without losing anything. Candidates sit end to end in
    // one array (logs can hold many thousands of items).
    std::vector<int> flat;
    std::vector<std::size_t> first(N), size(N);
    for (std::size_t i = 0; i < N; ++i) {
        const auto& c = problem.items[i].candidates;
        first[i] = flat.size();
        flat.insert(flat.end(), c.begin(), c.end());
        const auto b = flat.begin() + static_cast<std::ptrdiff_t>(first[i]);
        std::sort(b, flat.end());
        size[i] = static_cast<std::size_t>(std::unique(b, flat.end()) - b);
        flat.resize(first[i] + size[i]);
    }
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < N; ++i)
        if (size[i] > 0) open.push_back(i);
    // Items are fixed one at a time, in order, pass after pass while one had a single unmet
    // candidate. Each item keeps a count of its unmet candidates, lowered when one of them is
    // met, so a pass costs a step per item, not per candidate: with many candidates per item
    // and a requirement met per pass, that was quadratic.
    constexpr std::int64_t never = std::numeric_limits<std::int64_t>::max();
    std::vector<std::int64_t> met_at(R, never);  // when each requirement was met: the count of `met` then
    std::int64_t met = 0;
    for (std::size_t r = 0; r < R; ++r)
        if (base[r] >= req[r]) met_at[r] = 0;
    std::vector<std::size_t> with_first(R + 1, 0), with(flat.size());  // items with each requirement as a candidate
    for (int r : flat) ++with_first[static_cast<std::size_t>(r) + 1];
    for (std::size_t r = 0; r < R; ++r) with_first[r + 1] += with_first[r];
    std::vector<std::size_t> unmet(N, 0);
    std::vector<std::int64_t> checked(N, -1);  // `met` when the item was last found with two or more unmet
    {
        std::vector<std::size_t> fill(with_first.begin(), with_first.end() - 1);
        for (std::size_t i : open)
            for (std::size_t k = 0; k < size[i]; ++k) {
                const auto r = static_cast<std::size_t>(flat[first[i] + k]);
                with[fill[r]++] = i;
                unmet[i] += met_at[r] == never;
            }
    }
    // Copying and sorting each item's candidates, and the tables above (calibrated by
    // scripts/bench worst, like the other charges).
    work.used += static_cast<std::int64_t>(16 * N + 2 * R + 8 * flat.size());
    for (bool changed = true; changed;) {
        changed = false;
        std::size_t still = 0;
        work.used += static_cast<std::int64_t>(open.size());
        for (std::size_t i : open) {
            if (unmet[i] >= 2) {
                checked[i] = met;
                open[still++] = i;
                continue;
            }
            // The one unmet candidate; with none, the first one that was unmet when the item
            // was last checked (the first of all if never), as a list kept to those would start.
            const int* c = &flat[first[i]];
            std::size_t k = 0;
            while (k + 1 < size[i] && !(unmet[i] == 1 ? met_at[static_cast<std::size_t>(c[k])] == never
                                                       : met_at[static_cast<std::size_t>(c[k])] > checked[i])) ++k;
            work.used += static_cast<std::int64_t>(k + 1);
            const auto r = static_cast<std::size_t>(c[k]);
            out.choice[i] = c[k];
            changed = changed || unmet[i] == 1;
            const bool was_met = met_at[r] != never;
            base[r] += problem.items[i].amount.units();
            if (!was_met && base[r] >= req[r]) {
                met_at[r] = ++met;
                for (std::size_t q = with_first[r]; q < with_first[r + 1]; ++q)
                    if (out.choice[with[q]] < 0) --unmet[with[q]];
                work.used += static_cast<std::int64_t>(with_first[r + 1] - with_first[r]);
            }
        }
        open.resize(still);
    }
    // The open items keep their unmet candidates, in order. (The last pass met nothing.)
    for (std::size_t i : open) {
        int* c = &flat[first[i]];
        std::size_t kept = 0;
        for (std::size_t k = 0; k < size[i]; ++k)
            if (met_at[static_cast<std::size_t>(c[k])] == never) c[kept++] = c[k];
        size[i] = kept;
        work.used += static_cast<std::int64_t>(size[i]);
    }
    auto cands_of = [&](std::size_t i) { return std::vector<int>(flat.begin() + static_cast<std::ptrdiff_t>(first[i]),
                                                                 flat.begin() + static_cast<std::ptrdiff_t>(first[i] + size[i])); };

    // Step 2: components of the requirements the open items join.
    std::vector<std::size_t> parent(R);
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    auto root = [&](std::size_t r) {
        while (parent[r] != r) r = parent[r] = parent[parent[r]];
        return r;
    };
    for (std::size_t i : open)
        for (std::size_t k = 0; k < size[i]; ++k)
            parent[root(static_cast<std::size_t>(flat[first[i] + k]))] = root(static_cast<std::size_t>(flat[first[i]]));
    std::vector<std::vector<std::size_t>> by_root(R);
    for (std::size_t i : open) by_root[root(static_cast<std::size_t>(flat[first[i]]))].push_back(i);

    std::int64_t nodes = 0;
    for (std::size_t top = 0; top < R; ++top) {
        auto& items = by_root[top];
        if (items.empty()) continue;
        std::vector<int> local(R, -1), global;
        for (std::size_t r = 0; r < R; ++r)
            if (base[r] < req[r] && root(r) == top) {
                local[r] = static_cast<int>(global.size());
                global.push_back(static_cast<int>(r));
            }
        for (std::size_t i : items)
            for (std::size_t k = 0; k < size[i]; ++k) flat[first[i] + k] = local[static_cast<std::size_t>(flat[first[i] + k])];
        std::stable_sort(items.begin(), items.end(), [&](std::size_t a, std::size_t b) {
            const Units ua = problem.items[a].amount.units(), ub = problem.items[b].amount.units();
            if (ua != ub) return ua > ub;
            return std::lexicographical_compare(flat.begin() + static_cast<std::ptrdiff_t>(first[a]),
                                                flat.begin() + static_cast<std::ptrdiff_t>(first[a] + size[a]),
                                                flat.begin() + static_cast<std::ptrdiff_t>(first[b]),
                                                flat.begin() + static_cast<std::ptrdiff_t>(first[b] + size[b]));
        });
        Component c;
        for (int r : global) c.deficit.push_back(req[static_cast<std::size_t>(r)] - base[static_cast<std::size_t>(r)]);
        for (std::size_t i : items) {
            c.amount.push_back(problem.items[i].amount.units());
            c.cands.push_back(cands_of(i));
            c.item.push_back(i);
        }
        std::size_t component_cands = 0;
        for (std::size_t i : items) component_cands += size[i];
        // Sorting the items, and a vector of candidates for each.
        work.used += static_cast<std::int64_t>(items.size() * (64 + std::bit_width(items.size())) + 16 * component_cands + R);
        const Result res = solve(c, nodes, work, diving);
        out.optimal = out.optimal && res.optimal;
        for (std::size_t k = 0; k < items.size(); ++k) out.choice[items[k]] = global[static_cast<std::size_t>(res.choice[k])];
    }
    out.nodes = nodes;
    out.work = work.used;

    out.earned.assign(R, Credits{});
    for (std::size_t i = 0; i < N; ++i)
        if (out.choice[i] >= 0) out.earned[static_cast<std::size_t>(out.choice[i])] += problem.items[i].amount;
    out.coverage = coverage(problem.required, out.earned);
    return out;
}

}  // namespace

Allocation allocate(const AllocationProblem& problem, std::int64_t work_budget) {
    Work work{0, work_budget};
    return allocate_within(problem, work, true);
}

}  // namespace recert
