#include "instances.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace recert::bench {

namespace {

// Item counts spread evenly on a log scale from lo to hi.
int log_size(Rng& rng, int lo, int hi) {
    const double u = static_cast<double>(rng.between(0, 1'000'000)) / 1e6;
    return static_cast<int>(std::lround(lo * std::pow(static_cast<double>(hi) / lo, u)));
}

std::vector<int> pick(Rng& rng, int R, int k) {
    std::vector<int> all(static_cast<std::size_t>(R));
    std::iota(all.begin(), all.end(), 0);
    for (int i = 0; i < k; ++i) std::swap(all[static_cast<std::size_t>(i)], all[static_cast<std::size_t>(rng.between(i, R - 1))]);
    all.resize(static_cast<std::size_t>(k));
    return all;
}

// Lengths people log, in quarter hours: mostly an hour or so, some long days.
std::int64_t session(Rng& rng) {
    static const std::int64_t common[] = {4, 4, 4, 5, 6, 6, 6, 8, 8, 2, 3, 12, 16, 24, 28, 1, 7, 10};
    return common[rng.between(0, std::size(common) - 1)];
}

// Per requirement, the credit its items could bring it if each item split its amount evenly.
std::vector<double> shares(const Instance& in) {
    std::vector<double> s(in.required.size(), 0.0);
    for (const auto& it : in.items)
        for (int r : it.candidates) s[static_cast<std::size_t>(r)] += static_cast<double>(it.quarters) / static_cast<double>(it.candidates.size());
    return s;
}

// Minimums around `fill` times each requirement's share (tight near 1, loose well below).
void set_minimums(Instance& in, Rng& rng, double fill) {
    const auto s = shares(in);
    for (std::size_t r = 0; r < in.required.size(); ++r) {
        const double noise = 0.75 + 0.5 * static_cast<double>(rng.between(0, 1000)) / 1000.0;
        in.required[r] = std::max<std::int64_t>(1, std::llround(s[r] * fill * noise));
    }
}

Instance random_items(Rng& rng, const char* family, bool realistic_lengths) {
    Instance in;
    in.family = family;
    const int R = static_cast<int>(rng.between(2, 12));
    const int n = log_size(rng, 5, 500);
    in.required.assign(static_cast<std::size_t>(R), 0);
    for (int i = 0; i < n; ++i) {
        const int k = static_cast<int>(rng.between(1, std::min(4, R)));
        in.items.push_back({realistic_lengths ? session(rng) : rng.between(1, 16), pick(rng, R, k)});
    }
    return in;
}

// ALA-style: a handful of topic requirements of one to three hours, sometimes a
// 15-hour pool, sessions of at least an hour with one to three topics.
Instance realistic(Rng& rng) {
    Instance in;
    in.family = "realistic";
    const int R = static_cast<int>(rng.between(5, 8));
    for (int r = 0; r < R; ++r) in.required.push_back(4 * rng.between(1, 3));
    if (rng.chance(0.5)) in.required[0] = 60;
    const int n = log_size(rng, 5, 500);
    for (int i = 0; i < n; ++i) {
        const int k = rng.chance(0.6) ? 1 : rng.chance(0.7) ? 2 : 3;
        std::int64_t q = session(rng);
        if (q < 4) q = 4;  // sessions under an hour earn nothing there
        in.items.push_back({q, pick(rng, R, k)});
    }
    // Short logs of a person still earning: scale minimums so some are unmet.
    if (n < 40) set_minimums(in, rng, 1.2);
    return in;
}

// Plenty of credit for most requirements, and a few rare ones fighting over a
// handful of items larger than what they need: the coverage bound is loose there.
Instance contested(Rng& rng) {
    Instance in;
    in.family = "contested";
    const int R = static_cast<int>(rng.between(4, 12));
    const int rare = static_cast<int>(rng.between(2, std::min(4, R - 2)));
    const int common = R - rare;
    for (int r = 0; r < common; ++r) in.required.push_back(4 * rng.between(2, 12));
    for (int r = 0; r < rare; ++r) in.required.push_back(rng.between(2, 8));
    const int n = log_size(rng, 40, 500);
    for (int i = 0; i < n; ++i) {
        const int k = static_cast<int>(rng.between(1, std::min(4, common)));
        in.items.push_back({session(rng), pick(rng, common, k)});
    }
    const int fought = static_cast<int>(rng.between(1, rare + 1));
    for (int i = 0; i < fought; ++i) {
        std::vector<int> c = pick(rng, rare, static_cast<int>(rng.between(2, std::min(rare, 3))));
        for (int& r : c) r += common;
        if (rng.chance(0.3)) c.push_back(static_cast<int>(rng.between(0, common - 1)));
        in.items.push_back({rng.between(6, 12), c});
    }
    // Some common requirements run short too.
    for (int r = 0; r < common; ++r)
        if (rng.chance(0.25)) in.required[static_cast<std::size_t>(r)] *= 8;
    return in;
}

// Gadgets where the largest deficit is the wrong place: requirement A short by
// dA, B short by dB > dA, C already met. Item P (dB, {A, B}) goes to B by
// largest deficit; item Q (q, {B, C}) then finds B and C met. Sending P to A
// and Q to B covers dA + q > dB. Chained and buried in noise.
Instance adversarial(Rng& rng) {
    Instance in;
    in.family = "adversarial";
    const int R = static_cast<int>(rng.between(3, 12));
    in.required.assign(static_cast<std::size_t>(R), 0);
    std::vector<std::int64_t> base(static_cast<std::size_t>(R), 0);
    const int gadgets = static_cast<int>(rng.between(1, std::max(1, R / 3 + 1)));
    for (int g = 0; g < gadgets; ++g) {
        const auto abc = pick(rng, R, 3);
        const auto A = static_cast<std::size_t>(abc[0]), B = static_cast<std::size_t>(abc[1]), C = static_cast<std::size_t>(abc[2]);
        const std::int64_t dA = rng.between(1, 8), dB = dA + rng.between(1, 8), q = rng.between(dB - dA + 1, dB);
        in.required[A] += dA;
        in.required[B] += dB;
        if (in.required[C] == 0) in.required[C] = rng.between(1, 8);
        // Fill C with an item that can only go there.
        const std::int64_t fillC = in.required[C] + rng.between(0, 2);
        in.items.push_back({fillC, {abc[2]}});
        in.items.push_back({dB, {abc[0], abc[1]}});
        in.items.push_back({q, {abc[1], abc[2]}});
    }
    for (auto& r : in.required)
        if (r == 0) r = rng.between(1, 12);
    const int n = log_size(rng, 5, 500);
    while (static_cast<int>(in.items.size()) < n) {
        const int k = static_cast<int>(rng.between(1, std::min(4, R)));
        in.items.push_back({rng.between(1, 6), pick(rng, R, k)});
    }
    // The noise adds credit; raise minimums so it does not cover everything.
    const auto s = shares(in);
    for (std::size_t r = 0; r < in.required.size(); ++r) in.required[r] += std::llround(s[r] * 0.9);
    for (std::size_t i = 0; i < in.items.size(); ++i) std::swap(in.items[i], in.items[static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(i)))]);
    return in;
}

// Few requirements, every item able to go to several of them, lumpy amounts and
// minimums that do not divide them: the subset-sum core of the problem.
Instance partition(Rng& rng) {
    Instance in;
    in.family = "partition";
    const int R = static_cast<int>(rng.between(2, 4));
    const std::int64_t lump = rng.between(2, 4);
    const int n = log_size(rng, 5, 500);
    std::int64_t total = 0;
    for (int i = 0; i < n; ++i) {
        const int k = static_cast<int>(rng.between(std::min(2, R), std::min(4, R)));
        const std::int64_t q = lump * rng.between(1, 6);
        total += q;
        in.items.push_back({q, pick(rng, R, k)});
    }
    const std::int64_t target = total + rng.between(-2, 3);
    for (int r = 0; r < R; ++r) in.required.push_back(std::max<std::int64_t>(1, target / R + (r == 0 ? target % R : 0)));
    return in;
}

// Many copies of a few kinds of item.
Instance symmetric(Rng& rng) {
    Instance in;
    in.family = "symmetric";
    const int R = static_cast<int>(rng.between(2, 12));
    in.required.assign(static_cast<std::size_t>(R), 0);
    const int kinds = static_cast<int>(rng.between(1, 6));
    std::vector<QuarterItem> proto;
    for (int k = 0; k < kinds; ++k) proto.push_back({session(rng), pick(rng, R, static_cast<int>(rng.between(1, std::min(4, R))))});
    const int n = log_size(rng, 5, 500);
    for (int i = 0; i < n; ++i) in.items.push_back(proto[static_cast<std::size_t>(rng.between(0, kinds - 1))]);
    set_minimums(in, rng, 0.9 + 0.2 * static_cast<double>(rng.between(0, 100)) / 100.0);
    return in;
}

}  // namespace

Instance generate(std::uint64_t seed, int index) {
    Rng rng(seed * 0x2545F4914F6CDD1DULL + static_cast<std::uint64_t>(index) * 0x9E3779B97F4A7C15ULL + 1);
    rng.next();
    switch (index % 7) {
        case 0: {
            Instance in = random_items(rng, "loose", false);
            set_minimums(in, rng, 0.2 + 0.5 * static_cast<double>(rng.between(0, 100)) / 100.0);
            return in;
        }
        case 1: {
            Instance in = random_items(rng, "tight", rng.chance(0.5));
            set_minimums(in, rng, 0.85 + 0.25 * static_cast<double>(rng.between(0, 100)) / 100.0);
            return in;
        }
        case 2: return realistic(rng);
        case 3: return contested(rng);
        case 4: return adversarial(rng);
        case 5: return partition(rng);
        default: return symmetric(rng);
    }
}

AllocationProblem to_problem(const Instance& in) {
    constexpr std::int64_t quarter = Credits::scale / 4;
    AllocationProblem p;
    for (auto r : in.required) p.required.push_back(Credits::from_units(r * quarter));
    for (const auto& it : in.items) p.items.push_back({Credits::from_units(it.quarters * quarter), it.candidates});
    return p;
}

std::string to_lp(const Instance& in) {
    // Identical items (same amount, same candidates) are one integer variable per
    // candidate: how many of them count there. The same problem as one binary per
    // item and candidate, without the symmetry that makes a MILP solver enumerate
    // equivalent assignments.
    struct Class { std::int64_t quarters; std::vector<int> candidates; std::int64_t count; };
    std::vector<Class> classes;
    for (const auto& it : in.items) {
        auto c = it.candidates;
        std::sort(c.begin(), c.end());
        auto same = std::find_if(classes.begin(), classes.end(), [&](const Class& k) { return k.quarters == it.quarters && k.candidates == c; });
        if (same != classes.end()) ++same->count;
        else classes.push_back({it.quarters, c, 1});
    }
    auto var = [](std::size_t j, int r) {
        std::string v = "x";
        v += std::to_string(j);
        v += '_';
        v += std::to_string(r);
        return v;
    };
    // Lines stay short: LP readers limit their length.
    std::string lp = "\\ recert allocation instance (" + in.family + "), quarter hours\nMaximize\n obj:";
    for (std::size_t r = 0; r < in.required.size(); ++r) lp += (r % 16 == 15 ? "\n  + c" : " + c") + std::to_string(r);
    lp += "\nSubject To\n";
    for (std::size_t r = 0; r < in.required.size(); ++r) {
        lp += " cov" + std::to_string(r) + ": c" + std::to_string(r);
        int on_line = 0;
        for (std::size_t j = 0; j < classes.size(); ++j)
            for (int cr : classes[j].candidates)
                if (cr == static_cast<int>(r)) {
                    if (++on_line % 8 == 0) lp += "\n  ";
                    lp += " - " + std::to_string(classes[j].quarters) + " " + var(j, cr);
                }
        lp += " <= 0\n";
    }
    for (std::size_t j = 0; j < classes.size(); ++j) {
        lp += " one" + std::to_string(j) + ":";
        for (std::size_t k = 0; k < classes[j].candidates.size(); ++k) lp += (k ? " + " : " ") + var(j, classes[j].candidates[k]);
        lp += " = " + std::to_string(classes[j].count) + "\n";
    }
    lp += "Bounds\n";
    for (std::size_t r = 0; r < in.required.size(); ++r)
        lp += " 0 <= c" + std::to_string(r) + " <= " + std::to_string(in.required[r]) + "\n";
    std::string binaries, generals;
    for (std::size_t j = 0; j < classes.size(); ++j)
        for (int r : classes[j].candidates) {
            if (classes[j].count == 1) { binaries += " " + var(j, r) + "\n"; continue; }
            lp += " 0 <= " + var(j, r) + " <= " + std::to_string(classes[j].count) + "\n";
            generals += " " + var(j, r) + "\n";
        }
    if (!binaries.empty()) lp += "Binaries\n" + binaries;
    if (!generals.empty()) lp += "Generals\n" + generals;
    lp += "End\n";
    return lp;
}

}  // namespace recert::bench
