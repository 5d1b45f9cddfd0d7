// The log commands on large logs: merging an import, carrying a tab's changes over
// (rebase) and a fresh id, at 100,000 entries by default; then writing and reading the
// largest backup and CSV accepted. Prints one Markdown table row
// per case: the median of at least 3 runs and what the result holds.
//
//   recert_bench_merge [--entries N] [--runs R] [--write-backup PATH]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "commands.h"
#include "csv.h"
#include "instances.h"

using namespace recert;
using Clock = std::chrono::steady_clock;

namespace {

Entry entry(const std::string& id, std::size_t i, const char* title) {
    Entry e;
    e.id = id;
    e.title = std::string(title) + " " + std::to_string(i);
    e.provider = "Provider " + std::to_string(i % 37);
    e.date = add_days(*parse_date("2024-01-01"), date::days{static_cast<int>(i % 700)});
    e.kind = Kind::live_webinar;
    e.minutes = Minutes{60 + static_cast<std::int64_t>(i % 4) * 15};
    e.topics = {"fmla"};
    return e;
}

Log numbered(std::size_t n, std::size_t first_number, const char* prefix, const char* title) {
    Log log;
    Credential c;
    c.id = "c1";
    c.program = "dmec-clms";
    c.certified_on = parse_date("2025-02-10");
    log.credentials.push_back(c);
    for (std::size_t i = 0; i < n; ++i) log.entries.push_back(entry(prefix + std::to_string(first_number + i), i, title));
    return log;
}

template <class F>
double median_ms(int runs, F&& f) {
    std::vector<double> t;
    for (int r = 0; r < runs; ++r) {
        const auto t0 = Clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

void row(const char* what, std::size_t base, std::size_t incoming, double ms, const std::string& result) {
    std::printf("| %s | %zu | %zu | %.1f | %s |\n", what, base, incoming, ms, result.c_str());
    std::fflush(stdout);
}

std::string summary(const MergeSummary& s, const Log& merged) {
    return std::to_string(s.added) + " added, " + std::to_string(s.unchanged) + " unchanged, " + std::to_string(s.renamed) +
           " renamed; " + std::to_string(merged.entries.size()) + " entries";
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t n = 100'000;
    int runs = 3;
    std::string backup;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--entries") n = static_cast<std::size_t>(std::atol(argv[i + 1]));
        else if (a == "--write-backup") backup = argv[i + 1];
        else if (a == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
        else { std::fprintf(stderr, "recert_bench_merge: unknown flag %s\n", a.c_str()); return 2; }
    }
    const Log base = numbered(n, 1, "e", "Webinar");
    std::printf("| case | base entries | incoming entries | median ms | result |\n|---|---:|---:|---:|---|\n");
    // What every command costs at least: the log is a value, so the result is a new copy.
    {
        Log out;
        const double ms = median_ms(runs, [&] { out = base; });
        row("copying the log (the least a command costs)", n, 0, ms, std::to_string(out.entries.size()) + " entries");
    }

    // Every incoming entry is new: ids and contents the log does not have.
    {
        const Log in = numbered(n, 1, "x", "Course");
        MergeSummary s;
        Log out;
        const double ms = median_ms(runs, [&] { out = merge(base, in, &s); });
        row("merge, disjoint", n, n, ms, summary(s, out));
    }
    // The same backup imported again: every entry is already there.
    {
        MergeSummary s;
        Log out;
        const double ms = median_ms(runs, [&] { out = merge(base, base, &s); });
        row("merge, overlapping: identical", n, n, ms, summary(s, out));
    }
    // Another device's log: the same ids for other activities, so each comes in renamed.
    {
        const Log in = numbered(n, 1, "e", "Conference");
        MergeSummary s;
        Log out;
        const double ms = median_ms(runs, [&] { out = merge(base, in, &s); });
        row("merge, overlapping: ids taken", n, n, ms, summary(s, out));
    }
    // Half the same, half colliding ids, and a base numbered past its size (the next free
    // number is far away).
    {
        const Log far = numbered(n, n + 1, "e", "Webinar");
        Log in = numbered(n, n + 1, "e", "Webinar");
        for (std::size_t i = 0; i < n; i += 2) in.entries[i].title += " (changed)";
        MergeSummary s;
        Log out;
        const double ms = median_ms(runs, [&] { out = merge(far, in, &s); });
        row("merge, half identical, half ids taken, ids numbered past the size", n, n, ms, summary(s, out));
    }
    // Two tabs: this one edited, deleted and added 10% each; the other tab did the same to
    // other entries meanwhile.
    {
        Log ours = base, theirs = base;
        bench::Rng rng(7);
        for (std::size_t i = 0; i < n / 10; ++i) {
            ours.entries[static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(n) - 1))].title += " (ours)";
            theirs.entries[static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(n) - 1))].title += " (theirs)";
        }
        ours.entries.erase(ours.entries.begin(), ours.entries.begin() + static_cast<std::ptrdiff_t>(n / 10));
        theirs.entries.erase(theirs.entries.end() - static_cast<std::ptrdiff_t>(n / 10), theirs.entries.end());
        for (std::size_t i = 0; i < n / 10; ++i) {
            ours.entries.push_back(entry("o" + std::to_string(i), i, "Ours"));
            theirs.entries.push_back(entry("t" + std::to_string(i), i, "Theirs"));
        }
        Log out;
        const double ms = median_ms(runs, [&] { out = rebase(base, ours, theirs); });
        row("rebase: 10% edited, deleted and added in each tab", n, n, ms, std::to_string(out.entries.size()) + " entries");
    }
    {
        std::string id;
        const double ms = median_ms(runs, [&] { id = next_id(base, "e"); });
        row("next_id", n, 0, ms, id);
    }

    // The largest backup the CLI and the page accept (max_document_bytes), written as Recert
    // writes it, read back; and its CSV export. --write-backup PATH keeps it, for measuring
    // the CLI on it (/usr/bin/time -v recert validate PATH).
    Log big = numbered(1000, 1, "e", "Webinar");
    const std::size_t per_entry = serialize(big).size() / 1000 + 1;
    big = numbered(max_document_bytes / per_entry, 1, "e", "Webinar");
    std::string text = serialize(big);
    while (text.size() > max_document_bytes) {
        big.entries.resize(big.entries.size() - (text.size() - max_document_bytes) / per_entry - 1);
        text = serialize(big);
    }
    if (!backup.empty()) std::ofstream(backup, std::ios::binary) << text;
    const std::string size = std::to_string(text.size()) + " bytes";
    {
        const double ms = median_ms(runs, [&] { text = serialize(big); });
        row(("serialize: a backup at the size limit, " + size).c_str(), big.entries.size(), 0, ms, "");
    }
    {
        LogResult r;
        const double ms = median_ms(runs, [&] { r = parse_log(text); });
        row(("parse_log: the same backup, " + size).c_str(), 0, big.entries.size(), ms,
            std::to_string(r.log ? r.log->entries.size() : 0) + " entries");
    }
    std::string csv;
    {
        const double ms = median_ms(runs, [&] { csv = to_csv(big.entries); });
        row(("to_csv: its entries, " + std::to_string(csv.size()) + " bytes").c_str(), big.entries.size(), 0, ms, "");
    }
    {
        CsvImport r;
        const double ms = median_ms(runs, [&] { r = parse_csv(csv); });
        row("parse_csv: that CSV", 0, big.entries.size(), ms,
            std::to_string(r.entries.size()) + " entries, " + std::to_string(r.rejected.size()) + " rejected");
    }
    return 0;
}
